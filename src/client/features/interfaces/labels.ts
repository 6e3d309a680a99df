import type { TFunction } from "i18next";

/** "Antwort in 5 Arbeitstagen": a separate key for one day, since German inflects the noun. */
export function answerTime(t: TFunction, n: number): string {
  return n === 1 ? t("interfaces.time.answerOne") : t("interfaces.time.answer", { n });
}

/** "Erledigung in 20 Arbeitstagen". */
export function completeTime(t: TFunction, n: number): string {
  return n === 1 ? t("interfaces.time.completeOne") : t("interfaces.time.complete", { n });
}

/** A whole number of working days as typed; anything else goes to the server, which names the field. */
export function dayCount(value: string): number | string {
  const v = value.trim();
  return /^\d+$/.test(v) ? Number(v) : v;
}
