/**
 * Fisher's exact test on a 2×2 table, written out because it is small and its numbers must be
 * checkable (tests/unit/trainings-network-fisher.test.ts locks it to published values).
 *
 *                 new link   no new link
 *   participants     a            b
 *   comparison       c            d
 *
 * With the margins fixed, `a` follows the hypergeometric distribution. The one-sided p-value
 * (`greater`) is P(X ≥ a): how likely at least this many new links among the participants' pairs
 * would be if the training made no difference. The two-sided p-value sums every table no more
 * likely than the observed one (as R's fisher.test does, with the same relative tolerance).
 * Probabilities come from log-gamma, so tables with hundreds of thousands of pairs stay exact to
 * floating-point precision without big factorials.
 */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7; relative error about 1e-15). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0] as number;
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] as number) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

const logChoose = (n: number, k: number) => logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);

export type FisherResult = {
  /** P(X ≥ a): more new links among the participants than chance would give. */
  pGreater: number;
  /** P(X ≤ a). */
  pLess: number;
  pTwoSided: number;
  /** The sample odds ratio ad/bc (null when undefined: 0/0). */
  oddsRatio: number | null;
};

/** Fisher's exact test for [[a, b], [c, d]] (non-negative whole numbers). */
export function fisherExact(a: number, b: number, c: number, d: number): FisherResult {
  for (const v of [a, b, c, d]) {
    if (!Number.isInteger(v) || v < 0) throw new RangeError("fisherExact needs non-negative whole numbers");
  }
  const row1 = a + b;
  const col1 = a + c;
  const n = a + b + c + d;
  const lo = Math.max(0, col1 - (n - row1));
  const hi = Math.min(row1, col1);
  const denominator = logChoose(n, col1);
  const logP = (x: number) => logChoose(row1, x) + logChoose(n - row1, col1 - x) - denominator;
  const observed = logP(a);
  let greater = 0;
  let less = 0;
  let two = 0;
  // Relative tolerance as in R: tables within 1e-7 of the observed probability count as "as extreme".
  const cutoff = observed + Math.log1p(1e-7);
  for (let x = lo; x <= hi; x++) {
    const lp = logP(x);
    const p = Math.exp(lp);
    if (x >= a) greater += p;
    if (x <= a) less += p;
    if (lp <= cutoff) two += p;
  }
  const clamp = (p: number) => Math.min(1, Math.max(0, p));
  const oddsRatio = b * c === 0 ? (a * d === 0 ? null : Number.POSITIVE_INFINITY) : (a * d) / (b * c);
  return { pGreater: clamp(greater), pLess: clamp(less), pTwoSided: clamp(two), oddsRatio };
}
