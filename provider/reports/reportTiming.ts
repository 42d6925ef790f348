import type { Frequency, Vendor } from "../model/inventoryConfig";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long after a configuration is put its first report may take, per the vendors' documents:
 * - OSS "starts the inventory within 30 minutes" (When do inventories take effect?);
 * - OBS "generated within one hour after it is configured" (PUT Bucket inventory, Frequency), and its manifest
 *   "one or two hours after all inventory files are generated" (obs_03_0083): 3 hours in all;
 * - S3 "may take up to 48 hours to deliver the first report" (Configuring Amazon S3 Inventory);
 * - COS documents none: 48 hours, as S3.
 */
export const FIRST_REPORT_WINDOW_MS: Readonly<Record<Vendor, number>> = {
  oss: 30 * MINUTE,
  cos: 48 * HOUR,
  obs: 3 * HOUR,
  s3: 48 * HOUR,
};

export const PERIOD_MS: Readonly<Record<Frequency, number>> = { Daily: DAY, Weekly: 7 * DAY };

/** Default slack on every deadline: report generation takes time on a large bucket. */
export const DEFAULT_GRACE_MS = 6 * HOUR;

/** The newest report may be this old before it counts as stale: one period plus the grace. */
export function freshFor(frequency: Frequency, graceMs: number): number {
  return PERIOD_MS[frequency] + graceMs;
}

/** "6h", "90m", "2d", "1w", "1h30m", "45s" → milliseconds; undefined when unreadable. */
export function parseDurationMs(text: string): number | undefined {
  const units: Record<string, number> = { s: 1000, m: MINUTE, h: HOUR, d: DAY, w: 7 * DAY };
  const trimmed = text.trim();
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)([smhdw])/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join("") !== trimmed) return undefined;
  return parts.reduce((sum, [, n, unit]) => sum + Number(n) * units[unit], 0);
}

/** 93784000 → "1d 2h 3m". */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? "-" : "";
  let rest = Math.abs(Math.round(ms / MINUTE));
  const days = Math.floor(rest / (24 * 60));
  rest -= days * 24 * 60;
  const hours = Math.floor(rest / 60);
  const minutes = rest - hours * 60;
  const parts = [days ? `${days}d` : "", hours ? `${hours}h` : "", minutes || (!days && !hours) ? `${minutes}m` : ""];
  return sign + parts.filter(Boolean).join(" ");
}
