import { useTranslation } from "react-i18next";
import { ToneBadge } from "#client/components/ToneBadge.tsx";

/** Whether an interface is in use, in words and colour (never colour alone). */
export function InterfaceStatusBadge({ status }: { status: "active" | "inactive" }) {
  const { t } = useTranslation();
  return (
    <ToneBadge tone={status === "active" ? "green" : "gray"}>{t(`interfaces.statuses.${status}`)}</ToneBadge>
  );
}
