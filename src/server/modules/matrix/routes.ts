import type { App, Deps } from "#server/deps.ts";
import { requestLocale } from "#server/platform/i18n.ts";
import { route } from "#server/platform/route.ts";
import { matrixRoutes } from "#shared/contracts/routes/matrix.ts";
import { matrixCsv } from "./csv.ts";
import { directoryMatrix, matrixCellOffers } from "./service.ts";

/** The phase × district and type × district matrix of the directory, for the network coordinator. */
export function registerMatrixRoutes(app: App, { db }: Deps) {
  route(app, matrixRoutes.get, async (request) =>
    directoryMatrix({ db, by: request.query.by, locale: requestLocale(request) }),
  );

  route(app, matrixRoutes.cellOffers, async (request) =>
    matrixCellOffers({ db, query: request.query, locale: requestLocale(request) }),
  );

  route(app, matrixRoutes.csv, async (request, reply) => {
    const matrix = await directoryMatrix({ db, by: request.query.by, locale: "de" });
    const date = new Date().toISOString().slice(0, 10);
    return reply
      .type("text/csv; charset=utf-8")
      .header("content-disposition", `attachment; filename="angebotsmatrix-${request.query.by}-${date}.csv"`)
      .send(matrixCsv(matrix));
  });
}
