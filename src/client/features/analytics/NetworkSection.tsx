import { Button, Table, Text } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { NetworkGraph } from "../../../shared/contracts/analytics.ts";
import { Chart, type ChartEvent } from "./Chart.tsx";
import { ChartFigure } from "./ChartFigure.tsx";
import { DataTable } from "./DataTable.tsx";
import type { ChartOption } from "./echarts.ts";
import { number, typeColour } from "./format.ts";
import { pairKey } from "./InterfaceTable.tsx";

type Props = {
  data: NetworkGraph;
  csv: { nodes: string; edges: string };
  /** An edge was chosen (clicked in the graph or in its table): show that interface. */
  onSelect: (pair: string) => void;
};

/** Organisations as nodes, referral volume as edges, with the centrality figures in a table. */
export function NetworkSection({ data, csv, onSelect }: Props) {
  const { t } = useTranslation();
  const nameOf = useMemo(() => new Map(data.nodes.map((n) => [n.id, n.name])), [data]);
  const option = useMemo(() => networkOption(data, (type) => t(`organisationTypes.${type}`)), [data, t]);
  const byBetweenness = [...data.nodes].sort((a, b) => b.betweenness - a.betweenness || b.volume - a.volume);
  const edges = [...data.edges].sort((a, b) => b.volume - a.volume);
  const onClick = (e: ChartEvent) => {
    const edge = e.dataType === "edge" ? (e.data as { source?: string; target?: string }) : null;
    if (edge?.source && edge.target) onSelect(pairKey(edge.source, edge.target));
  };

  return (
    <ChartFigure
      title={t("analytics.network.title")}
      chart={
        data.nodes.length ? (
          <Chart
            option={option}
            height={520}
            onClick={onClick}
            label={t("analytics.network.chartLabel", { nodes: data.nodes.length, edges: data.edges.length })}
          />
        ) : null
      }
      actions={
        <>
          <Button component="a" variant="default" size="xs" href={csv.nodes} download>
            {t("analytics.network.downloadNodes")}
          </Button>
          <Button component="a" variant="default" size="xs" href={csv.edges} download>
            {t("analytics.network.downloadEdges")}
          </Button>
        </>
      }
      table={
        <>
          <DataTable
            headers={[
              t("analytics.network.organisation"),
              t("analytics.network.type"),
              t("analytics.network.volume"),
              t("analytics.network.degree"),
              t("analytics.network.weightedDegree"),
              t("analytics.network.betweenness"),
              t("analytics.network.community"),
            ]}
            count={byBetweenness.length}
            empty={t("analytics.network.empty")}
            caption={t("analytics.network.nodesCaption", { n: byBetweenness.length })}
            minWidth={860}
          >
            {byBetweenness.map((n) => (
              <Table.Tr key={n.id}>
                <Table.Th scope="row" dir="auto">
                  {n.name}
                </Table.Th>
                <Table.Td>{t(`organisationTypes.${n.type}`, { defaultValue: n.type })}</Table.Td>
                <Table.Td>{n.volume}</Table.Td>
                <Table.Td>{n.degree}</Table.Td>
                <Table.Td>{n.weightedDegree}</Table.Td>
                <Table.Td>{number(n.betweenness, 3)}</Table.Td>
                <Table.Td>{n.community + 1}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
          {edges.length ? (
            <DataTable
              headers={[
                t("analytics.network.from"),
                t("analytics.network.to"),
                t("analytics.network.referrals"),
                t("common.actions"),
              ]}
              count={edges.length}
              empty=""
              caption={t("analytics.network.edgesCaption", { n: edges.length })}
              minWidth={640}
            >
              {edges.map((e) => {
                const from = nameOf.get(e.from) ?? e.from;
                const to = nameOf.get(e.to) ?? e.to;
                return (
                  <Table.Tr key={pairKey(e.from, e.to)}>
                    <Table.Td dir="auto">{from}</Table.Td>
                    <Table.Td dir="auto">{to}</Table.Td>
                    <Table.Td>{e.volume}</Table.Td>
                    <Table.Td>
                      <Button
                        variant="subtle"
                        size="compact-xs"
                        onClick={() => onSelect(pairKey(e.from, e.to))}
                      >
                        {t("analytics.network.showInterface", { from, to })}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </DataTable>
          ) : null}
        </>
      }
    >
      <Text size="sm" mb="xs">
        {data.nodes.length
          ? t("analytics.network.summary", {
              nodes: data.nodes.length,
              edges: data.edges.length,
              communities: data.communities,
            })
          : t("analytics.network.empty")}
      </Text>
      {data.nodes.length ? (
        <Text size="xs" c="dimmed" mb="xs">
          {t("analytics.network.hint")}
        </Text>
      ) : null}
    </ChartFigure>
  );
}

/** Force layout; node size grows with the square root of the volume so that hubs do not fill the canvas. */
function networkOption(data: NetworkGraph, typeName: (type: string) => string): ChartOption {
  const types = [...new Set(data.nodes.map((n) => n.type))].sort();
  const maxNode = Math.max(1, ...data.nodes.map((n) => n.volume));
  const maxEdge = Math.max(1, ...data.edges.map((e) => e.volume));
  const nameOf = new Map(data.nodes.map((n) => [n.id, n.name]));
  return {
    tooltip: {
      confine: true,
      formatter: (p) => {
        const item = p as { dataType?: string; data: Record<string, unknown> };
        const d = item.data;
        if (item.dataType === "edge")
          return `${escapeHtml(nameOf.get(String(d.source)))} → ${escapeHtml(nameOf.get(String(d.target)))}: ${d.value}`;
        return `${escapeHtml(String(d.name))}<br/>${escapeHtml(String(d.typeName))}: ${d.value}`;
      },
    },
    legend: { data: types.map(typeName), bottom: 0, type: "plain" },
    series: [
      {
        type: "graph",
        layout: "force",
        roam: true,
        draggable: true,
        // A small network spreads wider, so that its names have room.
        force: {
          repulsion: data.nodes.length <= 40 ? 450 : 220,
          edgeLength: data.nodes.length <= 40 ? [80, 200] : [40, 160],
          gravity: 0.08,
        },
        categories: types.map((type) => ({ name: typeName(type), itemStyle: { color: typeColour(type) } })),
        edgeSymbol: ["none", "arrow"],
        edgeSymbolSize: 6,
        label: { show: data.nodes.length <= 40, position: "right", fontSize: 10 },
        // Names that would overlap are left out (hover shows them).
        labelLayout: { hideOverlap: true },
        emphasis: { focus: "adjacency", lineStyle: { width: 6 } },
        lineStyle: { color: "source", opacity: 0.6, curveness: 0.15 },
        data: data.nodes.map((n) => ({
          id: n.id,
          name: n.name,
          value: n.volume,
          typeName: typeName(n.type),
          category: types.indexOf(n.type),
          symbolSize: 8 + 32 * Math.sqrt(n.volume / maxNode),
        })),
        links: data.edges.map((e) => ({
          source: e.from,
          target: e.to,
          value: e.volume,
          lineStyle: { width: 1 + 7 * (e.volume / maxEdge) },
        })),
      },
    ],
  };
}

/** Organisation names go into the tooltip's HTML. */
function escapeHtml(text: string | undefined): string {
  return (text ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
