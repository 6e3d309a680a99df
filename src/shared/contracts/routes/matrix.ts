import { z } from "zod";
import { Problem } from "#shared/contracts/common.ts";
import { Matrix, MatrixCellQuery, MatrixOfferList, MatrixQuery } from "#shared/contracts/matrix.ts";
import { defineRoute } from "#shared/contracts/route.ts";

const tags = ["directory"];
const problems = { 400: Problem, 401: Problem, 403: Problem };

/** The phase × district and type × district matrix of the directory, for the network coordinator. */
export const matrixRoutes = {
  get: defineRoute({
    method: "GET",
    path: "/api/directory/matrix",
    access: "directory.analyse",
    tags,
    summary: "Active offers per phase (or offer type) and district, with the gaps",
    query: MatrixQuery,
    response: { 200: Matrix, ...problems },
  }),
  cellOffers: defineRoute({
    method: "GET",
    path: "/api/directory/matrix/offers",
    access: "directory.analyse",
    tags,
    summary: "The offers of one cell (phase or type, and district) of the matrix",
    query: MatrixCellQuery,
    response: { 200: MatrixOfferList, ...problems },
  }),
  csv: defineRoute({
    method: "GET",
    path: "/api/directory/matrix.csv",
    access: "directory.analyse",
    tags,
    summary: "The matrix as CSV for Excel (semicolon-separated, UTF-8 with BOM, German headers)",
    query: MatrixQuery,
    produces: ["text/csv"],
    response: { 200: z.string().describe("CSV file"), ...problems },
  }),
};
