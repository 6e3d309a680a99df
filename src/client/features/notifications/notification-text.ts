import type { TFunction } from "i18next";
import type { Notifications } from "./use-notifications.ts";

type Item = Notifications["items"][number];

/** A detail the server stored as text; anything else is not shown. */
function text(details: Record<string, unknown>, key: string): string | null {
  const value = details[key];
  return typeof value === "string" && value !== "" ? value : null;
}

/** What happened, in words: the kind, with the offer's name when the server recorded it. */
export function notificationText(t: TFunction, n: Item): string {
  const offer = text(n.details, "offerName");
  return offer
    ? t(`notifications.kinds.${n.kind}.withOffer`, { offer })
    : t(`notifications.kinds.${n.kind}.plain`);
}

/** Where a notification leads in the app: its referral, or the competence profile shared. */
export function linkOf(n: Item): string | null {
  if (n.referralId) return `/referrals/${n.referralId}`;
  const share = text(n.details, "shareId");
  return n.kind === "competence_profile_shared" && share ? `/competences/shared/${share}` : null;
}
