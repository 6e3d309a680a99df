import { Button, List, Paper, Table, Text, Title } from "@mantine/core";
import type { TFunction } from "i18next";
import { useId, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { ProcessFlow } from "../../../shared/contracts/analytics.ts";
import { phaseLabel } from "../cases/labels.ts";
import { Chart } from "./Chart.tsx";
import { ChartFigure } from "./ChartFigure.tsx";
import { DataTable } from "./DataTable.tsx";
import type { ChartOption } from "./echarts.ts";
import { activityLabel, duration, number } from "./format.ts";

/** Edges of the directly-follows graph shown; the CSV has all of them. */
const TOP_EDGES = 25;

type Props = { data: ProcessFlow; csv: { flow: string; variants: string } };

/** The Sankey of phase transitions, then the directly-follows graph's edges and the common variants. */
export function FlowSection({ data, csv }: Props) {
  const { t } = useTranslation();
  const heading = useId();
  const label = phaseName(data, t);
  const option = useMemo(() => sankeyOption(data, t), [data, t]);
  const links = [...data.sankey.links].sort((a, b) => b.value - a.value);
  const edges = [...data.edges].sort((a, b) => b.frequency - a.frequency).slice(0, TOP_EDGES);

  return (
    <>
      <ChartFigure
        title={t("analytics.flow.sankeyTitle")}
        chart={
          links.length ? (
            <Chart
              option={option}
              height={360}
              label={t("analytics.flow.sankeyLabel", { n: links.length })}
            />
          ) : null
        }
        table={
          <DataTable
            headers={[
              t("analytics.flow.fromPhase"),
              t("analytics.flow.toPhase"),
              t("analytics.flow.transitions"),
            ]}
            count={links.length}
            empty={t("analytics.flow.noTransitions")}
            caption={t("analytics.flow.sankeyCaption", { n: links.length })}
            minWidth={480}
          >
            {links.map((l) => (
              <Table.Tr key={`${l.source}>${l.target}`}>
                <Table.Td>{label(l.source)}</Table.Td>
                <Table.Td>{label(l.target)}</Table.Td>
                <Table.Td>{l.value}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        }
      >
        <Text size="sm" mb="xs">
          {t("analytics.flow.sankeyIntro", { backward: data.sankey.backward })}
        </Text>
      </ChartFigure>

      <Paper withBorder p="lg" radius="md" mb="lg" component="section" aria-labelledby={heading}>
        <Title order={2} size="h3" id={heading} mb="xs">
          {t("analytics.flow.title")}
        </Title>
        <Text size="sm" mb="sm">
          {t("analytics.flow.summary", {
            cases: number(data.cases, 0),
            events: number(data.events, 0),
            activities: data.activities.length,
            edges: data.edges.length,
          })}
        </Text>
        <Button component="a" variant="default" size="xs" href={csv.flow} download mb="sm">
          {t("analytics.flow.download")}
        </Button>
        <DataTable
          headers={[
            t("analytics.flow.from"),
            t("analytics.flow.to"),
            t("analytics.flow.frequency"),
            t("analytics.flow.medianWait"),
          ]}
          count={edges.length}
          empty={t("analytics.flow.empty")}
          caption={t("analytics.flow.edgesCaption", { n: edges.length, total: data.edges.length })}
          minWidth={720}
        >
          {edges.map((e) => (
            <Table.Tr key={`${e.from}>${e.to}`}>
              <Table.Td>{activityLabel(t, e.from)}</Table.Td>
              <Table.Td>{activityLabel(t, e.to)}</Table.Td>
              <Table.Td>{e.frequency}</Table.Td>
              <Table.Td>{duration(t, e.medianHours)}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>

        <Title order={3} size="h4" mt="lg" mb="xs">
          {t("analytics.flow.variantsTitle")}
        </Title>
        <Button component="a" variant="default" size="xs" href={csv.variants} download mb="sm">
          {t("analytics.flow.downloadVariants")}
        </Button>
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

function sankeyOption(data: ProcessFlow, t: TFunction): ChartOption {
  const label = phaseName(data, t);
  return {
    tooltip: { trigger: "item", confine: true },
    series: [
      {
        type: "sankey",
        left: 8,
        right: 160,
        nodeAlign: "justify",
        emphasis: { focus: "adjacency" },
        lineStyle: { color: "gradient", opacity: 0.4 },
        label: { formatter: (p) => label(String((p as { name: string }).name)) },
        data: data.sankey.nodes.map((n) => ({ name: n.name })),
        links: data.sankey.links,
      },
    ],
  };
}
