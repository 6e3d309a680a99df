import { Group, ScrollArea, SegmentedControl, Text } from "@mantine/core";
import type { TFunction } from "i18next";
import { useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ProcessFlow } from "#shared/contracts/analytics.ts";
import { activityParts, duration, number } from "./format.ts";
import {
  END,
  FONT_SIZE,
  LABEL_FONT_SIZE,
  LABEL_LINE_HEIGHT,
  LINE_HEIGHT,
  layoutProcessMap,
  MAP_DETAILS,
  type MapDetail,
  type MapInput,
  type Measure,
  pathThrough,
  START,
  selectPaths,
} from "./process-map.ts";

/**
 * The process map of the flow: boxes for the activities (offer type and state of the referral, with
 * how often it happened), arrows for "directly followed by" with how often and the median waiting
 * time in calendar days. The most frequent paths first; the table below has every one.
 */
export function ProcessMap({ data }: { data: ProcessFlow }) {
  const { t, i18n } = useTranslation();
  const [detail, setDetail] = useState<MapDetail>("main");
  const rtl = i18n.dir() === "rtl";
  const picked = useMemo(() => selectPaths(data, MAP_DETAILS[detail]), [data, detail]);
  const layout = useMemo(
    () => layoutProcessMap(mapInput(picked, data.cases, t), measureText(), rtl),
    [picked, data.cases, t, rtl],
  );
  const marker = useId();
  if (!picked.edges.length) return <Text size="sm">{t("analytics.flow.empty")}</Text>;
  const maxFrequency = Math.max(1, ...layout.arrows.map((a) => a.frequency));

  return (
    <>
      <Group justify="space-between" align="flex-end" mb="xs" gap="sm">
        <Text size="sm" maw={720}>
          {t("analytics.flow.mapShown", {
            shown: picked.edges.length,
            total: picked.total,
            activities: picked.activities.length,
            allActivities: data.activities.length,
          })}
        </Text>
        <SegmentedControl
          size="xs"
          value={detail}
          onChange={(v) => setDetail(v as MapDetail)}
          aria-label={t("analytics.flow.detail")}
          data={(Object.keys(MAP_DETAILS) as MapDetail[]).map((d) => ({
            value: d,
            label: t(`analytics.flow.details.${d}`),
          }))}
        />
      </Group>
      {/* Keeps its size and scrolls sideways when wider than the page; the scroll region is a named
          tab stop, so that it can be scrolled by keyboard (like the wide tables). */}
      <ScrollArea
        type="auto"
        className="process-map-scroll"
        viewportProps={{ tabIndex: 0, role: "group", "aria-label": t("analytics.flow.mapScroll") }}
      >
        <svg
          className="process-map"
          width={layout.width}
          height={layout.height}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          role="img"
          aria-label={t("analytics.flow.mapLabel", {
            boxes: layout.boxes.length,
            arrows: layout.arrows.length,
          })}
        >
          <defs>
            <marker
              id={marker}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              markerUnits="userSpaceOnUse"
              orient="auto-start-reverse"
            >
              <path d="M0,0 L10,5 L0,10 z" fill="#495057" />
            </marker>
          </defs>
          {layout.arrows.map((a) => (
            <path
              key={`${a.from}>${a.to}`}
              d={pathThrough(a.points)}
              fill="none"
              stroke="#868e96"
              strokeWidth={1 + 5 * (a.frequency / maxFrequency)}
              strokeOpacity={0.8}
              markerEnd={`url(#${marker})`}
            />
          ))}
          {layout.arrows.map((a) => (
            <g key={`label ${a.from}>${a.to}`} className="process-map-label">
              <rect
                x={a.label.x - a.label.width / 2}
                y={a.label.y - a.label.height / 2}
                width={a.label.width}
                height={a.label.height}
                rx={3}
                fill="#fff"
                fillOpacity={0.92}
              />
              {a.label.lines.map((line, i) => (
                <text
                  key={line}
                  x={a.label.x}
                  y={a.label.y + (i - (a.label.lines.length - 1) / 2) * LABEL_LINE_HEIGHT}
                  textAnchor="middle"
                  dominantBaseline="central"
                  fontSize={LABEL_FONT_SIZE}
                  fontWeight={i === 0 ? 700 : 400}
                  fill="#212529"
                >
                  {line}
                </text>
              ))}
            </g>
          ))}
          {layout.boxes.map((b) => (
            <g key={b.id} className={`process-map-box process-map-${b.kind}`}>
              <rect
                x={b.x - b.width / 2}
                y={b.y - b.height / 2}
                width={b.width}
                height={b.height}
                rx={b.kind === "activity" ? 6 : b.height / 2}
                fill={b.kind === "activity" ? "#e7f5ff" : "#f1f3f5"}
                stroke={b.kind === "activity" ? "#1864ab" : "#495057"}
                strokeWidth={1.5}
              />
              {b.lines.map((line, i) => (
                <text
                  key={line}
                  x={b.x}
                  y={b.y + (i - (b.lines.length - 1) / 2) * LINE_HEIGHT}
                  textAnchor="middle"
                  dominantBaseline="central"
                  fontSize={FONT_SIZE}
                  fontWeight={i === 0 ? 700 : 400}
                  fill="#212529"
                >
                  {line}
                </text>
              ))}
            </g>
          ))}
        </svg>
      </ScrollArea>
      <Text size="xs" c="dimmed" mt="xs">
        {t("analytics.flow.mapLegend")}
      </Text>
    </>
  );
}

/** Boxes and arrows with their words: activities, start and end; frequency and median on the arrows. */
function mapInput(picked: ReturnType<typeof selectPaths>, cases: number, t: TFunction): MapInput {
  const times = (n: number) => t("analytics.flow.times", { n: number(n, 0) });
  const boxes: MapInput["boxes"] = picked.activities.map((a) => {
    const { type, state } = activityParts(t, a.name);
    return {
      id: a.name,
      kind: "activity",
      lines: [type, `${state} · ${times(a.frequency)}`],
      frequency: a.frequency,
    };
  });
  const arrows: MapInput["arrows"] = picked.edges.map((e) => ({
    from: e.from,
    to: e.to,
    frequency: e.frequency,
    lines: [times(e.frequency), duration(t, e.medianHours)],
  }));
  if (picked.starts.length) {
    boxes.push({ id: START, kind: "start", lines: [t("analytics.flow.start")], frequency: cases });
    for (const s of picked.starts)
      arrows.push({ from: START, to: s.name, frequency: s.frequency, lines: [times(s.frequency)] });
  }
  if (picked.ends.length) {
    boxes.push({ id: END, kind: "end", lines: [t("analytics.flow.end")], frequency: cases });
    for (const e of picked.ends)
      arrows.push({ from: e.name, to: END, frequency: e.frequency, lines: [times(e.frequency)] });
  }
  return { boxes, arrows };
}

/** Text widths as the browser draws them, in the page's font (a canvas measures without layout). */
function measureText(): Measure {
  const context = document.createElement("canvas").getContext("2d");
  const family = getComputedStyle(document.body).fontFamily || "sans-serif";
  return (text, size, bold) => {
    if (!context) return text.length * size * 0.62;
    context.font = `${bold ? 700 : 400} ${size}px ${family}`;
    return context.measureText(text).width;
  };
}
