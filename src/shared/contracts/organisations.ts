import { z } from "zod";
import { DISTRICT_KEYS, ORGANISATION_STATUSES, ORGANISATION_TYPES } from "#shared/domain.ts";
import { Id, PageQuery, page, Timestamp } from "./common.ts";

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/** Fields an admin edits on an organisation's profile. */
export const OrganisationInput = z.object({
  name: z.string().trim().min(2).max(200).describe("Official name"),
  type: z.enum(ORGANISATION_TYPES).describe("Kind of actor in the network"),
  districtAgs: z.enum(DISTRICT_KEYS).describe("District (AGS key) of the main office"),
  street: optionalText(200),
  postcode: z
    .string()
    .regex(/^[0-9]{5}$/)
    .nullable()
    .optional()
    .describe("German postcode, five digits"),
  city: optionalText(100),
  email: z.email().max(254).nullable().optional().describe("General contact address"),
  phone: optionalText(50),
  website: z.url().max(500).nullable().optional(),
  description: optionalText(2000),
});
export const OrganisationCreate = OrganisationInput;
export const OrganisationUpdate = OrganisationInput.partial().extend({
  status: z.enum(ORGANISATION_STATUSES).optional().describe("Only the network coordinator may change it"),
});

export const Organisation = z
  .object({
    id: Id,
    name: z.string(),
    type: z.enum(ORGANISATION_TYPES),
    districtAgs: z.string().nullable().describe("District (AGS key); null when outside Sachsen-Anhalt"),
    street: z.string().nullable(),
    postcode: z.string().nullable(),
    city: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    website: z.string().nullable(),
    description: z.string().nullable(),
    status: z.enum(ORGANISATION_STATUSES),
    memberCount: z.number().int().describe("Active memberships"),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    abilities: z.object({ update: z.boolean(), changeStatus: z.boolean(), manageMembers: z.boolean() }),
  })
  .meta({ id: "Organisation" });
export type Organisation = z.infer<typeof Organisation>;

export const OrganisationListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional().describe("Part of the name"),
  type: z.enum(ORGANISATION_TYPES).optional(),
  districtAgs: z.enum(DISTRICT_KEYS).optional(),
  status: z.enum(ORGANISATION_STATUSES).optional(),
});
export const OrganisationList = page(Organisation);
export const OrganisationParams = z.object({ id: Id });
