import { AUTHORITY_DECISION_MONTHS } from "#shared/recognition.ts";

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * The date some months later; a day the target month lacks becomes its last day (§ 188(3) BGB:
 * 30 November + 3 months is 28 or 29 February).
 */
export function addMonths(date: string, months: number): string {
  const [y = 0, m = 1, d = 1] = date.split("-").map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${year}-${pad(month + 1)}-${pad(Math.min(d, lastDay))}`;
}

/** When the authority must have decided: three months after the documents were complete (§6(3) BQFG). */
export function decisionDueAt(documentsCompleteAt: string | null): string | null {
  return documentsCompleteAt ? addMonths(documentsCompleteAt, AUTHORITY_DECISION_MONTHS) : null;
}
