import type { z } from "zod";
import type {
  InboxCounts,
  Message,
  ReferralEvent,
  ReferralList,
  ReferralPreview,
} from "../../../shared/contracts/referrals.ts";

// The contract exports these schemas without their types; the web app names them here.
export type ReferralListData = z.infer<typeof ReferralList>;
export type ReferralPreviewData = z.infer<typeof ReferralPreview>;
export type InboxCountsData = z.infer<typeof InboxCounts>;
export type MessageData = z.infer<typeof Message>;
export type ReferralEventData = z.infer<typeof ReferralEvent>;
