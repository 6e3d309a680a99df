import { useTranslation } from "react-i18next";
import type { OfferStatus } from "../../../shared/directory.ts";
import { type Tone, ToneBadge } from "../../components/ToneBadge.tsx";

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
