import { Button, Group, List, Table, Text } from "@mantine/core";
import { useId, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { NetworkGraph } from "#shared/contracts/analytics.ts";
import { Chart, type ChartEvent } from "./Chart.tsx";
import { ChartFigure } from "./ChartFigure.tsx";
import { DataTable } from "./DataTable.tsx";
import type { ChartOption } from "./echarts.ts";
import { number, typeColour } from "./format.ts";
import { HelpTerm } from "./HelpTerm.tsx";
import { pairKey } from "./InterfaceTable.tsx";

type Props = {
  data: NetworkGraph;
  csv: { nodes: string; edges: string };
  /** An edge was chosen (clicked in the graph or in its table): show that interface. */
  onSelect: (pair: string) => void;
};

/** Labels drawn in the graph at most; the others are in the tooltip and the table. */
const MAX_LABELS = 30;

/** Organisations as nodes, referral volume as edges, with the centrality figures in a table. */
export function NetworkSection({ data, csv, onSelect }: Props) {
  const { t } = useTranslation();
  const nameOf = useMemo(() => new Map(data.nodes.map((n) => [n.id, n.name])), [data]);
  const typeName = (type: string) => t(`organisationTypes.${type}`, { defaultValue: type });
  // biome-ignore lint/correctness/useExhaustiveDependencies: typeName follows t
  const option = useMemo(
    () => networkOption(data, typeName, t("analytics.network.isolatedShort")),
    [data, t],
  );
  const byBetweenness = [...data.nodes].sort((a, b) => b.betweenness - a.betweenness || b.volume - a.volume);
  const edges = [...data.edges].sort((a, b) => b.volume - a.volume);
  const isolated = data.nodes.filter((n) => n.degree === 0);
  const types = [...new Set(data.nodes.filter((n) => n.degree > 0).map((n) => n.type))].sort();
  const onClick = (e: ChartEvent) => {
    const edge = e.dataType === "edge" ? (e.data as { source?: string; target?: string }) : null;
    if (edge?.source && edge.target) onSelect(pairKey(edge.source, edge.target));
  };

  return (
    <ChartFigure
      title={t("analytics.network.title")}
      chart={
        data.nodes.length ? (
          <>
            <Chart
              option={option}
              height={600}
              onClick={onClick}
              label={t("analytics.network.chartLabel", {
                nodes: data.nodes.length,
                edges: data.edges.length,
              })}
            />
            <Group
              gap="md"
              mt="xs"
              component="ul"
              className="analytics-legend"
              aria-label={t("analytics.network.legend")}
            >
              {types.map((type) => (
                <li key={type}>
                  <span
                    className="analytics-swatch"
                    style={{ background: typeColour(type) }}
                    aria-hidden="true"
                  />
                  {typeName(type)}
                </li>
              ))}
              {isolated.length ? (
                <li>
                  <span className="analytics-swatch analytics-swatch-isolated" aria-hidden="true" />
                  {t("analytics.network.isolatedShort")}
                </li>
              ) : null}
            </Group>
            {isolated.length ? <Isolated names={isolated.map((n) => n.name)} /> : null}
          </>
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
            columns={[
              {
                header: t("analytics.network.organisation"),
                rowHeader: true,
                td: { dir: "auto" },
                cell: (n) => n.name,
              },
              {
                header: t("analytics.network.type"),
                cell: (n) => t(`organisationTypes.${n.type}`, { defaultValue: n.type }),
              },
              { header: t("analytics.network.volume"), cell: (n) => n.volume },
              { header: t("analytics.network.degree"), cell: (n) => n.degree },
              { header: t("analytics.network.weightedDegree"), cell: (n) => n.weightedDegree },
              { header: t("analytics.network.betweenness"), cell: (n) => number(n.betweenness, 3) },
              {
                header: t("analytics.network.community"),
                cell: (n) => (n.community === null ? t("analytics.network.noCommunity") : n.community + 1),
              },
            ]}
            rows={byBetweenness}
            empty={t("analytics.network.empty")}
            caption={t("analytics.network.nodesCaption", { n: byBetweenness.length })}
            minWidth={860}
          />
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
              isolated: isolated.length,
              edges: data.edges.length,
              communities: data.communities,
            })
          : t("analytics.network.empty")}
      </Text>
      <Text size="sm" mb="xs">
        {t("analytics.network.termsIntro")}{" "}
        <HelpTerm term="betweenness">{t("analytics.network.betweenness")}</HelpTerm>
        {", "}
        <HelpTerm term="degree">{t("analytics.network.degree")}</HelpTerm>
        {", "}
        <HelpTerm term="weightedDegree">{t("analytics.network.weightedDegree")}</HelpTerm>
        {", "}
        <HelpTerm term="community">{t("analytics.network.community")}</HelpTerm>
        {", "}
        <HelpTerm term="isolated">{t("analytics.network.isolatedShort")}</HelpTerm>
      </Text>
      {data.nodes.length ? (
        <Text size="xs" c="dimmed" mb="xs">
          {t("analytics.network.hint")}
        </Text>
      ) : null}
    </ChartFigure>
  );
}

/** The organisations without referrals, by name: in the graph they are small grey dots without a label. */
function Isolated({ names }: { names: string[] }) {
  const { t } = useTranslation();
  const heading = useId();
  return (
    <div className="analytics-isolated">
      <Text size="sm" fw={600} id={heading}>
        {t("analytics.network.isolatedTitle", { n: names.length })}
      </Text>
      <List size="sm" aria-labelledby={heading} className="analytics-isolated-list" mb="sm">
        {names.map((name) => (
          <List.Item key={name}>
            <bdi>{name}</bdi>
          </List.Item>
        ))}
      </List>
    </div>
  );
}

/**
 * Force layout, started from a circle and run to its end before drawing (no animation), so that the
 * same data gives the same picture. Node size grows with the square root of the volume so that hubs
 * do not fill the canvas. Names are drawn for the organisations with referrals (the busiest first,
 * at most MAX_LABELS), cut to a width, and a name that would overlap another is left out — every
 * name is in the tooltip and the table. Organisations without referrals are small grey dots.
 */
function networkOption(
  data: NetworkGraph,
  typeName: (type: string) => string,
  isolatedName: string,
): (width: number) => ChartOption {
  const types = [...new Set(data.nodes.map((n) => n.type))].sort();
  const maxNode = Math.max(1, ...data.nodes.map((n) => n.volume));
  const maxEdge = Math.max(1, ...data.edges.map((e) => e.volume));
  const nameOf = new Map(data.nodes.map((n) => [n.id, n.name]));
  const labelled = new Set(
    [...data.nodes]
      .filter((n) => n.degree > 0)
      .sort((a, b) => b.volume - a.volume)
      .slice(0, MAX_LABELS)
      .map((n) => n.id),
  );
  return (chartWidth) => ({
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
    series: [
      {
        type: "graph",
        layout: "force",
        roam: true,
        draggable: true,
        top: 24,
        bottom: 24,
        left: 24,
        right: 24,
        force: {
          initLayout: "circular",
          layoutAnimation: false,
          repulsion: data.nodes.length <= 60 ? 420 : 160,
          edgeLength: data.nodes.length <= 60 ? [110, 200] : [50, 130],
          gravity: 0.14,
        },
        categories: types.map((type) => ({ name: typeName(type), itemStyle: { color: typeColour(type) } })),
        edgeSymbol: ["none", "arrow"],
        edgeSymbolSize: 6,
        label: {
          show: false,
          position: "right",
          fontSize: 11,
          // A line as tall as the glyphs draw (Arabic script included), so that the box the overlap
          // check uses is not smaller than the text a reader sees.
          lineHeight: 18,
          color: "#212529",
          // A name is cut (with an ellipsis) where it would take more than a quarter of the width.
          width: Math.min(170, Math.max(60, Math.floor(chartWidth / 4))),
          overflow: "truncate",
          padding: [2, 3],
          backgroundColor: "rgba(255,255,255,0.85)",
        },
        labelLayout: { hideOverlap: true },
        emphasis: { focus: "adjacency", lineStyle: { width: 6 } },
        lineStyle: { color: "source", opacity: 0.6, curveness: 0.15 },
        data: data.nodes.map((n) =>
          n.degree > 0
            ? {
                id: n.id,
                name: n.name,
                value: n.volume,
                typeName: typeName(n.type),
                category: types.indexOf(n.type),
                symbolSize: 10 + 30 * Math.sqrt(n.volume / maxNode),
                label: { show: labelled.has(n.id) },
              }
            : {
                id: n.id,
                name: n.name,
                value: 0,
                typeName: `${typeName(n.type)} – ${isolatedName}`,
                category: types.indexOf(n.type),
                symbolSize: 7,
                itemStyle: { color: "#fff", borderColor: "#868e96", borderWidth: 1.5 },
              },
        ),
        links: data.edges.map((e) => ({
          source: e.from,
          target: e.to,
          value: e.volume,
          lineStyle: { width: 1 + 7 * (e.volume / maxEdge) },
        })),
      },
    ],
  });
}

/** Organisation names go into the tooltip's HTML. */
function escapeHtml(text: string | undefined): string {
  return (text ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
