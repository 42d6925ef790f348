/** The two clock spellings the schemes use, both always in UTC. */

/** RFC 1123 (the HTTP `Date` form): `Wed, 28 Dec 2022 10:27:41 GMT`. */
export function rfc1123Date(now: Date): string {
  return now.toUTCString();
}

/** ISO 8601 basic, second precision: `20231216T162057Z` (x-oss-date for V4, x-amz-date). */
export function iso8601BasicDate(now: Date): string {
  return now.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
}
