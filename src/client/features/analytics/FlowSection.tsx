import { Button, Group, List, Paper, Text, Title } from "@mantine/core";
import type { TFunction } from "i18next";
import { useId, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { phaseLabel } from "#client/features/cases/labels.ts";
import type { ProcessFlow } from "#shared/contracts/analytics.ts";
import { Chart } from "./Chart.tsx";
import { ChartFigure } from "./ChartFigure.tsx";
import { DataTable } from "./DataTable.tsx";
import type { ChartOption } from "./echarts.ts";
import { activityLabel, duration, number } from "./format.ts";
import { HelpTerm } from "./HelpTerm.tsx";
import { ProcessMap } from "./ProcessMap.tsx";

/** Edges of the directly-follows graph shown; the CSV has all of them. */
const TOP_EDGES = 25;

type Props = { data: ProcessFlow; csv: { flow: string; variants: string } };

/** The process map with its table, then the Sankey of phase transitions and the common variants. */
export function FlowSection({ data, csv }: Props) {
  const { t } = useTranslation();
  const heading = useId();
  const variantsHeading = useId();
  const label = phaseName(data, t);
  const option = useMemo(() => sankeyOption(data, t), [data, t]);
  const links = [...data.sankey.links].sort((a, b) => b.value - a.value);
  const edges = [...data.edges].sort((a, b) => b.frequency - a.frequency).slice(0, TOP_EDGES);

  return (
    <>
      <Paper withBorder p="lg" radius="md" mb="lg" component="section" aria-labelledby={heading}>
        <Group justify="space-between" align="flex-start" mb="xs">
          <Title order={2} size="h3" id={heading}>
            {t("analytics.flow.title")}
          </Title>
          <Button component="a" variant="default" size="xs" href={csv.flow} download>
            {t("analytics.flow.download")}
          </Button>
        </Group>
        <Text size="sm" mb="xs">
          {t("analytics.flow.summary", {
            cases: number(data.cases, 0),
            events: number(data.events, 0),
            activities: data.activities.length,
            edges: data.edges.length,
          })}{" "}
          <HelpTerm term="processMap">{t("analytics.terms.processMap")}</HelpTerm>{" "}
          <HelpTerm term="directlyFollows">{t("analytics.terms.directlyFollows")}</HelpTerm>{" "}
          <HelpTerm term="median">{t("analytics.terms.median")}</HelpTerm>
        </Text>
        <Text size="sm" mb="sm" c="dimmed">
          {t("analytics.flow.filterHint")}
        </Text>
        <ProcessMap data={data} />
        <Title order={3} size="h4" mt="lg" mb="xs">
          {t("analytics.flow.tableTitle")}
        </Title>
        <DataTable
          columns={[
            { header: t("analytics.flow.from"), cell: (e) => activityLabel(t, e.from) },
            { header: t("analytics.flow.to"), cell: (e) => activityLabel(t, e.to) },
            { header: t("analytics.flow.frequency"), cell: (e) => e.frequency },
            { header: t("analytics.flow.medianWait"), cell: (e) => duration(t, e.medianHours) },
          ]}
          rows={edges}
          rowKey={(e) => `${e.from}>${e.to}`}
          empty={t("analytics.flow.empty")}
          caption={t("analytics.flow.edgesCaption", { n: edges.length, total: data.edges.length })}
          minWidth={720}
        />
      </Paper>

      <ChartFigure
        title={t("analytics.flow.sankeyTitle")}
        chart={
          links.length ? (
            <Chart
              option={option}
              height={380}
              label={t("analytics.flow.sankeyLabel", { n: links.length })}
            />
          ) : null
        }
        table={
          <DataTable
            columns={[
              { header: t("analytics.flow.fromPhase"), cell: (l) => label(l.source) },
              { header: t("analytics.flow.toPhase"), cell: (l) => label(l.target) },
              { header: t("analytics.flow.transitions"), cell: (l) => l.value },
            ]}
            rows={links}
            rowKey={(l) => `${l.source}>${l.target}`}
            empty={t("analytics.flow.noTransitions")}
            caption={t("analytics.flow.sankeyCaption", { n: links.length })}
            minWidth={480}
          />
        }
      >
        <Text size="sm" mb="xs">
          {t("analytics.flow.sankeyIntro", { backward: data.sankey.backward })}{" "}
          <HelpTerm term="sankey">{t("analytics.terms.sankey")}</HelpTerm>
        </Text>
      </ChartFigure>

      <Paper withBorder p="lg" radius="md" mb="lg" component="section" aria-labelledby={variantsHeading}>
        <Group justify="space-between" align="flex-start" mb="xs">
          <Title order={2} size="h3" id={variantsHeading}>
            {t("analytics.flow.variantsTitle")}
          </Title>
          <Button component="a" variant="default" size="xs" href={csv.variants} download>
            {t("analytics.flow.downloadVariants")}
          </Button>
        </Group>
        <Text size="sm" mb="sm">
          {t("analytics.flow.variantsIntro")}{" "}
          <HelpTerm term="variant">{t("analytics.terms.variant")}</HelpTerm>
        </Text>
        {data.variants.length ? (
          <List type="ordered" spacing="xs" size="sm">
            {data.variants.map((v) => (
              <List.Item key={v.activities.join("|")}>
                <strong>{t("analytics.flow.variantCases", { n: v.frequency })}</strong>{" "}
                {v.activities.map((a) => activityLabel(t, a)).join(` ${t("referrals.arrow")} `)}
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm">{t("analytics.flow.empty")}</Text>
        )}
      </Paper>
    </>
  );
}

/** A Sankey node's name as its phase ("Phase 2: …"); names the server did not tie to a phase stay as they are. */
function phaseName(data: ProcessFlow, t: TFunction): (name: string) => string {
  const phaseOf = new Map(data.sankey.nodes.map((n) => [n.name, n.phase]));
  return (name) => {
    const phase = phaseOf.get(name);
    return phase ? phaseLabel(t, phase) : name;
  };
}

/**
 * Phases from left to right. A label stands beside its node, wrapped to the room up to the next
 * column (no label reaches into its neighbour's), and one that would still touch another is left
 * out — the table has every transition.
 */
function sankeyOption(data: ProcessFlow, t: TFunction): (width: number) => ChartOption {
  const label = phaseName(data, t);
  const columns = Math.max(1, new Set(data.sankey.nodes.map((n) => n.phase)).size);
  // Nodes without a way on stand in the last column (justified): their names go to their left.
  const sinks = new Set(
    data.sankey.nodes.filter((n) => !data.sankey.links.some((l) => l.source === n.name)).map((n) => n.name),
  );
  // Each gap between two columns holds the label of the node to its left and (before the last
  // column) of the node to its right: half a gap each, so the two cannot meet.
  const nodeWidth = 16;
  const labelWidth = (chartWidth: number) =>
    Math.max(56, Math.floor((chartWidth - 16 - columns * nodeWidth) / Math.max(1, columns - 1) / 2) - 10);
  return (chartWidth) => ({
    tooltip: { trigger: "item", confine: true },
    series: [
      {
        type: "sankey",
        left: 8,
        right: 8,
        top: 8,
        bottom: 8,
        nodeWidth,
        nodeGap: 18,
        nodeAlign: "justify",
        emphasis: { focus: "adjacency" },
        lineStyle: { color: "gradient", opacity: 0.4 },
        label: {
          formatter: (p) => label(String((p as { name: string }).name)),
          fontSize: 12,
          // Wrapped lines as far apart as the glyphs are tall (Arabic script included).
          lineHeight: 19,
          color: "#212529",
          textBorderColor: "#fff",
          textBorderWidth: 3,
          width: labelWidth(chartWidth),
          overflow: "break",
        },
        labelLayout: { hideOverlap: true },
        // The last column's names stand to its left, inside the chart.
        data: data.sankey.nodes.map((n) => ({
          name: n.name,
          label: sinks.has(n.name) ? { position: "left" } : undefined,
        })),
        links: data.sankey.links,
      },
    ],
  });
}
