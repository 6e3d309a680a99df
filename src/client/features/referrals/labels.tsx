import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { type Tone, ToneBadge } from "#client/components/ToneBadge.tsx";
import { DueDate } from "#client/features/cases/CaseBadges.tsx";
import type { Referral } from "#shared/contracts/referrals.ts";
import type { ReferralState } from "#shared/referrals.ts";

const TONES: Record<ReferralState, Tone> = {
  draft: "gray",
  sent: "blue",
  accepted: "blue",
  in_progress: "yellow",
  completed: "green",
  declined: "red",
  withdrawn: "gray",
  expired: "red",
};

/** A referral's state in words and colour (never colour alone). */
export function ReferralStateBadge({ state }: { state: ReferralState }) {
  const { t } = useTranslation();
  return <ToneBadge tone={TONES[state]}>{t(`referrals.states.${state}`)}</ToneBadge>;
}

/** How the referral ended, with the structured reason: what closes the loop for the sender. */
export function outcomeText(t: TFunction, r: Pick<Referral, "outcome" | "outcomeReason" | "declineReason">) {
  if (r.declineReason)
    return t("referrals.declinedBecause", { reason: t(`referrals.declineReasons.${r.declineReason}`) });
  if (r.outcome === "not_successful" && r.outcomeReason) {
    return t("referrals.notSuccessfulBecause", {
      reason: t(`referrals.unsuccessfulReasons.${r.outcomeReason}`),
    });
  }
  if (r.outcome) return t(`referrals.outcomes.${r.outcome}`);
  return "–";
}

/**
 * The two due dates of a referral; the one that is running late says so in words. While the
 * referral waits for an answer the answer date runs, afterwards the completion date.
 */
export function ReferralDue({ referral: r, which }: { referral: Referral; which: "answer" | "complete" }) {
  const running =
    which === "answer" ? r.state === "sent" : r.state === "accepted" || r.state === "in_progress";
  return <DueDate day={which === "answer" ? r.answerDue : r.completeDue} overdue={running && r.overdue} />;
}

/** The due date that matters now: the answer while sent, the completion while being worked on. */
export function currentDue(r: Referral): "answer" | "complete" {
  return r.state === "sent" ? "answer" : "complete";
}

/** A key for an Idempotency-Key header; randomUUID needs a secure context, the fallback does not. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
