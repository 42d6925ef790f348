import type { ObjectRecord } from "../objects/objectRecord";
import type { ReportConfig, ReportFilter } from "./reportTypes";

export interface ReportSelection {
  /** What the scan lists: every version (All) or the current objects (Current), by key. */
  listed: ObjectRecord[];
  /** What the filter keeps of those. */
  matched: ObjectRecord[];
}

/**
 * Chooses the rows of one inventory run. Current lists each key's latest version unless it is a delete marker;
 * All lists every version and marker. Rows sort by key in UTF-8 byte order; versions of a key keep their order
 * (the store gives them newest first).
 */
export function selectReportRecords(objects: readonly ObjectRecord[], config: ReportConfig): ReportSelection {
  const versions = config.includedObjectVersions === "All"
    ? [...objects]
    : objects.filter((r) => r.isLatest && !r.isDeleteMarker);
  const listed = versions.sort((a, b) => Buffer.compare(Buffer.from(a.key), Buffer.from(b.key)));
  const filter = config.filter ?? {};
  return { listed, matched: listed.filter((r) => matchesFilter(r, filter)) };
}

/**
 * The prefix and the modification-time bounds apply to every row. Size and storage class apply to object
 * versions only: a delete marker has neither, so those bounds do not drop it.
 */
export function matchesFilter(record: ObjectRecord, filter: ReportFilter): boolean {
  if (filter.prefix !== undefined && !record.key.startsWith(filter.prefix)) return false;
  const seconds = Math.floor(Date.parse(record.lastModified) / 1000);
  if (filter.lastModifyBeginTimeStamp !== undefined && seconds < filter.lastModifyBeginTimeStamp) return false;
  if (filter.lastModifyEndTimeStamp !== undefined && seconds > filter.lastModifyEndTimeStamp) return false;
  if (record.isDeleteMarker) return true;
  if (filter.lowerSizeBound !== undefined && record.size < filter.lowerSizeBound) return false;
  if (filter.upperSizeBound !== undefined && record.size > filter.upperSizeBound) return false;
  const classes = filter.storageClasses;
  if (classes !== undefined && classes.length > 0 && !classes.includes("All")) {
    return classes.some((c) => c.toLowerCase() === record.storageClass.toLowerCase());
  }
  return true;
}

export interface Tally {
  count: number;
  bytes: number;
}

/**
 * The lazy form for large scans: walks records already in key order once, counting what the scan lists and what
 * the filter keeps (into `listed` and `matched`), and yields the kept ones.
 */
export function* scanReportRecords(
  records: Iterable<ObjectRecord>,
  config: ReportConfig,
  listed: Tally,
  matched: Tally,
): Generator<ObjectRecord> {
  const filter = config.filter ?? {};
  const all = config.includedObjectVersions === "All";
  for (const r of records) {
    if (!all && (!r.isLatest || r.isDeleteMarker)) continue;
    const bytes = r.isDeleteMarker ? 0 : r.size;
    listed.count += 1;
    listed.bytes += bytes;
    if (!matchesFilter(r, filter)) continue;
    matched.count += 1;
    matched.bytes += bytes;
    yield r;
  }
}
