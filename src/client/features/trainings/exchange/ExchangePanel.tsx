import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CohortPanelProps } from "#client/features/trainings/panel.ts";

/** Placeholder until the part is built. */
export function ExchangePanel(_: CohortPanelProps) {
  const { t } = useTranslation();
  return <Text>{t("common.loading")}</Text>;
}
