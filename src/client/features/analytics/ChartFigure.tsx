import { Button, Group, Paper, Title } from "@mantine/core";
import { type ReactNode, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { HiddenFigures } from "./DataTable.tsx";

type Props = {
  title: string;
  /** The chart; left out when there are no figures (the table then says so). */
  chart: ReactNode;
  /** The figures of the chart as a table: read by screen readers, shown on request. */
  table: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
};

/**
 * A titled section with a chart and its text alternative. The table is always in the page (a
 * screen reader reaches it) and becomes visible with the toggle, for those who prefer numbers.
 */
export function ChartFigure({ title, chart, table, actions, children }: Props) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const heading = useId();
  const tableId = useId();
  return (
    <Paper withBorder p="lg" radius="md" mb="lg" component="section" aria-labelledby={heading}>
      <Group justify="space-between" align="flex-start" mb="sm">
        <Title order={2} size="h3" id={heading}>
          {title}
        </Title>
        <Group gap="xs">
          {actions}
          <Button
            variant="default"
            size="xs"
            aria-expanded={shown}
            aria-controls={tableId}
            onClick={() => setShown((s) => !s)}
          >
            {shown ? t("analytics.hideTable") : t("analytics.showTable")}
          </Button>
        </Group>
      </Group>
      {children}
      {chart}
      <div id={tableId} className={shown ? "analytics-table" : "visually-hidden"}>
        <HiddenFigures.Provider value={!shown}>{table}</HiddenFigures.Provider>
      </div>
    </Paper>
  );
}
