import { Button, Text } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { ProcessTimes } from "#shared/contracts/analytics.ts";
import { Chart } from "./Chart.tsx";
import { ChartFigure } from "./ChartFigure.tsx";
import { DataTable } from "./DataTable.tsx";
import type { ChartOption } from "./echarts.ts";
import { calendarDays, duration, monthLabel, percent } from "./format.ts";
import { HelpTerm } from "./HelpTerm.tsx";

type Props = { data: ProcessTimes; csv: string };

const days = (hours: number | null) => (hours === null ? null : calendarDays(hours));

/** Median times to answer and to complete per month of sending: do they shorten? */
export function TimesSection({ data, csv }: Props) {
  const { t } = useTranslation();
  const months = data.months;
  // On a narrow screen the legend wraps onto two lines: the plot leaves room for them, and the
  // month names keep their distance from the axis' "0".
  const option = useMemo(
    () =>
      (width: number): ChartOption => ({
        tooltip: {
          trigger: "axis",
          confine: true,
          valueFormatter: (v) => (typeof v === "number" ? duration(t, v * 24) : "–"),
        },
        legend: { bottom: 0 },
        grid: { left: 48, right: 24, top: 32, bottom: width < 700 ? 92 : 56 },
        xAxis: {
          type: "category",
          data: months.map((m) => monthLabel(m.month)),
          axisLabel: { margin: 14, hideOverlap: true },
        },
        yAxis: { type: "value", name: t("analytics.times.axisDays"), min: 0 },
        series: [
          {
            type: "line",
            name: t("analytics.times.answer"),
            data: months.map((m) => days(m.medianAnswerHours)),
            connectNulls: true,
          },
          {
            type: "line",
            name: t("analytics.times.complete"),
            data: months.map((m) => days(m.medianCompleteHours)),
            connectNulls: true,
            lineStyle: { type: "dashed" },
          },
        ],
      }),
    [months, t],
  );

  return (
    <ChartFigure
      title={t("analytics.times.title")}
      chart={
        months.length ? (
          <Chart option={option} height={320} label={t("analytics.times.chartLabel", { n: months.length })} />
        ) : null
      }
      actions={
        <Button component="a" variant="default" size="xs" href={csv} download>
          {t("analytics.times.download")}
        </Button>
      }
      table={
        <DataTable
          columns={[
            { header: t("analytics.times.month"), rowHeader: true, cell: (m) => monthLabel(m.month) },
            { header: t("analytics.times.volume"), cell: (m) => m.volume },
            { header: t("analytics.times.answer"), cell: (m) => duration(t, m.medianAnswerHours) },
            { header: t("analytics.times.complete"), cell: (m) => duration(t, m.medianCompleteHours) },
            { header: t("analytics.times.pastAgreed"), cell: (m) => percent(m.answerPastAgreedShare) },
          ]}
          rows={months}
          rowKey={(m) => m.month}
          empty={t("analytics.times.empty")}
          caption={t("analytics.times.caption", { n: months.length })}
          minWidth={640}
        />
      }
    >
      <Text size="sm" mb="xs">
        {t("analytics.times.intro")} <HelpTerm term="median">{t("analytics.terms.median")}</HelpTerm>{" "}
        <HelpTerm term="calendarDays">{t("analytics.terms.calendarDays")}</HelpTerm>
      </Text>
    </ChartFigure>
  );
}
