import { useTranslation } from "react-i18next";
import { type Tone, ToneBadge } from "#client/components/ToneBadge.tsx";

export type MailStatus = "held" | "pending" | "sent" | "failed";
const TONES: Record<MailStatus, Tone> = { held: "yellow", pending: "blue", sent: "green", failed: "red" };

/** Delivery state of an outbox mail, in words and colour. */
export function MailStatusBadge({ status }: { status: MailStatus }) {
  const { t } = useTranslation();
  return <ToneBadge tone={TONES[status]}>{t(`outbox.status.${status}`)}</ToneBadge>;
}
