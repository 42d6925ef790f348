/** How numbers appear in BENCHMARKS.md: few significant digits, units spelled out, "–" for nothing measured. */
import type { Summary } from "./stats";

export const NONE = "–";

/** 3 significant digits, no exponent for the ranges a benchmark sees. */
export function sig(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return NONE;
  if (value === 0) return "0";
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const decimals = Math.max(0, digits - 1 - magnitude);
  return value.toFixed(Math.min(decimals, 6));
}

export function ms(value: number): string {
  if (!Number.isFinite(value)) return NONE;
  return value >= 1000 ? `${sig(value / 1000)} s` : `${sig(value)} ms`;
}

export function bytes(value: number): string {
  if (!Number.isFinite(value)) return NONE;
  if (value < 1024) return `${Math.round(value)} B`;
  if (value < 1024 * 1024) return `${sig(value / 1024)} KiB`;
  return `${sig(value / (1024 * 1024))} MiB`;
}

export function rate(opsPerSecond: number): string {
  return Number.isFinite(opsPerSecond) ? `${sig(opsPerSecond)} ops/s` : NONE;
}

export function ratio(value: number): string {
  return Number.isFinite(value) ? `${sig(value)}×` : NONE;
}

/** "12.3 ms (11.9 ms–13.0 ms, n=40)": a median with its p25–p75 spread and sample count, in one cell. */
export function msSpread(s: Summary): string {
  if (s.n === 0) return NONE;
  if (s.n === 1) return ms(s.median);
  return `${ms(s.median)} (${ms(s.p25)}–${ms(s.p75)}, n=${s.n})`;
}

/** The same for a throughput sample set. */
export function rateSpread(s: Summary): string {
  if (s.n === 0) return NONE;
  if (s.n === 1) return rate(s.median);
  return `${rate(s.median)} (${sig(s.p25)}–${sig(s.p75)}, n=${s.n})`;
}

/** ✅ met / ❌ missed / "not measured", for target columns. */
export function verdict(met: boolean | undefined): string {
  if (met === undefined) return "not measured";
  return met ? "✅ met" : "❌ **missed**";
}
