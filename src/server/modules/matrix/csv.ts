import type { Matrix } from "#shared/contracts/matrix.ts";

const cell = (value: string | number) => {
  const s = String(value);
  return /[";\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/**
 * The matrix as a CSV file for Excel in a German locale: semicolons, a byte order mark so that
 * umlauts survive, German headers, a total row and column, and the number of gaps per row.
 */
export function matrixCsv(matrix: Matrix): string {
  const head = [
    matrix.by === "phase" ? "Phase" : "Angebotsart",
    ...matrix.districts.map((d) => d.name),
    "Angebote gesamt",
    "Landkreise ohne Angebot",
  ];
  const lines = [
    head,
    ...matrix.rows.map((r) => [r.label, ...r.cells.map((c) => c.count), r.total, r.gaps]),
    ["Angebote gesamt", ...matrix.districts.map((d) => d.total), matrix.total, matrix.gaps],
  ];
  return `\uFEFF${lines.map((line) => line.map(cell).join(";")).join("\r\n")}\r\n`;
}
