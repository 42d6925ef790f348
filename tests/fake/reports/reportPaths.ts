/** Joins key parts with "/", dropping empty parts and the slashes a destination prefix may end with. */
export function joinKey(...parts: (string | undefined)[]): string {
  return parts
    .map((part) => (part ?? "").replace(/\/+$/, ""))
    .filter((part) => part !== "")
    .join("/");
}

const pad = (n: number): string => String(n).padStart(2, "0");

/** The scan-start folder of OSS, OBS and S3 reports, in UTC: `YYYY-MM-DDTHH-MMZ` (e.g. 2020-05-17T16-00Z). */
export function scanMinuteFolder(now: Date): string {
  return `${scanDay(now, "-")}T${pad(now.getUTCHours())}-${pad(now.getUTCMinutes())}Z`;
}

/** The scan-start folder of COS reports, in UTC: `YYYYMMDD`. */
export function scanDayFolder(now: Date): string {
  return scanDay(now, "");
}

/** S3's Hive partition folder: `hive/dt=YYYY-MM-DD-HH-MM`. */
export function hiveFolder(now: Date): string {
  return `hive/dt=${scanDay(now, "-")}-${pad(now.getUTCHours())}-${pad(now.getUTCMinutes())}`;
}

function scanDay(now: Date, separator: string): string {
  return [String(now.getUTCFullYear()), pad(now.getUTCMonth() + 1), pad(now.getUTCDate())].join(separator);
}
