/**
 * The two chart kinds BENCHMARKS.md needs: lines over categories (latency vs N, with a p25–p75 whisker per point)
 * and grouped bars (ops/s per vendor, ours beside theirs).
 */
import { drawFrame, PALETTE, wrapSvg } from "./svgFrame";

export interface Point {
  /** A value of nothing measured is skipped (the line breaks there). */
  value: number;
  low?: number;
  high?: number;
}

export interface Series {
  name: string;
  /** One per category, in category order. */
  points: Point[];
}

export interface ChartSpec {
  title: string;
  xLabel: string;
  yLabel: string;
  categories: string[];
  series: Series[];
}

function yMaxOf(series: Series[]): number {
  const values = series.flatMap((s) => s.points.flatMap((p) => [p.value, p.high ?? p.value])).filter(Number.isFinite);
  return values.length ? Math.max(...values) : 1;
}

function whisker(x: number, low: number, high: number, y: (v: number) => number, colour: string): string {
  const [a, b] = [y(low).toFixed(1), y(high).toFixed(1)];
  return `<path d="M${x - 4} ${a}H${x + 4}M${x} ${a}V${b}M${x - 4} ${b}H${x + 4}" stroke="${colour}" fill="none"/>`;
}

export function lineChart(spec: ChartSpec): string {
  const frame = drawFrame({ ...spec, yMax: yMaxOf(spec.series), legend: spec.series.map((s) => s.name) });
  const parts = frame.svgParts;
  spec.series.forEach((s, si) => {
    const colour = PALETTE[si % PALETTE.length];
    // Runs of measured points; a point not measured breaks the line.
    const runs: string[][] = [[]];
    s.points.forEach((p, i) => {
      if (!Number.isFinite(p.value)) {
        runs.push([]);
        return;
      }
      const { left, width } = frame.band(i);
      // Series side by side within a category, so equal values do not hide each other's whiskers.
      const x = left + width / 2 + (si - (spec.series.length - 1) / 2) * 7;
      const y = frame.y(p.value);
      runs[runs.length - 1].push(`${x.toFixed(1)} ${y.toFixed(1)}`);
      if (Number.isFinite(p.low) && Number.isFinite(p.high)) parts.push(whisker(x, p.low!, p.high!, frame.y, colour));
      parts.push(`<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="3.5" fill="${colour}"/>`);
    });
    const d = runs.filter((r) => r.length > 1).map((r) => `M${r.join("L")}`).join("");
    if (d) parts.push(`<path d="${d}" stroke="${colour}" stroke-width="2" fill="none"/>`);
  });
  return wrapSvg(parts);
}

export function barChart(spec: ChartSpec): string {
  const frame = drawFrame({ ...spec, yMax: yMaxOf(spec.series), legend: spec.series.map((s) => s.name) });
  const parts = frame.svgParts;
  const count = Math.max(1, spec.series.length);
  spec.categories.forEach((_, ci) => {
    const { left, width } = frame.band(ci);
    const barW = (width * 0.8) / count;
    spec.series.forEach((s, si) => {
      const p = s.points[ci];
      if (!p || !Number.isFinite(p.value)) return;
      const colour = PALETTE[si % PALETTE.length];
      const x = left + width * 0.1 + si * barW;
      const top = frame.y(p.value);
      parts.push(`<rect x="${x.toFixed(1)}" y="${top.toFixed(1)}" width="${(barW - 2).toFixed(1)}" height="${(frame.plotBottom - top).toFixed(1)}" fill="${colour}"/>`);
      if (Number.isFinite(p.low) && Number.isFinite(p.high)) parts.push(whisker(x + (barW - 2) / 2, p.low!, p.high!, frame.y, "#333"));
    });
  });
  return wrapSvg(parts);
}
