import { describe, expect, it } from "vitest";
import {
  effectSizeDz,
  midRanks,
  pairedSummary,
  wilcoxonSignedRank,
} from "../../src/server/modules/trainings/evaluations/statistics.ts";

// The reference dataset of LIBRARY-NOTES 4.3 (R's wilcox.test example, Hollander & Wolfe), values
// verified with SciPy 1.17.1.
const x = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3];
const y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];
const diffs = x.map((v, i) => v - (y[i] ?? 0));

describe("Wilcoxon signed-rank test", () => {
  it("reproduces the reference: V = 40, exact one-sided p = 0.01953125", () => {
    const result = wilcoxonSignedRank(diffs, "greater");
    expect(result).toEqual({ v: 40, n: 9, p: 0.01953125, method: "exact" });
  });

  it("gives the two-sided and the other one-sided p of the same data", () => {
    expect(wilcoxonSignedRank(diffs, "two-sided")?.p).toBe(0.0390625);
    expect(wilcoxonSignedRank(diffs, "less")?.p).toBe(505 / 512); // R: 0.9863;
  });

  it("drops zero differences and ranks ties by their mean rank, staying exact", () => {
    expect(midRanks([1, 2, 2, 3])).toEqual([1, 2.5, 2.5, 4]);
    // Likert changes: zeros dropped (n = 5), |d| = 1,1,1,2,1 → ranks 2.5 ×4 and 5.
    const result = wilcoxonSignedRank([1, 0, 1, 1, 2, -1, 0], "greater");
    expect(result?.n).toBe(5);
    expect(result?.v).toBe(12.5);
    // Sign assignments with positive rank sum ≥ 12.5 of 32: all positive (15), and the four
    // with one 2.5 negative (12.5) → 5/32.
    expect(result?.p).toBe(5 / 32);
    expect(result?.method).toBe("exact");
  });

  it("returns nothing when every difference is zero", () => {
    expect(wilcoxonSignedRank([0, 0, 0])).toBeNull();
  });

  it("uses the normal approximation with tie correction above 50 differences", () => {
    const many = Array.from({ length: 60 }, (_, i) => (i % 4 === 0 ? -1 : i % 3 === 0 ? 2 : 1));
    const result = wilcoxonSignedRank(many, "two-sided");
    expect(result?.method).toBe("normal");
    expect(result?.n).toBe(60);
    expect(result?.p).toBeGreaterThan(0);
    expect(result?.p).toBeLessThan(0.001);
    // Exact and approximate agree closely just at the boundary.
    const fifty = Array.from({ length: 50 }, (_, i) => (i % 3 === 0 ? -(i + 1) : i + 1));
    const exact = wilcoxonSignedRank(fifty, "two-sided");
    const fiftyOne = wilcoxonSignedRank([...fifty, 0.5], "two-sided");
    expect(exact?.method).toBe("exact");
    expect(fiftyOne?.method).toBe("normal");
    expect(Math.abs((exact?.p ?? 0) - (fiftyOne?.p ?? 0))).toBeLessThan(0.05);
  });
});

describe("paired figures", () => {
  it("reproduce d_z = 1.0118 of the reference", () => {
    expect(effectSizeDz(diffs)).toBeCloseTo(1.0118, 4);
    const summary = pairedSummary(x.map((after, i) => ({ before: y[i] ?? 0, after })));
    expect(summary?.n).toBe(9);
    expect(summary?.dz).toBeCloseTo(1.0118, 4);
    expect(summary?.wilcoxon?.v).toBe(40);
    expect(summary?.medianChange).toBeCloseTo(0.49, 10);
  });

  it("have no effect size when everyone changed alike", () => {
    const summary = pairedSummary([
      { before: 2, after: 3 },
      { before: 3, after: 4 },
      { before: 1, after: 2 },
    ]);
    expect(summary?.meanChange).toBe(1);
    expect(summary?.dz).toBeNull();
    expect(summary?.wilcoxon?.p).toBe(0.25);
  });
});
