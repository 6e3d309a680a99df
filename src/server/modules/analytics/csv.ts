import type {
  CSV_TABLES,
  InterfaceTable,
  NetworkGraph,
  ProcessFlow,
  ProcessTimes,
} from "#shared/contracts/analytics.ts";

/**
 * The analytics tables as CSV for Excel in a German locale (like the directory matrix): semicolons,
 * a byte order mark, German headers, decimal commas. Rates stay shares (0–1). Measured times are
 * calendar days (elapsed time, weekends and holidays included) with two decimals, agreed times
 * working days — each header says which, because the two are compared side by side.
 */

export type CsvTable = (typeof CSV_TABLES)[number];
type Cell = string | number | null;

const cell = (value: Cell) => {
  if (value === null) return "";
  const s = typeof value === "number" ? String(value).replace(".", ",") : value;
  return /[";\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** Hours of elapsed time as calendar days, two decimals. */
const days = (hours: number | null) => (hours === null ? null : Math.round((hours / 24) * 100) / 100);

export function toCsv(head: string[], rows: Cell[][]): string {
  return `\uFEFF${[head, ...rows].map((line) => line.map(cell).join(";")).join("\r\n")}\r\n`;
}

export function interfacesCsv(t: InterfaceTable): string {
  return toCsv(
    [
      "Von Organisation",
      "An Organisation",
      "Vereinbarte Antwortfrist (Arbeitstage)",
      "Vereinbarte Erledigungsfrist (Arbeitstage)",
      "Verweise",
      "Annahmequote",
      "Erledigungsquote",
      "Erfolgsquote",
      "Antwortzeit Median (Kalendertage)",
      "Antwortzeit 90. Perzentil (Kalendertage)",
      "Erledigungszeit Median (Kalendertage)",
      "Erledigungszeit 90. Perzentil (Kalendertage)",
      "Anteil Antwort nach Frist",
      "Anteil Erledigung nach Frist",
      "Antworten nach Frist",
      "Antwort nach Frist: Überschreitung Median (Kalendertage)",
      "Erledigungen nach Frist",
      "Erledigung nach Frist: Überschreitung Median (Kalendertage)",
      "Verzug (in vereinbarten Fristen)",
      "Engpasswert",
      "Verweise Vorperiode",
      "Veränderung Verweise",
    ],
    t.items.map((r) => [
      r.from.name,
      r.to.name,
      r.interface?.answerWithinDays ?? null,
      r.interface?.completeWithinDays ?? null,
      r.volume,
      r.acceptanceRate,
      r.completionRate,
      r.successRate,
      days(r.medianAnswerHours),
      days(r.p90AnswerHours),
      days(r.medianCompleteHours),
      days(r.p90CompleteHours),
      r.answerPastAgreedShare,
      r.completePastAgreedShare,
      r.answerLate,
      days(r.medianAnswerOverrunHours),
      r.completeLate,
      days(r.medianCompleteOverrunHours),
      r.delay,
      r.bottleneckScore,
      r.previous.volume,
      r.change.volume,
    ]),
  );
}

export function nodesCsv(g: NetworkGraph): string {
  return toCsv(
    [
      "Organisation",
      "Typ",
      "Landkreis (AGS)",
      "Verweise",
      "Grad",
      "Gewichteter Grad",
      "Betweenness (Vermittlerrolle, 0–1)",
      "Community (leer: ohne Verweise)",
    ],
    g.nodes.map((n) => [
      n.name,
      n.type,
      n.districtAgs,
      n.volume,
      n.degree,
      n.weightedDegree,
      n.betweenness,
      n.community,
    ]),
  );
}

export function edgesCsv(g: NetworkGraph): string {
  const name = new Map(g.nodes.map((n) => [n.id, n.name]));
  return toCsv(
    ["Von Organisation", "An Organisation", "Verweise"],
    g.edges.map((e) => [name.get(e.from) ?? e.from, name.get(e.to) ?? e.to, e.volume]),
  );
}

export function flowCsv(f: ProcessFlow): string {
  return toCsv(
    ["Von Aktivität", "Zu Aktivität", "Häufigkeit", "Wartezeit Median (Kalendertage)"],
    f.edges.map((e) => [e.from, e.to, e.frequency, days(e.medianHours)]),
  );
}

export function variantsCsv(f: ProcessFlow): string {
  return toCsv(
    ["Variante", "Häufigkeit"],
    f.variants.map((v) => [v.activities.join(" → "), v.frequency]),
  );
}

export function monthsCsv(t: ProcessTimes): string {
  return toCsv(
    [
      "Monat",
      "Verweise",
      "Antwortzeit Median (Kalendertage)",
      "Erledigungszeit Median (Kalendertage)",
      "Anteil Antwort nach Frist",
    ],
    t.months.map((m) => [
      m.month,
      m.volume,
      days(m.medianAnswerHours),
      days(m.medianCompleteHours),
      m.answerPastAgreedShare,
    ]),
  );
}

export function districtsCsv(t: ProcessTimes): string {
  return toCsv(
    [
      "Landkreis (AGS)",
      "Verweise",
      "Antwortzeit Median (Kalendertage)",
      "Erledigungszeit Median (Kalendertage)",
      "Anteil Antwort nach Frist",
    ],
    t.districts.map((d) => [
      d.districtAgs,
      d.volume,
      days(d.medianAnswerHours),
      days(d.medianCompleteHours),
      d.answerPastAgreedShare,
    ]),
  );
}
