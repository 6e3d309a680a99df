import { z } from "zod";
import { IQ_PHASES, OFFER_TYPES } from "#shared/directory.ts";
import { DISTRICT_KEYS } from "#shared/domain.ts";
import { Id, PageQuery, page } from "./common.ts";

/** The two views of the directory matrix: phases × districts, or offer types × districts. */
export const MATRIX_DIMENSIONS = ["phase", "type"] as const;
export type MatrixDimension = (typeof MATRIX_DIMENSIONS)[number];

export const MatrixQuery = z.object({
  by: z.enum(MATRIX_DIMENSIONS).default("phase").describe("Rows are phases or offer types"),
});

const MatrixCell = z.object({
  ags: z.string().describe("District (AGS key)"),
  count: z.number().int().describe("Active offers of this row serving the district"),
  gap: z.boolean().describe("No offer at all: a gap in the network's coverage"),
});

export const Matrix = z
  .object({
    by: z.enum(MATRIX_DIMENSIONS),
    districts: z.array(
      z.object({
        ags: z.string(),
        name: z.string(),
        total: z.number().int().describe("Active offers serving the district (each counted once)"),
      }),
    ),
    rows: z.array(
      z.object({
        key: z.string().describe("Phase number or offer type code"),
        label: z.string().describe("Translated label"),
        total: z.number().int().describe("Active offers of the row in any district (each counted once)"),
        gaps: z.number().int().describe("Districts without an offer of this row"),
        cells: z.array(MatrixCell).describe("One per district, in the order of `districts`"),
      }),
    ),
    total: z.number().int().describe("Active offers serving at least one district"),
    gaps: z.number().int().describe("Empty cells in the whole matrix"),
  })
  .meta({ id: "DirectoryMatrix" });
export type Matrix = z.infer<typeof Matrix>;

export const MatrixCellQuery = PageQuery.extend({
  phase: z.coerce
    .number()
    .int()
    .refine((n) => (IQ_PHASES as readonly number[]).includes(n), { message: "invalid_value" })
    .optional()
    .describe("Row of the phase matrix"),
  type: z.enum(OFFER_TYPES).optional().describe("Row of the type matrix"),
  district: z
    .enum(DISTRICT_KEYS)
    .optional()
    .describe("Column; without it, the row's offers in every district"),
}).refine((v) => (v.phase === undefined) !== (v.type === undefined), {
  message: "phase_or_type",
  path: ["phase"],
});

export const MatrixOffer = z
  .object({
    id: Id,
    name: z.string(),
    organisationId: Id,
    organisationName: z.string(),
    offerType: z.string().nullable().describe("Translated label of the offer type"),
    phases: z.array(z.number().int()),
    districts: z.array(z.string()).describe("AGS keys of the districts served"),
  })
  .meta({ id: "MatrixOffer" });
export type MatrixOffer = z.infer<typeof MatrixOffer>;
export const MatrixOfferList = page(MatrixOffer);
