import { Anchor, Button, Text } from "@mantine/core";
import type { TFunction } from "i18next";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ProcessTimes } from "#shared/contracts/analytics.ts";
import type { DistrictMap } from "#shared/contracts/finder.ts";
import { DISTRICTS } from "#shared/domain.ts";
import { Chart } from "./Chart.tsx";
import { ChartFigure } from "./ChartFigure.tsx";
import { DataTable } from "./DataTable.tsx";
import { DISTRICT_MAP, loadDistrictShapes } from "./district-shapes.ts";
import type { ChartOption } from "./echarts.ts";
import { calendarDays, duration, number, percent } from "./format.ts";
import { HelpTerm } from "./HelpTerm.tsx";

type Props = { data: ProcessTimes; csv: string };

const nameOf = new Map<string, string>(DISTRICTS.map((d) => [d.ags, d.name]));

/** The 14 districts coloured by the median time to answer at their receiving organisations. */
export function DistrictSection({ data, csv }: Props) {
  const { t } = useTranslation();
  const [shapes, setShapes] = useState<DistrictMap | null>(null);
  useEffect(() => {
    let live = true;
    loadDistrictShapes().then(
      (m) => live && setShapes(m),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  const figures = new Map(data.districts.map((d) => [d.districtAgs, d]));
  const option = useMemo(() => districtOption(data, t), [data, t]);
  const rows = DISTRICTS.map((d) => ({ ags: d.ags, name: d.name, f: figures.get(d.ags) }));

  return (
    <ChartFigure
      title={t("analytics.districts.title")}
      chart={
        shapes ? (
          <>
            <Chart option={option} height={600} label={t("analytics.districts.chartLabel")} />
            <Text size="xs" c="dimmed">
              <Anchor href={shapes.attributionUrl} size="xs" underline="always">
                {shapes.attribution}
              </Anchor>
            </Text>
          </>
        ) : null
      }
      actions={
        <Button component="a" variant="default" size="xs" href={csv} download>
          {t("analytics.districts.download")}
        </Button>
      }
      table={
        <DataTable
          columns={[
            { header: t("analytics.districts.district"), rowHeader: true, cell: (r) => r.name },
            { header: t("analytics.times.volume"), cell: (r) => number(r.f?.volume ?? 0, 0) },
            { header: t("analytics.times.answer"), cell: (r) => duration(t, r.f?.medianAnswerHours) },
            { header: t("analytics.times.complete"), cell: (r) => duration(t, r.f?.medianCompleteHours) },
            { header: t("analytics.times.pastAgreed"), cell: (r) => percent(r.f?.answerPastAgreedShare) },
          ]}
          rows={rows}
          rowKey={(r) => r.ags}
          empty=""
          caption={t("analytics.districts.caption")}
          minWidth={640}
        />
      }
    >
      <Text size="sm" mb="xs">
        {t("analytics.districts.intro")} <HelpTerm term="median">{t("analytics.terms.median")}</HelpTerm>{" "}
        <HelpTerm term="calendarDays">{t("analytics.terms.calendarDays")}</HelpTerm>
      </Text>
    </ChartFigure>
  );
}

const days = calendarDays;

/**
 * Districts coloured by the median calendar days to answer; districts without referrals keep the grey
 * base. The colour scale stands beside the map (below it on a narrow screen), never on it; a name
 * that would overlap another is left out (the small cities inside their districts) — tooltip and
 * table name every district.
 */
function districtOption(data: ProcessTimes, t: TFunction): (width: number) => ChartOption {
  const figures = new Map(data.districts.map((d) => [d.districtAgs, d]));
  const values = data.districts.flatMap((d) =>
    d.medianAnswerHours === null ? [] : [days(d.medianAnswerHours)],
  );
  return (width) => {
    const narrow = width < 600;
    return {
      tooltip: {
        trigger: "item",
        confine: true,
        formatter: (p) => {
          const ags = String((p as { name: string }).name);
          const f = figures.get(ags);
          return `${nameOf.get(ags) ?? ags}: ${
            f
              ? t("analytics.districts.tooltip", {
                  volume: f.volume,
                  answer: duration(t, f.medianAnswerHours),
                })
              : "–"
          }`;
        },
      },
      visualMap: {
        type: "continuous",
        min: 0,
        max: Math.max(1, ...values),
        text: [t("analytics.districts.slow"), t("analytics.districts.fast")],
        inRange: { color: ["#e7f5ff", "#1c7ed6", "#0b3d91"] },
        calculable: false,
        orient: narrow ? "horizontal" : "vertical",
        left: narrow ? "center" : 0,
        bottom: 0,
        itemWidth: 14,
        itemHeight: narrow ? 120 : 140,
      },
      series: [
        {
          type: "map",
          map: DISTRICT_MAP,
          roam: false,
          // Centred in the room the colour scale leaves, keeping the shapes' proportions.
          layoutCenter: narrow ? ["50%", "44%"] : ["56%", "50%"],
          layoutSize: narrow ? "86%" : "100%",
          label: {
            show: true,
            fontSize: 11,
            lineHeight: 18,
            color: "#212529",
            textBorderColor: "#fff",
            textBorderWidth: 3,
            formatter: (p) => nameOf.get(String((p as { name: string }).name)) ?? "",
          },
          labelLayout: { hideOverlap: true },
          itemStyle: { areaColor: "#f1f3f5", borderColor: "#495057" },
          emphasis: { label: { show: true }, itemStyle: { areaColor: "#ffd43b" } },
          data: data.districts.flatMap((d) =>
            d.medianAnswerHours === null ? [] : [{ name: d.districtAgs, value: days(d.medianAnswerHours) }],
          ),
        },
      ],
    };
  };
}
