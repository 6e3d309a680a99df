import { mean, median, sampleStandardDeviation } from "simple-statistics";

/**
 * The figures of a pre/post self-assessment (LIBRARY-NOTES 4.3): paired differences per
 * participant, the effect size d_z = mean(diff) / sd(diff), the median change and a Wilcoxon
 * signed-rank test for ordinal data. simple-statistics has no signed-rank test, so it is here:
 * exact for up to EXACT_LIMIT non-zero differences (the exact distribution of the rank sum over
 * all 2^n sign assignments, with mid-ranks for ties, so it stays exact on Likert data), the normal
 * approximation with tie and continuity correction above that.
 */

export const EXACT_LIMIT = 50;

export type Alternative = "two-sided" | "greater" | "less";

export type SignedRankResult = {
  /** Sum of the ranks of the positive differences (R's V). */
  v: number;
  /** Differences that were not zero (zeros are dropped, as R and SciPy's default do). */
  n: number;
  p: number;
  method: "exact" | "normal";
};

/** Mid-ranks (1-based) of the values, ties sharing the mean of their ranks. */
export function midRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const ranks = new Array<number>(values.length).fill(0);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]?.v === order[start]?.v) end++;
    const rank = (start + end + 2) / 2;
    for (let k = start; k <= end; k++) ranks[order[k]?.i ?? 0] = rank;
    start = end + 1;
  }
  return ranks;
}

/** A relative tolerance for comparing floating differences with zero and with each other. */
const EPS = 1e-9;

/**
 * Wilcoxon signed-rank test on paired differences (after − before, or x − y). "greater" tests
 * whether the differences tend to be positive.
 */
export function wilcoxonSignedRank(
  differences: readonly number[],
  alternative: Alternative = "two-sided",
): SignedRankResult | null {
  // Rounded so that 1.83 − 0.878 and the like compare equal where they should.
  const d = differences.map((x) => Math.round(x / EPS) * EPS).filter((x) => x !== 0);
  const n = d.length;
  if (n === 0) return null;
  const ranks = midRanks(d.map(Math.abs));
  const v = ranks.reduce((sum, r, i) => sum + ((d[i] ?? 0) > 0 ? r : 0), 0);
  if (n <= EXACT_LIMIT) return { v, n, p: exactP(ranks, v, alternative), method: "exact" };
  return { v, n, p: normalP(ranks, v, alternative), method: "normal" };
}

/**
 * Exact p-value: the number of the 2^n sign assignments whose positive rank sum is as extreme as
 * V. Mid-ranks are multiples of ½, so the sums are counted on doubled ranks (integers); counts up
 * to 2^50 are exact in a double.
 */
function exactP(ranks: readonly number[], v: number, alternative: Alternative): number {
  const doubled = ranks.map((r) => Math.round(r * 2));
  const total = doubled.reduce((a, b) => a + b, 0);
  let counts = new Array<number>(total + 1).fill(0);
  counts[0] = 1;
  let reach = 0;
  for (const r of doubled) {
    const next = counts.slice();
    for (let s = 0; s <= reach; s++) {
      const c = counts[s] ?? 0;
      if (c) next[s + r] = (next[s + r] ?? 0) + c;
    }
    counts = next;
    reach += r;
  }
  const all = 2 ** ranks.length;
  const at = Math.round(v * 2);
  let upper = 0;
  let lower = 0;
  for (let s = 0; s <= total; s++) {
    const c = counts[s] ?? 0;
    if (s >= at) upper += c;
    if (s <= at) lower += c;
  }
  const greater = upper / all;
  const less = lower / all;
  if (alternative === "greater") return greater;
  if (alternative === "less") return less;
  return Math.min(1, 2 * Math.min(greater, less));
}

/** Normal approximation with tie correction of the variance and a continuity correction of ½. */
function normalP(ranks: readonly number[], v: number, alternative: Alternative): number {
  const n = ranks.length;
  const expected = (n * (n + 1)) / 4;
  const ties = new Map<number, number>();
  for (const r of ranks) ties.set(r, (ties.get(r) ?? 0) + 1);
  let tieSum = 0;
  for (const t of ties.values()) tieSum += t ** 3 - t;
  const variance = (n * (n + 1) * (2 * n + 1)) / 24 - tieSum / 48;
  if (variance <= 0) return 1;
  const sd = Math.sqrt(variance);
  const diff = v - expected;
  const upper = 1 - normalCdf((diff - 0.5) / sd);
  const lower = normalCdf((diff + 0.5) / sd);
  if (alternative === "greater") return upper;
  if (alternative === "less") return lower;
  return Math.min(1, 2 * Math.min(upper, lower));
}

/** Standard normal distribution function (Abramowitz–Stegun 7.1.26 on erf, error < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

export type PairedSummary = {
  n: number;
  meanChange: number;
  medianChange: number;
  /** Null when every participant changed by the same amount (no spread to divide by). */
  dz: number | null;
  wilcoxon: SignedRankResult | null;
};

/** The paired figures of (before, after) pairs; the test asks whether the values changed. */
export function pairedSummary(pairs: readonly { before: number; after: number }[]): PairedSummary | null {
  if (pairs.length === 0) return null;
  const diffs = pairs.map((p) => p.after - p.before);
  const m = mean(diffs);
  const sd = diffs.length > 1 ? sampleStandardDeviation(diffs) : 0;
  return {
    n: diffs.length,
    meanChange: m,
    medianChange: median(diffs),
    dz: sd > 0 ? m / sd : null,
    wilcoxon: wilcoxonSignedRank(diffs, "two-sided"),
  };
}

/** Cohen's d_z of paired differences. */
export function effectSizeDz(differences: readonly number[]): number | null {
  if (differences.length < 2) return null;
  const sd = sampleStandardDeviation([...differences]);
  return sd > 0 ? mean([...differences]) / sd : null;
}
