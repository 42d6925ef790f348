/**
 * Summary statistics for benchmark samples: medians and spread, never means alone (a few slow samples from a
 * garbage collection or a scheduler hiccup would move a mean; they barely move a median).
 */

export interface Summary {
  n: number;
  min: number;
  p25: number;
  median: number;
  p75: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

/** Percentile by linear interpolation between closest ranks, on an ascending array; p in [0, 100]. */
export function percentileOfSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  if (p <= 0) return sorted[0];
  if (p >= 100) return sorted[sorted.length - 1];
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

export function percentile(values: readonly number[], p: number): number {
  return percentileOfSorted([...values].sort((a, b) => a - b), p);
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** All of Summary at once; NaN everywhere for no samples (shown as "–" by the formatters). */
export function summarize(values: readonly number[]): Summary {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const at = (p: number) => percentileOfSorted(sorted, p);
  const mean = sorted.length === 0 ? Number.NaN : sorted.reduce((s, v) => s + v, 0) / sorted.length;
  return {
    n: sorted.length,
    min: sorted.length ? sorted[0] : Number.NaN,
    p25: at(25),
    median: at(50),
    p75: at(75),
    p90: at(90),
    p99: at(99),
    max: sorted.length ? sorted[sorted.length - 1] : Number.NaN,
    mean,
  };
}

/**
 * The ratio of two medians with a spread taken from pairing runs that ran next to each other (A/B alternation):
 * the median of per-pair ratios and its p25–p75. Pairs are (a[i], b[i]); extra samples on one side are ignored.
 */
export function pairedRatio(a: readonly number[], b: readonly number[]): { median: number; p25: number; p75: number; pairs: number } {
  const ratios: number[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (b[i] > 0) ratios.push(a[i] / b[i]);
  const s = summarize(ratios);
  return { median: s.median, p25: s.p25, p75: s.p75, pairs: s.n };
}

/** Nanoseconds from process.hrtime.bigint() differences to milliseconds. */
export function nsToMs(ns: bigint): number {
  return Number(ns) / 1e6;
}
