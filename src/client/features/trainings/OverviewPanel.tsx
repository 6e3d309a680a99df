import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CohortPanelProps } from "./panel.ts";

/** Placeholder until the part is built. */
export function OverviewPanel(_: CohortPanelProps) {
  const { t } = useTranslation();
  return <Text>{t("common.loading")}</Text>;
}
