import { Problem } from "#shared/contracts/common.ts";
import {
  HsdsIdParams,
  HsdsImportBody,
  HsdsImportQuery,
  HsdsListQuery,
  HsdsObject,
  HsdsOrganizationDetailQuery,
  HsdsOrganizationQuery,
  HsdsPage,
  HsdsRoot,
  HsdsServiceAtLocationQuery,
  HsdsServiceQuery,
  HsdsTaxonomyTermQuery,
  ImportReport,
} from "#shared/contracts/hsds.ts";
import type { App, Deps } from "../../deps.ts";
import { ctxOf } from "../../platform/context.ts";
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

const tags = ["hsds"];
const problems = { 400: Problem, 404: Problem };
const pub = { access: "public" as const };

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

  app.get(
    "/api/hsds",
    {
      config: pub,
      schema: { tags, summary: "HSDS version and profile of this API", response: { 200: HsdsRoot } },
    },
    async () => serviceRoot(config.publicUrl),
  );

  app.get(
    "/api/hsds/services",
    {
      config: pub,
      schema: {
        tags,
        summary: "Services (offers), fully nested, a page at a time",
        querystring: HsdsServiceQuery,
        response: { 200: HsdsPage, ...problems },
      },
    },
    async (request) => listServices(db, request.query),
  );
  app.get(
    "/api/hsds/services/:id",
    {
      config: pub,
      schema: {
        tags,
        summary: "One service, fully nested",
        params: HsdsIdParams,
        response: { 200: HsdsObject, ...problems },
      },
    },
    async (request) => getService(db, request.params.id),
  );
  app.get(
    "/api/hsds/organizations",
    {
      config: pub,
      schema: {
        tags,
        summary: "Organizations, a page at a time",
        querystring: HsdsOrganizationQuery,
        response: { 200: HsdsPage, ...problems },
      },
    },
    async (request) => listOrganizations(db, request.query),
  );
  app.get(
    "/api/hsds/organizations/:id",
    {
      config: pub,
      schema: {
        tags,
        summary: "One organization with its locations and services",
        params: HsdsIdParams,
        querystring: HsdsOrganizationDetailQuery,
        response: { 200: HsdsObject, ...problems },
      },
    },
    async (request) => getOrganization(db, request.params.id, request.query.full_service),
  );
  app.get(
    "/api/hsds/taxonomies",
    {
      config: pub,
      schema: {
        tags,
        summary: "Taxonomies, a page at a time",
        querystring: HsdsListQuery,
        response: { 200: HsdsPage, ...problems },
      },
    },
    async (request) => {
      await ready();
      return listTaxonomies(db, request.query);
    },
  );
  app.get(
    "/api/hsds/taxonomies/:id",
    {
      config: pub,
      schema: {
        tags,
        summary: "One taxonomy",
        params: HsdsIdParams,
        response: { 200: HsdsObject, ...problems },
      },
    },
    async (request) => {
      await ready();
      return getTaxonomy(db, request.params.id);
    },
  );
  app.get(
    "/api/hsds/taxonomy_terms",
    {
      config: pub,
      schema: {
        tags,
        summary: "Taxonomy terms, a page at a time",
        querystring: HsdsTaxonomyTermQuery,
        response: { 200: HsdsPage, ...problems },
      },
    },
    async (request) => {
      await ready();
      return listTaxonomyTerms(db, request.query);
    },
  );
  app.get(
    "/api/hsds/taxonomy_terms/:id",
    {
      config: pub,
      schema: {
        tags,
        summary: "One taxonomy term",
        params: HsdsIdParams,
        response: { 200: HsdsObject, ...problems },
      },
    },
    async (request) => {
      await ready();
      return getTaxonomyTerm(db, request.params.id);
    },
  );
  app.get(
    "/api/hsds/service_at_locations",
    {
      config: pub,
      schema: {
        tags,
        summary: "Services at locations, a page at a time",
        querystring: HsdsServiceAtLocationQuery,
        response: { 200: HsdsPage, ...problems },
      },
    },
    async (request) => listServiceAtLocations(db, request.query),
  );
  app.get(
    "/api/hsds/service_at_locations/:id",
    {
      config: pub,
      schema: {
        tags,
        summary: "One service at a location",
        params: HsdsIdParams,
        response: { 200: HsdsObject, ...problems },
      },
    },
    async (request) => getServiceAtLocation(db, request.params.id),
  );

  app.post(
    "/api/hsds/import",
    {
      config: { access: "directory.import" },
      // An export of the whole network runs to several megabytes.
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags,
        summary: "Import HSDS 3.0 JSON: a dry run reports, a real run writes all records or none",
        querystring: HsdsImportQuery,
        body: HsdsImportBody,
        response: { 200: ImportReport, 422: ImportReport, 401: Problem, 403: Problem, 413: Problem },
      },
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
