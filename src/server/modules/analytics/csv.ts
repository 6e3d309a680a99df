import type {
  CSV_TABLES,
  InterfaceTable,
  NetworkGraph,
  ProcessFlow,
  ProcessTimes,
} from "#shared/contracts/analytics.ts";

/**
 * The analytics tables as CSV for Excel in a German locale (like the directory matrix): semicolons,
 * a byte order mark, German headers, decimal commas. Rates stay shares (0–1), times stay hours.
 */

export type CsvTable = (typeof CSV_TABLES)[number];
type Cell = string | number | null;

const cell = (value: Cell) => {
  if (value === null) return "";
  const s = typeof value === "number" ? String(value).replace(".", ",") : value;
  return /[";\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

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
      "Antwortzeit Median (h)",
      "Antwortzeit 90. Perzentil (h)",
      "Erledigungszeit Median (h)",
      "Erledigungszeit 90. Perzentil (h)",
      "Anteil Antwort nach Frist",
      "Anteil Erledigung nach Frist",
      "Verzug",
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
      r.medianAnswerHours,
      r.p90AnswerHours,
      r.medianCompleteHours,
      r.p90CompleteHours,
      r.answerPastAgreedShare,
      r.completePastAgreedShare,
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
      "Betweenness",
      "Community",
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
    ["Von Aktivität", "Zu Aktivität", "Häufigkeit", "Wartezeit Median (h)"],
    f.edges.map((e) => [e.from, e.to, e.frequency, e.medianHours]),
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
      "Antwortzeit Median (h)",
      "Erledigungszeit Median (h)",
      "Anteil Antwort nach Frist",
    ],
    t.months.map((m) => [
      m.month,
      m.volume,
      m.medianAnswerHours,
      m.medianCompleteHours,
      m.answerPastAgreedShare,
    ]),
  );
}

export function districtsCsv(t: ProcessTimes): string {
  return toCsv(
    [
      "Landkreis (AGS)",
      "Verweise",
      "Antwortzeit Median (h)",
      "Erledigungszeit Median (h)",
      "Anteil Antwort nach Frist",
    ],
    t.districts.map((d) => [
      d.districtAgs,
      d.volume,
      d.medianAnswerHours,
      d.medianCompleteHours,
      d.answerPastAgreedShare,
    ]),
  );
}
