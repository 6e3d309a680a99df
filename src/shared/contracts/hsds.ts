import { z } from "zod";

// The HSDS objects themselves are typed loosely: the official HSDS 3.0 JSON Schemas are their
// contract (reference/hsds-3.0), and the tests validate every object against them.

/** One HSDS 3.0 object (service, organization, …) as the official schema defines it. */
export const HsdsObject = z
  .record(z.string(), z.unknown())
  .describe("An HSDS 3.0 object; see https://docs.openreferral.org/en/3.0/");

/** HSDS 3.0 paging: the page object of the HSDS OpenAPI with the records in `contents`. */
export const HsdsPage = z.object({
  total_items: z.number().int().describe("How many records match in all"),
  total_pages: z.number().int().describe("How many pages there are at this page size"),
  page_number: z.number().int().describe("The number of this page, from 1"),
  size: z.number().int().describe("How many records this page holds"),
  first_page: z.boolean(),
  last_page: z.boolean(),
  empty: z.boolean().describe("Whether nothing matches at all"),
  contents: z.array(HsdsObject),
});

const flag = z
  .enum(["true", "false"])
  .optional()
  .transform((v) => v === "true");

/** Paging and search as the HSDS OpenAPI names them. */
export const HsdsListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1).describe("Page number, from 1"),
  per_page: z.coerce.number().int().min(1).max(1000).default(50).describe("Records per page (at most 1,000)"),
  search: z.string().max(200).optional().describe("Words in the name or description"),
  format: z.literal("json").optional().describe("Only json is offered"),
});

export const HsdsServiceQuery = HsdsListQuery.extend({
  organization_id: z.uuid().optional().describe("Only services of this organization"),
  taxonomy_term_id: z.uuid().optional().describe("Only services with an attribute of this taxonomy term"),
  taxonomy_id: z.uuid().optional().describe("Only services with an attribute of a term of this taxonomy"),
  modified_after: z.iso
    .datetime({ offset: true })
    .optional()
    .describe("Only services changed at or after this time"),
  full: flag.describe("Accepted for compatibility; services always come fully nested"),
  minimal: flag.describe("Accepted for compatibility; ignored"),
});

export const HsdsOrganizationQuery = HsdsListQuery.extend({
  full: flag.describe("Nest locations and services"),
  full_service: flag.describe("Nest services fully (with their locations)"),
});

export const HsdsOrganizationDetailQuery = z.object({
  full_service: flag.describe("Nest services fully (with their locations)"),
});

export const HsdsTaxonomyTermQuery = HsdsListQuery.extend({
  taxonomy_id: z.uuid().optional().describe("Only terms of this taxonomy"),
  parent_id: z.uuid().optional().describe("Only children of this term"),
  top_only: flag.describe("Only terms without a parent"),
});

export const HsdsServiceAtLocationQuery = HsdsListQuery.extend({
  organization_id: z.uuid().optional().describe("Only offers of this organization"),
  taxonomy_term_id: z.uuid().optional(),
  taxonomy_id: z.uuid().optional(),
  modified_after: z.iso.datetime({ offset: true }).optional(),
  full: flag,
  postcode: z.string().max(20).optional().describe("Only locations with this postal code"),
});

export const HsdsIdParams = z.object({ id: z.string().describe("UUID of the record") });

/** What the API root says about itself (HSDS OpenAPI `/`). */
export const HsdsRoot = z.object({
  version: z.string().describe("HSDS version of this API"),
  profile: z.string().describe("URL of the HSDS profile this API follows"),
  openapi_url: z.string().describe("URL of this API's OpenAPI document"),
});

export const HsdsImportQuery = z.object({
  dryRun: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true")
    .describe("true: only report what would happen; false: import"),
});

/** Any JSON: one HSDS object, a list of them, or an HSDS page object with `contents`. */
export const HsdsImportBody = z.unknown();

export const ImportAction = z.enum(["create", "update", "unchanged", "reject"]);

export const ImportReportRecord = z.object({
  kind: z.enum(["organization", "service", "location", "service_at_location", "taxonomy", "taxonomy_term"]),
  id: z.string().nullable(),
  name: z.string().nullable(),
  path: z.string().describe("JSON Pointer of the record in the uploaded document"),
  action: ImportAction,
  fields: z.array(z.string()).describe("Fields that change (update) or `id` (create)"),
  errors: z
    .array(z.object({ path: z.string().describe("JSON Pointer of the wrong value"), message: z.string() }))
    .describe("Why the record is rejected"),
});
export type ImportReportRecord = z.infer<typeof ImportReportRecord>;

export const ImportReport = z
  .object({
    dryRun: z.boolean(),
    committed: z.boolean().describe("Whether the import was written; never when a record is rejected"),
    counts: z.object({
      create: z.number().int(),
      update: z.number().int(),
      unchanged: z.number().int(),
      reject: z.number().int(),
    }),
    records: z.array(ImportReportRecord),
  })
  .meta({ id: "HsdsImportReport" });
export type ImportReport = z.infer<typeof ImportReport>;
