import { describe, expect, it } from "vitest";
import { fisherExact, logGamma } from "../../src/server/modules/trainings/network/fisher.ts";

// Reference values of R's fisher.test(matrix(c(a, c, b, d), 2)) and its one-sided alternatives,
// checked against exact hypergeometric sums (math.comb).
describe("Fisher's exact test", () => {
  it("gives ln Γ exactly enough for factorials", () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 10);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(logGamma(171)).toBeCloseTo(706.5730622457874, 8);
  });

  it("matches the lady tasting tea (Fisher 1935): [[3, 1], [1, 3]]", () => {
    const r = fisherExact(3, 1, 1, 3);
    expect(r.pGreater).toBeCloseTo(0.2428571, 6); // 17/70
    expect(r.pTwoSided).toBeCloseTo(0.4857143, 6); // 34/70
    expect(r.pLess).toBeCloseTo(0.9857143, 6); // 69/70
    expect(r.oddsRatio).toBe(9);
  });

  it("matches the textbook table [[1, 9], [11, 3]]", () => {
    const r = fisherExact(1, 9, 11, 3);
    // Wikipedia's 0.001346 is the observed table alone; with the more extreme one: 0.0013797.
    expect(r.pLess).toBeCloseTo(0.0013797, 6);
    expect(r.pTwoSided).toBeCloseTo(0.002759, 6);
    expect(r.pGreater).toBeCloseTo(0.9999663, 6);
  });

  it("matches R's Job satisfaction-sized table [[10, 2], [3, 15]]", () => {
    // fisher.test(matrix(c(10, 3, 2, 15), 2)): p-value = 0.0005367
    const r = fisherExact(10, 2, 3, 15);
    expect(r.pTwoSided).toBeCloseTo(0.0005367, 6);
    expect(r.pGreater).toBeCloseTo(0.0004652, 6);
  });

  it("stays exact on large margins (a rare event among many pairs)", () => {
    // 20 of 40 participant pairs new vs 500 of 20000 comparison pairs: P(X ≥ 20) is tiny.
    const r = fisherExact(20, 20, 500, 19500);
    expect(r.pGreater).toBeGreaterThan(0);
    expect(r.pGreater).toBeLessThan(1e-15);
    // The same rate on both sides is no evidence at all.
    const same = fisherExact(1, 39, 500, 19500);
    expect(same.pGreater).toBeGreaterThan(0.5);
  });

  it("handles empty and degenerate tables", () => {
    expect(fisherExact(0, 0, 0, 0)).toMatchObject({ pGreater: 1, pTwoSided: 1, oddsRatio: null });
    expect(fisherExact(0, 5, 0, 7).pTwoSided).toBe(1);
    expect(() => fisherExact(-1, 1, 1, 1)).toThrow(RangeError);
  });
});
