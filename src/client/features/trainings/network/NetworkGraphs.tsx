import { SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { Chart } from "#client/features/analytics/Chart.tsx";
import type { NetworkEffect } from "#shared/contracts/trainings-network.ts";
import { effectGraphOption, NEW_LINK } from "./graph-option.ts";

/** The graphs before and after the cohort, side by side (loaded with ECharts, apart from the page). */
export function NetworkGraphs({ data }: { data: NetworkEffect }) {
  const { t } = useTranslation();
  const typeName = useCallback((type: string) => t(`organisationTypes.${type}`, { defaultValue: type }), [t]);
  const before = useCallback(
    (width: number) => effectGraphOption(data, "before", typeName, width),
    [data, typeName],
  );
  const after = useCallback(
    (width: number) => effectGraphOption(data, "after", typeName, width),
    [data, typeName],
  );
  const links = (w: "before" | "after") => data.edges.filter((e) => e[w] > 0).length;
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {(["before", "after"] as const).map((w) => (
          <Stack key={w} gap={4}>
            <Title order={4}>{t(`trainings.network.${w}Title`)}</Title>
            <Chart
              option={w === "before" ? before : after}
              height={380}
              label={t("trainings.network.chartLabel", {
                window: t(`trainings.network.${w}Title`),
                organisations: data.organisations.length,
                links: links(w),
              })}
            />
          </Stack>
        ))}
      </SimpleGrid>
      <Text size="sm">
        <span
          aria-hidden="true"
          style={{
            display: "inline-block",
            width: 24,
            height: 4,
            background: NEW_LINK,
            verticalAlign: "middle",
            marginInlineEnd: 6,
          }}
        />
        {t("trainings.network.legendNew")}
      </Text>
    </Stack>
  );
}
