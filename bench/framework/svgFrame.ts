/**
 * What every chart shares: the canvas, a y axis from zero with round tick values, category labels along x, a
 * title, axis labels and a legend. Plain SVG 1.1 text, no scripts or external references, so it renders the same
 * on GitHub, in a browser and in an editor preview.
 */

export const WIDTH = 760;
export const HEIGHT = 420;
export const PLOT = { left: 78, right: 180, top: 48, bottom: 64 };
/** Okabe–Ito: distinguishable with the common colour-vision deficiencies. */
export const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"];

export interface FrameSpec {
  title: string;
  xLabel: string;
  yLabel: string;
  categories: string[];
  /** Largest value to show; the axis is rounded up from it. */
  yMax: number;
  legend: string[];
}

export interface Frame {
  svgParts: string[];
  /** y value → pixel. */
  y(value: number): number;
  /** Left and width of category i's band. */
  band(i: number): { left: number; width: number };
  plotBottom: number;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Round tick values from 0 to at least `max`: steps of 1, 2 or 5 × 10^k. */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let v = 0; v < max + step * 0.999; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

function tickLabel(value: number): string {
  if (value === 0) return "0";
  if (Math.abs(value) >= 10000) return `${Number((value / 1000).toPrecision(4))}k`;
  return String(Number(value.toPrecision(4)));
}

export function drawFrame(spec: FrameSpec): Frame {
  const ticks = niceTicks(spec.yMax);
  const top = ticks[ticks.length - 1];
  const plotW = WIDTH - PLOT.left - PLOT.right;
  const plotH = HEIGHT - PLOT.top - PLOT.bottom;
  const plotBottom = PLOT.top + plotH;
  const y = (v: number) => plotBottom - (Math.max(0, Math.min(v, top)) / top) * plotH;
  const bandW = plotW / Math.max(1, spec.categories.length);
  const band = (i: number) => ({ left: PLOT.left + i * bandW, width: bandW });
  const parts: string[] = [
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${WIDTH / 2}" y="26" text-anchor="middle" font-size="16" font-weight="bold">${escapeXml(spec.title)}</text>`,
  ];
  for (const t of ticks) {
    const py = y(t).toFixed(1);
    parts.push(`<line x1="${PLOT.left}" y1="${py}" x2="${PLOT.left + plotW}" y2="${py}" stroke="#e3e3e3"/>`);
    parts.push(`<text x="${PLOT.left - 8}" y="${py}" text-anchor="end" dominant-baseline="middle" font-size="12">${tickLabel(t)}</text>`);
  }
  parts.push(`<line x1="${PLOT.left}" y1="${PLOT.top}" x2="${PLOT.left}" y2="${plotBottom}" stroke="#333"/>`);
  parts.push(`<line x1="${PLOT.left}" y1="${plotBottom}" x2="${PLOT.left + plotW}" y2="${plotBottom}" stroke="#333"/>`);
  spec.categories.forEach((c, i) => {
    const { left, width } = band(i);
    parts.push(`<text x="${(left + width / 2).toFixed(1)}" y="${plotBottom + 20}" text-anchor="middle" font-size="12">${escapeXml(c)}</text>`);
  });
  parts.push(`<text x="${PLOT.left + plotW / 2}" y="${HEIGHT - 16}" text-anchor="middle" font-size="13">${escapeXml(spec.xLabel)}</text>`);
  const midY = PLOT.top + plotH / 2;
  parts.push(`<text x="20" y="${midY}" text-anchor="middle" font-size="13" transform="rotate(-90 20 ${midY})">${escapeXml(spec.yLabel)}</text>`);
  spec.legend.forEach((name, i) => {
    const ly = PLOT.top + 10 + i * 22;
    const lx = WIDTH - PLOT.right + 20;
    parts.push(`<rect x="${lx}" y="${ly - 6}" width="14" height="12" fill="${PALETTE[i % PALETTE.length]}"/>`);
    parts.push(`<text x="${lx + 20}" y="${ly}" dominant-baseline="middle" font-size="12">${escapeXml(name)}</text>`);
  });
  return { svgParts: parts, y, band, plotBottom };
}

export function wrapSvg(parts: string[]): string {
  const head = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="Helvetica, Arial, sans-serif">`;
  return [head, ...parts, "</svg>", ""].join("\n");
}
