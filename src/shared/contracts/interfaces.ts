import { z } from "zod";
import { HANDOVER_CHANNELS, INTERFACE_SCOPES, INTERFACE_STATUSES } from "#shared/referrals.ts";
import { Id, PageQuery, page, Timestamp } from "./common.ts";

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const Org = z.object({ id: Id, name: z.string() });
export const InterfaceParams = z.object({ interfaceId: Id });

/** An interface of the register: who hands over to whom, what was agreed, and the agreed times. */
export const InterfaceInput = z
  .object({
    fromOrganisationId: Id.describe("The sending actor"),
    toOrganisationId: Id.describe("The receiving actor; the same organisation for an internal interface"),
    fromUnit: z
      .string()
      .trim()
      .max(200)
      .default("")
      .describe("Department on the sending side; empty: whole organisation"),
    toUnit: z.string().trim().max(200).default("").describe("Department on the receiving side"),
    scope: z.enum(INTERFACE_SCOPES).describe("department, institution (same organisation) or external"),
    agreementWhat: optionalText(2000).describe("What is handed over"),
    agreementHow: optionalText(2000).describe("How it is handed over"),
    channel: z.enum(HANDOVER_CHANNELS).nullable().optional(),
    fromContact: optionalText(300).describe("Contact person on the sending side"),
    toContact: optionalText(300).describe("Contact person on the receiving side"),
    answerWithinDays: z.number().int().min(1).max(260).describe("Agreed: answer within N working days"),
    completeWithinDays: z.number().int().min(1).max(520).describe("Agreed: complete within M working days"),
    status: z.enum(INTERFACE_STATUSES).default("active"),
  })
  .refine((v) => v.completeWithinDays >= v.answerWithinDays, {
    message: "complete_before_answer",
    path: ["completeWithinDays"],
  })
  .meta({ id: "InterfaceCreate" });
export type InterfaceInput = z.input<typeof InterfaceInput>;
export const InterfaceUpdate = z
  .object({
    fromUnit: z.string().trim().max(200).optional(),
    toUnit: z.string().trim().max(200).optional(),
    scope: z.enum(INTERFACE_SCOPES).optional(),
    agreementWhat: optionalText(2000),
    agreementHow: optionalText(2000),
    channel: z.enum(HANDOVER_CHANNELS).nullable().optional(),
    fromContact: optionalText(300),
    toContact: optionalText(300),
    answerWithinDays: z.number().int().min(1).max(260).optional(),
    completeWithinDays: z.number().int().min(1).max(520).optional(),
    status: z.enum(INTERFACE_STATUSES).optional(),
  })
  .meta({ id: "InterfaceUpdate" });
export type InterfaceUpdate = z.infer<typeof InterfaceUpdate>;

export const Interface = z
  .object({
    id: Id,
    from: Org,
    to: Org,
    fromUnit: z.string(),
    toUnit: z.string(),
    scope: z.enum(INTERFACE_SCOPES),
    agreementWhat: z.string().nullable(),
    agreementHow: z.string().nullable(),
    channel: z.enum(HANDOVER_CHANNELS).nullable(),
    fromContact: z.string().nullable(),
    toContact: z.string().nullable(),
    answerWithinDays: z.number().int(),
    completeWithinDays: z.number().int(),
    status: z.enum(INTERFACE_STATUSES),
    version: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    abilities: z.object({ update: z.boolean() }),
  })
  .meta({ id: "Interface" });
export type Interface = z.infer<typeof Interface>;

export const InterfaceListQuery = PageQuery.extend({
  organisationId: Id.optional().describe("Interfaces where this organisation sends or receives"),
  q: z.string().trim().max(200).optional().describe("Part of an organisation's name"),
  status: z.enum(INTERFACE_STATUSES).optional(),
});
export const InterfaceList = page(Interface).meta({ id: "InterfaceList" });

/** Network defaults for referrals between actors without a registered interface. */
export const ReferralSettings = z
  .object({
    answerWithinDays: z.number().int().min(1).max(260),
    completeWithinDays: z.number().int().min(1).max(520),
    expireAfterDays: z
      .number()
      .int()
      .min(1)
      .max(260)
      .describe("Working days past the answer due date before expiry"),
    dueSoonDays: z
      .number()
      .int()
      .min(0)
      .max(30)
      .describe("Working days before a due date that count as due soon"),
  })
  .meta({ id: "ReferralSettings" });
export type ReferralSettings = z.infer<typeof ReferralSettings>;
