import type { Holding } from "#server/platform/personal-data.ts";
import { referralMessages, referrals } from "./tables.ts";

/** The referrals of the client's cases and their message threads. */
export const REFERRAL_HOLDINGS: readonly Holding[] = [
  {
    key: "referrals",
    table: referrals,
    parent: "cases",
    via: referrals.caseId,
    id: referrals.id,
    order: referrals.createdAt,
  },
  {
    key: "referralMessages",
    table: referralMessages,
    parent: "referrals",
    via: referralMessages.referralId,
    id: referralMessages.id,
    order: referralMessages.createdAt,
  },
];
