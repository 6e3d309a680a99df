import type { App, Deps } from "#server/deps.ts";
import { ctxOf } from "#server/platform/context.ts";
import { route } from "#server/platform/route.ts";
import { hsdsRoutes } from "#shared/contracts/routes/hsds.ts";
import { importDirectory } from "./import-use-case.ts";
import { ensureLotseTaxonomies } from "./lotse-taxonomies.ts";
import {
  getOrganization,
  getService,
  getServiceAtLocation,
  getTaxonomy,
  getTaxonomyTerm,
  listOrganizations,
  listServiceAtLocations,
  listServices,
  listTaxonomies,
  listTaxonomyTerms,
  serviceRoot,
} from "./read.ts";

/** The Open Referral HSDS 3.0 API: public reads of the directory, and the coordination's import. */
export function registerHsdsRoutes(app: App, { db, config }: Deps) {
  // Services name Lotse's taxonomy terms; /taxonomy_terms must list them from the first request on.
  let ensured: Promise<void> | undefined;
  const ready = () => {
    ensured ??= ensureLotseTaxonomies(db).catch((err) => {
      ensured = undefined;
      throw err;
    });
    return ensured;
  };

  route(app, hsdsRoutes.root, async () => serviceRoot(config.publicUrl));

  route(app, hsdsRoutes.services, async (request) => listServices(db, request.query));
  route(app, hsdsRoutes.service, async (request) => getService(db, request.params.id));
  route(app, hsdsRoutes.organizations, async (request) => listOrganizations(db, request.query));
  route(app, hsdsRoutes.organization, async (request) =>
    getOrganization(db, request.params.id, request.query.full_service),
  );
  route(app, hsdsRoutes.taxonomies, async (request) => {
    await ready();
    return listTaxonomies(db, request.query);
  });
  route(app, hsdsRoutes.taxonomy, async (request) => {
    await ready();
    return getTaxonomy(db, request.params.id);
  });
  route(app, hsdsRoutes.taxonomyTerms, async (request) => {
    await ready();
    return listTaxonomyTerms(db, request.query);
  });
  route(app, hsdsRoutes.taxonomyTerm, async (request) => {
    await ready();
    return getTaxonomyTerm(db, request.params.id);
  });
  route(app, hsdsRoutes.serviceAtLocations, async (request) => listServiceAtLocations(db, request.query));
  route(app, hsdsRoutes.serviceAtLocation, async (request) => getServiceAtLocation(db, request.params.id));

  route(
    app,
    hsdsRoutes.import,
    {
      // An export of the whole network runs to several megabytes.
      bodyLimit: 20 * 1024 * 1024,
    },
    async (request, reply) => {
      const report = await importDirectory({
        ...ctxOf(db, request),
        document: request.body,
        dryRun: request.query.dryRun,
      });
      return reply.code(report.counts.reject > 0 && !report.dryRun ? 422 : 200).send(report);
    },
  );
}
