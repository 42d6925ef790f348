import { median, pairedRatio, percentile, summarize } from "../framework/stats";

describe("benchmark statistics", () => {
  test("percentiles interpolate between closest ranks", () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([10, 20, 30, 40, 50], 25)).toBe(20);
    expect(percentile([5], 99)).toBe(5);
    expect(percentile([3, 1, 2], 0)).toBe(1);
    expect(percentile([3, 1, 2], 100)).toBe(3);
  });

  test("a median ignores one wild sample that moves the mean", () => {
    const s = summarize([10, 11, 12, 13, 1000]);
    expect(s.median).toBe(12);
    expect(s.mean).toBeGreaterThan(200);
    expect(s).toMatchObject({ n: 5, min: 10, max: 1000, p25: 11, p75: 13 });
  });

  test("no samples give NaN, not zero", () => {
    const s = summarize([]);
    expect(s.n).toBe(0);
    expect(Number.isNaN(s.median)).toBe(true);
    expect(Number.isNaN(median([Number.NaN]))).toBe(true);
  });

  test("paired ratios pair run i of A with run i of B", () => {
    const r = pairedRatio([200, 300, 400], [100, 100, 100, 999]);
    expect(r).toEqual({ median: 3, p25: 2.5, p75: 3.5, pairs: 3 });
  });
});
