import type { DataCategory } from "./cases.ts";

/**
 * Referrals and interfaces (DOMAIN.md "Interfaces", "Referrals — closed loop"): states, the moves
 * between them, structured reasons, and the data items a referral can carry.
 */

/** Scope of an interface: inside a department, inside an institution, between institutions. */
export const INTERFACE_SCOPES = ["department", "institution", "external"] as const;
export type InterfaceScope = (typeof INTERFACE_SCOPES)[number];

/** Channels through which a handover is agreed to happen. */
export const HANDOVER_CHANNELS = ["lotse", "email", "phone", "in_person", "letter", "other"] as const;
export type HandoverChannel = (typeof HANDOVER_CHANNELS)[number];

/** Whether a registered interface is in use. */
export const INTERFACE_STATUSES = ["active", "inactive"] as const;
export type InterfaceStatus = (typeof INTERFACE_STATUSES)[number];

export const REFERRAL_STATES = [
  "draft",
  "sent",
  "accepted",
  "in_progress",
  "completed",
  "declined",
  "withdrawn",
  "expired",
] as const;
export type ReferralState = (typeof REFERRAL_STATES)[number];

/** Which side may make which move; anything else is refused. The scheduler alone expires. */
export const REFERRAL_TRANSITIONS: Record<
  ReferralState,
  { to: ReferralState; by: "sender" | "receiver" | "system" }[]
> = {
  draft: [{ to: "sent", by: "sender" }],
  sent: [
    { to: "accepted", by: "receiver" },
    { to: "declined", by: "receiver" },
    { to: "withdrawn", by: "sender" },
    { to: "expired", by: "system" },
  ],
  accepted: [
    { to: "in_progress", by: "receiver" },
    { to: "completed", by: "receiver" },
    { to: "withdrawn", by: "sender" },
  ],
  in_progress: [{ to: "completed", by: "receiver" }],
  completed: [],
  declined: [],
  withdrawn: [],
  expired: [],
};

/** States in which a referral is still open. */
export const OPEN_REFERRAL_STATES: readonly ReferralState[] = ["sent", "accepted", "in_progress"];

export const REFERRAL_OUTCOMES = ["successful", "not_successful"] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

/** Why a referral did not succeed. */
export const UNSUCCESSFUL_REASONS = [
  "client_declined",
  "no_capacity",
  "no_longer_needed",
  "client_unreachable",
  "organisation_unreachable",
  "other",
] as const;
export type UnsuccessfulReason = (typeof UNSUCCESSFUL_REASONS)[number];

/** Why a receiver declines a referral. */
export const DECLINE_REASONS = [
  "no_capacity",
  "not_eligible",
  "wrong_offer",
  "offer_not_available",
  "duplicate",
  "other",
] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/** Data items a sender can choose to share; each needs its category in the client's consent. */
export const REFERRAL_DATA_ITEMS = [
  "name",
  "contact",
  "date_of_birth",
  "languages",
  "origin",
  "qualifications",
  "recognition",
  "counselling_summary",
] as const;
export type ReferralDataItem = (typeof REFERRAL_DATA_ITEMS)[number];

/** The consent category that covers each data item. */
export const DATA_ITEM_CATEGORY: Record<ReferralDataItem, DataCategory> = {
  name: "identity",
  contact: "contact",
  date_of_birth: "identity",
  languages: "identity",
  origin: "origin_and_residence",
  qualifications: "qualifications",
  recognition: "recognition",
  counselling_summary: "counselling_content",
};

/** Inbox buckets of the receiving organisation. */
export const INBOX_BUCKETS = ["new", "due_soon", "overdue", "in_progress", "closed"] as const;
export type InboxBucket = (typeof INBOX_BUCKETS)[number];

/** Kinds of in-app notification. */
export const NOTIFICATION_KINDS = [
  "referral_received",
  "referral_changed",
  "referral_message",
  "referral_overdue",
  "referral_expired",
  "referral_withdrawn",
  // Not a referral: a competence profile was shared with the organisation or a named person.
  "competence_profile_shared",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
