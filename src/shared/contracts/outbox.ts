import { z } from "zod";
import { OUTBOX_STATUSES } from "#shared/domain.ts";
import { Id, PageQuery, page, Timestamp } from "./common.ts";

/** The kinds of mail Lotse sends; each has a label in `outbox.template.*`. */
export const MAIL_TEMPLATES = [
  "invitation",
  "password_reset",
  "referral",
  "competence_profile_shared",
  "training_registration",
  "training_session_changed",
  "training_evaluation",
  "training_certificate",
] as const;
export type MailTemplate = (typeof MAIL_TEMPLATES)[number];

export const OutboxMail = z
  .object({
    id: Id,
    toAddress: z.string(),
    subject: z.string(),
    bodyText: z.string(),
    template: z.string().describe("invitation, password_reset or referral"),
    status: z.enum(OUTBOX_STATUSES).describe("held: no SMTP configured"),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: Timestamp,
    sentAt: Timestamp.nullable(),
  })
  .meta({ id: "OutboxMail" });
export const OutboxQuery = PageQuery.extend({
  status: z.enum(OUTBOX_STATUSES).optional(),
  to: z.string().max(254).optional().describe("Part of the recipient address"),
});
export const OutboxList = page(OutboxMail);
export const OutboxParams = z.object({ id: Id });
