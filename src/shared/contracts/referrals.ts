import { z } from "zod";
import { OFFER_TYPES } from "#shared/directory.ts";
import { REFERRAL_WARNINGS } from "#shared/referral-check.ts";
import {
  DECLINE_REASONS,
  INBOX_BUCKETS,
  NOTIFICATION_KINDS,
  REFERRAL_DATA_ITEMS,
  REFERRAL_OUTCOMES,
  REFERRAL_STATES,
  UNSUCCESSFUL_REASONS,
} from "#shared/referrals.ts";
import { DateOnly } from "./clients.ts";
import { Id, PageQuery, page, Timestamp } from "./common.ts";

const Org = z.object({ id: Id, name: z.string() });
export const ReferralParams = z.object({ referralId: Id });

/** Sending a referral of a case to an offer. Header `Idempotency-Key` makes a repeat harmless. */
export const ReferralCreate = z
  .object({
    offerId: Id,
    items: z
      .array(z.enum(REFERRAL_DATA_ITEMS))
      .refine((v) => new Set(v).size === v.length, { message: "duplicate" })
      .describe("Data items that travel with the referral; each must be covered by the consent"),
    note: z.string().trim().max(4000).nullable().optional().describe("Note to the receiver"),
    consentOverrideReason: z
      .string()
      .trim()
      .min(10)
      .max(1000)
      .nullable()
      .optional()
      .describe("Only without an active consent: why the referral must still go (audited)"),
    acknowledged: z
      .array(z.enum(REFERRAL_WARNINGS))
      .refine((v) => new Set(v).size === v.length, { message: "duplicate" })
      .default([])
      .describe(
        "Warnings the sender has seen and confirms (recorded): empty_selection — nothing is shared " +
          "(not asked when sending without consent with a reason); " +
          "note_personal_data — the note holds personal data the selection does not cover " +
          "(outside the consent only staff counsellors may confirm it)",
      ),
  })
  .meta({ id: "ReferralCreate" });
export type ReferralCreate = z.infer<typeof ReferralCreate>;

/** A move of the referral; the side and the state decide which moves are allowed. */
export const ReferralTransition = z
  .object({
    to: z.enum(["accepted", "in_progress", "completed", "declined", "withdrawn"]),
    outcome: z.enum(REFERRAL_OUTCOMES).optional().describe("Required for completed"),
    outcomeReason: z.enum(UNSUCCESSFUL_REASONS).optional().describe("Required when not successful"),
    declineReason: z.enum(DECLINE_REASONS).optional().describe("Required for declined"),
    comment: z.string().trim().max(2000).optional().describe("Posted to the thread with the move"),
  })
  .meta({ id: "ReferralTransition" });
export type ReferralTransition = z.infer<typeof ReferralTransition>;

/** The data that travelled, keyed by item; only the items the sender chose. */
export const ReferralSnapshot = z
  .record(z.string(), z.unknown())
  .describe("Shared data by item, e.g. { name: 'A. B.', languages: ['ar'] }");

export const Referral = z
  .object({
    id: Id,
    side: z.enum(["sender", "receiver"]).describe("The caller's side of the referral"),
    caseId: Id.nullable().describe("Only for the sender"),
    casePseudonym: z.string(),
    from: Org,
    to: Org,
    offer: z.object({ id: Id.nullable(), name: z.string(), offerType: z.enum(OFFER_TYPES).nullable() }),
    interfaceId: Id.nullable(),
    withoutInterface: z.boolean(),
    state: z.enum(REFERRAL_STATES),
    outcome: z.enum(REFERRAL_OUTCOMES).nullable(),
    outcomeReason: z.enum(UNSUCCESSFUL_REASONS).nullable(),
    declineReason: z.enum(DECLINE_REASONS).nullable(),
    sharedItems: z.array(z.enum(REFERRAL_DATA_ITEMS)),
    snapshot: ReferralSnapshot.nullable().describe("Null when the consent was withdrawn"),
    note: z.string().nullable(),
    consentOverride: z.boolean(),
    sentAt: Timestamp.nullable(),
    answerDue: DateOnly.nullable(),
    completeDue: DateOnly.nullable(),
    overdue: z.boolean(),
    answeredAt: Timestamp.nullable(),
    closedAt: Timestamp.nullable(),
    nextStates: z.array(z.enum(REFERRAL_STATES)).describe("Moves the caller may make now"),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: "Referral" });
export type Referral = z.infer<typeof Referral>;
export const ReferralList = page(Referral).meta({ id: "ReferralList" });

export const InboxQuery = PageQuery.extend({ bucket: z.enum(INBOX_BUCKETS).default("new") });
export const InboxCounts = z
  .object(
    Object.fromEntries(INBOX_BUCKETS.map((b) => [b, z.number().int()])) as Record<
      (typeof INBOX_BUCKETS)[number],
      z.ZodNumber
    >,
  )
  .meta({ id: "InboxCounts" });

export const ReferralEvent = z
  .object({
    id: z.number().int(),
    fromState: z.enum(REFERRAL_STATES).nullable(),
    toState: z.enum(REFERRAL_STATES),
    actorRole: z.string().nullable(),
    reason: z.string().nullable(),
    at: Timestamp,
  })
  .meta({ id: "ReferralEvent" });
export const ReferralEventList = z
  .object({ items: z.array(ReferralEvent) })
  .meta({ id: "ReferralEventList" });

export const MessageCreate = z
  .object({ body: z.string().trim().min(1).max(4000) })
  .meta({ id: "MessageCreate" });
export const Message = z
  .object({
    id: Id,
    body: z.string(),
    author: z.object({ id: Id, name: z.string() }).nullable(),
    organisation: Org,
    createdAt: Timestamp,
  })
  .meta({ id: "Message" });
export const MessageList = z.object({ items: z.array(Message) }).meta({ id: "MessageList" });

/** What the sender may share: each item, whether the consent covers it. */
export const ReferralPreview = z
  .object({
    offer: z.object({ id: Id, name: z.string(), organisation: Org }),
    consent: z
      .object({ id: Id, givenAt: Timestamp, dataCategories: z.array(z.string()) })
      .nullable()
      .describe("The active consent for referral to the receiving organisation"),
    items: z.array(z.object({ item: z.enum(REFERRAL_DATA_ITEMS), covered: z.boolean() })),
    preselected: z
      .array(z.enum(REFERRAL_DATA_ITEMS))
      .describe("What the wizard selects at first: exactly the items the consent covers"),
    noteCheck: z
      .object({
        subject: z
          .object({
            name: z.string(),
            email: z.string().nullable(),
            phone: z.string().nullable(),
            dateOfBirth: DateOnly.nullable(),
          })
          .describe("The client's data the note is checked for (the sender may see it on the case)"),
        ownContacts: z
          .array(z.string())
          .describe("Contact data of the sender and both organisations: not a finding in the note"),
      })
      .describe("What the shared referral check needs to warn while the note is written"),
    interface: z
      .object({ id: Id, answerWithinDays: z.number().int(), completeWithinDays: z.number().int() })
      .nullable(),
    answerDue: DateOnly,
    completeDue: DateOnly,
  })
  .meta({ id: "ReferralPreview" });
export const PreviewQuery = z.object({ offerId: Id });

export const Notification = z
  .object({
    id: Id,
    kind: z.enum(NOTIFICATION_KINDS),
    referralId: Id.nullable(),
    details: z.record(z.string(), z.unknown()),
    createdAt: Timestamp,
    read: z.boolean(),
  })
  .meta({ id: "Notification" });
export const NotificationList = z
  .object({ items: z.array(Notification), unread: z.number().int() })
  .meta({ id: "NotificationList" });
export const NotificationParams = z.object({ notificationId: Id });

/** Which of the sending side's referrals to list: by state, or "open"/"closed" as groups. */
export const OUTGOING_STATE_FILTERS = [
  "open",
  "closed",
  "sent",
  "accepted",
  "in_progress",
  "completed",
  "declined",
  "withdrawn",
  "expired",
] as const;
export type OutgoingStateFilter = (typeof OUTGOING_STATE_FILTERS)[number];
export const OUTGOING_SORTS = ["due", "-due", "sent", "-sent"] as const;
/** Whose referrals: the caller's own, or all the caller may see of the organisation (volunteers: their cases). */
export const OUTGOING_SENDERS = ["me", "organisation"] as const;

export const OutgoingCountsQuery = z.object({
  sender: z
    .enum(OUTGOING_SENDERS)
    .default("me")
    .describe("me: sent by the caller; organisation: all visible"),
});
export const OutgoingQuery = PageQuery.extend({
  ...OutgoingCountsQuery.shape,
  state: z.enum(OUTGOING_STATE_FILTERS).optional(),
  overdue: z.enum(["true", "false"]).optional().describe("true: only referrals past the date that runs now"),
  sort: z
    .enum(OUTGOING_SORTS)
    .default("due")
    .describe(
      "due: the date that runs now, soonest first (closed ones last); sent: by sending time; -: reversed",
    ),
});
export type OutgoingQuery = z.infer<typeof OutgoingQuery>;

/**
 * A referral in the sender's list: where it went, where it stands, by when it is due. The case is
 * named by its pseudonym only (as in the inbox); the note and the shared data are on the referral.
 */
export const OutgoingReferral = z
  .object({
    id: Id,
    caseId: Id,
    casePseudonym: z.string(),
    to: Org,
    offer: z.object({ id: Id.nullable(), name: z.string(), offerType: z.enum(OFFER_TYPES).nullable() }),
    state: z.enum(REFERRAL_STATES),
    outcome: z.enum(REFERRAL_OUTCOMES).nullable(),
    outcomeReason: z.enum(UNSUCCESSFUL_REASONS).nullable(),
    declineReason: z.enum(DECLINE_REASONS).nullable(),
    sharedItems: z.array(z.enum(REFERRAL_DATA_ITEMS)),
    sentBy: z.object({ id: Id, name: z.string() }).nullable().describe("Null when the sender left"),
    sentAt: Timestamp.nullable(),
    answerDue: DateOnly.nullable(),
    completeDue: DateOnly.nullable(),
    due: DateOnly.nullable().describe(
      "The date that runs now: the answer while sent, the completion while open",
    ),
    overdue: z.boolean(),
    withoutInterface: z.boolean(),
  })
  .meta({ id: "OutgoingReferral" });
export type OutgoingReferral = z.infer<typeof OutgoingReferral>;
export const OutgoingList = page(OutgoingReferral).meta({ id: "OutgoingReferralList" });
export const OutgoingCounts = z
  .object({
    open: z.number().int().describe("Sent, accepted or in progress"),
    overdue: z.number().int().describe("Open and past the date that runs now"),
  })
  .meta({ id: "OutgoingCounts" });
export type OutgoingCounts = z.infer<typeof OutgoingCounts>;
