import type { ResponseOf } from "#shared/contracts/route.ts";
import type { referralRoutes } from "#shared/contracts/routes/referrals.ts";

// The web app's names for what the referral routes answer.
export type ReferralListData = ResponseOf<typeof referralRoutes.inbox>;
export type ReferralPreviewData = ResponseOf<typeof referralRoutes.preview>;
export type MessageData = ResponseOf<typeof referralRoutes.messages>["items"][number];
export type ReferralEventData = ResponseOf<typeof referralRoutes.events>["items"][number];
