import { useTranslation } from "react-i18next";
import { ToneBadge } from "./ToneBadge.tsx";

type Props =
  | { kind: "organisation"; status: "active" | "inactive" }
  | { kind: "member"; status: "active" | "deactivated" };

/** The status of an organisation or a membership, in words and colour (never colour alone). */
export function StatusBadge({ kind, status }: Props) {
  const { t } = useTranslation();
  // Separate words per kind: Arabic, for one, inflects "active" by the noun's gender.
  const label = kind === "member" ? t(`members.status.${status}`) : t(`organisation.status.${status}`);
  return <ToneBadge tone={status === "active" ? "green" : "gray"}>{label}</ToneBadge>;
}
