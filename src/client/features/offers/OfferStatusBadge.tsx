import { useTranslation } from "react-i18next";
import { type Tone, ToneBadge } from "#client/components/ToneBadge.tsx";
import type { OfferStatus } from "#shared/directory.ts";

const TONES: Record<OfferStatus, Tone> = {
  active: "green",
  "temporarily closed": "yellow",
  inactive: "gray",
  defunct: "red",
};

/** An offer's status in words and colour (never colour alone). */
export function OfferStatusBadge({ status }: { status: OfferStatus }) {
  const { t } = useTranslation();
  return <ToneBadge tone={TONES[status]}>{t(`directory.statuses.${status}`)}</ToneBadge>;
}
