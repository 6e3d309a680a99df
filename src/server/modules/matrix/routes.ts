import { z } from "zod";
import { Problem } from "#shared/contracts/common.ts";
import { Matrix, MatrixCellQuery, MatrixOfferList, MatrixQuery } from "#shared/contracts/matrix.ts";
import type { App, Deps } from "../../deps.ts";
import { requestLocale } from "../../platform/i18n.ts";
import { matrixCsv } from "./csv.ts";
import { directoryMatrix, matrixCellOffers } from "./service.ts";

const tags = ["directory"];
const problems = { 400: Problem, 401: Problem, 403: Problem };

/** The phase × district and type × district matrix of the directory, for the network coordinator. */
export function registerMatrixRoutes(app: App, { db }: Deps) {
  app.get(
    "/api/directory/matrix",
    {
      config: { access: "directory.analyse" },
      schema: {
        tags,
        summary: "Active offers per phase (or offer type) and district, with the gaps",
        querystring: MatrixQuery,
        response: { 200: Matrix, ...problems },
      },
    },
    async (request) => directoryMatrix({ db, by: request.query.by, locale: requestLocale(request) }),
  );

  app.get(
    "/api/directory/matrix/offers",
    {
      config: { access: "directory.analyse" },
      schema: {
        tags,
        summary: "The offers of one cell (phase or type, and district) of the matrix",
        querystring: MatrixCellQuery,
        response: { 200: MatrixOfferList, ...problems },
      },
    },
    async (request) => matrixCellOffers({ db, query: request.query, locale: requestLocale(request) }),
  );

  app.get(
    "/api/directory/matrix.csv",
    {
      config: { access: "directory.analyse" },
      schema: {
        tags,
        summary: "The matrix as CSV for Excel (semicolon-separated, UTF-8 with BOM, German headers)",
        querystring: MatrixQuery,
        produces: ["text/csv"],
        response: { 200: z.string().describe("CSV file"), ...problems },
      },
    },
    async (request, reply) => {
      const matrix = await directoryMatrix({ db, by: request.query.by, locale: "de" });
      const date = new Date().toISOString().slice(0, 10);
      return reply
        .type("text/csv; charset=utf-8")
        .header(
          "content-disposition",
          `attachment; filename="angebotsmatrix-${request.query.by}-${date}.csv"`,
        )
        .send(matrixCsv(matrix));
    },
  );
}
