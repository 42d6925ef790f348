import { createHash } from "node:crypto";
import type { InventoryClient } from "../client/inventoryClient";
import type { ObjectReader } from "../client/objectReader";
import { reportLayoutFor } from "../dialects/reportLayoutFor";
import type { BucketRef, InventoryConfig } from "../model/inventoryConfig";
import { likelyCauses } from "./likelyCauses";
import { hasObjectsUnder, locateReports, type ScanFolder } from "./locateReports";
import { ManifestError, type ManifestView, type ReportLayout } from "./reportLayout";
import type { ReportCheck, ReportTarget, VerifiedReport } from "./reportCheck";
import { FIRST_REPORT_WINDOW_MS, formatDuration, freshFor } from "./reportTiming";
import { verifyDataFile, type DataFileHooks } from "./verifyDataFile";

export interface CheckReportOptions {
  graceMs: number;
  /** Judge freshness by this time instead of the service's clock. */
  now?: Date;
  /** Called as data files are read (progress, --rows, --out). */
  hooks?: DataFileHooks & { onReportStart?(totalBytes: number, files: number, columns: string[]): void | Promise<void> };
}

export interface ReportReaders {
  inventories: InventoryClient;
  objects: ObjectReader;
}

/**
 * Finds a configuration's newest report in its destination, following the vendor's documented layout, and
 * verifies it: the manifest parses; manifest.checksum matches it; every data file exists with the size and MD5
 * the manifest states; every row parses with the manifest's fileSchema; row counts match where given. Then judges
 * freshness against the schedule plus the grace. Errors the check itself meets propagate (the caller makes them
 * status "error").
 */
export async function checkReport(readers: ReportReaders, target: ReportTarget, options: CheckReportOptions): Promise<ReportCheck> {
  const source: BucketRef = { vendor: target.vendor, region: target.region, bucket: target.bucket, endpoint: target.endpoint };
  const base = { target, problems: [] as string[], causes: [] as string[] };
  const config = await readers.inventories.getInventory(source, target.inventoryId);
  if (!config) {
    const summary = `no inventory configuration "${target.inventoryId}" on ${target.vendor} bucket ${target.bucket}`;
    return { ...base, status: "not-found", summary, checkedAt: (options.now ?? new Date()).toISOString() };
  }
  const layout = reportLayoutFor(target.vendor);
  const root = layout.reportRoot({ bucket: target.bucket }, config);
  const destination: BucketRef = { ...source, bucket: config.destination.bucket };
  const located = await locateReports(readers.objects, destination, root, layout);
  const now = options.now ?? located.serverDate ?? new Date();
  const known = {
    ...base, checkedAt: now.toISOString(), destination: { bucket: destination.bucket, root },
    frequency: config.schedule.frequency, enabled: config.enabled,
  };
  const found = await newestWithManifest(readers.objects, destination, located.folders, known.problems);
  if (!found) return noReport(readers, source, config, target, now, options.graceMs, known);
  const report = await verifyReport(readers.objects, destination, layout, found, now, known.problems, options.hooks);
  if (!report) return { ...known, status: "corrupt", summary: `the newest report (${found.folder.prefix}) is corrupt: ${known.problems[0]}` };
  if (known.problems.some((p) => !p.startsWith("note:"))) {
    const first = known.problems.find((p) => !p.startsWith("note:"));
    return { ...known, report, status: "corrupt", summary: `the newest report (${report.createdAt}) fails verification: ${first}` };
  }
  const limit = freshFor(config.schedule.frequency, options.graceMs);
  if (report.ageMs > limit) {
    const causes = likelyCauses(target.vendor, config);
    const summary = `the newest report is ${formatDuration(report.ageMs)} old; a ${config.schedule.frequency} inventory should have a newer one (limit ${formatDuration(limit)})`;
    return { ...known, report, status: "stale", summary, causes };
  }
  const summary = `${report.rows} rows in ${report.files.length} file(s), ${formatDuration(report.ageMs)} old, verified`;
  return { ...known, report, status: "healthy", summary };
}

/** The newest scan folder whose manifest.json exists; a newer folder without one is noted (generation in progress). */
async function newestWithManifest(reader: ObjectReader, destination: BucketRef, folders: ScanFolder[], problems: string[]) {
  for (const folder of folders.slice(0, 5)) {
    const manifestKey = `${folder.prefix}manifest.json`;
    const text = await reader.getObjectText(destination, manifestKey);
    if (text !== undefined) return { folder, manifestKey, text };
    problems.push(`note: ${folder.prefix} has no manifest.json (yet): an older report was checked`);
  }
  return undefined;
}

async function verifyReport(
  reader: ObjectReader,
  destination: BucketRef,
  layout: ReportLayout,
  found: { folder: ScanFolder; manifestKey: string; text: string },
  now: Date,
  problems: string[],
  hooks: CheckReportOptions["hooks"] = {},
): Promise<VerifiedReport | undefined> {
  if (layout.checksumFile) {
    const checksum = await reader.getObjectText(destination, `${found.folder.prefix}manifest.checksum`);
    const md5 = createHash("md5").update(found.text, "utf8").digest("hex");
    if (checksum === undefined) problems.push("manifest.checksum is missing");
    else if (checksum.trim().toLowerCase() !== md5) problems.push(`manifest.checksum says ${checksum.trim()}, manifest.json's MD5 is ${md5}`);
  }
  let manifest: ManifestView;
  try {
    manifest = layout.parseManifest(found.text);
  } catch (error) {
    if (!(error instanceof ManifestError)) throw error;
    problems.push(`manifest.json: ${error.message}`);
    return undefined;
  }
  if (manifest.fileFormat.toUpperCase() !== "CSV") {
    throw new Error(`the report is ${manifest.fileFormat}: only CSV reports are verified`);
  }
  const createdAt = manifest.createdAt ?? found.folder.time;
  const files = [];
  await hooks.onReportStart?.(manifest.files.reduce((sum, f) => sum + (f.size ?? 0), 0), manifest.files.length, manifest.columns);
  for (const expected of manifest.files) {
    const opened = await reader.openObject(destination, expected.key);
    if (!opened) {
      problems.push(`data file ${expected.key} is missing`);
      continue;
    }
    const result = await verifyDataFile(opened.body, expected, manifest.columns, layout.gzipped, hooks);
    problems.push(...result.problems.map((p) => `data file ${expected.key}: ${p}`));
    files.push(result);
  }
  const rows = files.reduce((sum, f) => sum + f.rows, 0);
  if (manifest.totalRows !== undefined && files.length === manifest.files.length && manifest.totalRows !== rows) {
    problems.push(`${rows} rows in all, the manifest says ${manifest.totalRows}`);
  }
  return {
    folder: found.folder.prefix, manifestKey: found.manifestKey, createdAt: createdAt.toISOString(),
    ageMs: now.getTime() - createdAt.getTime(), columns: manifest.columns, files, rows,
    bytes: files.reduce((sum, f) => sum + f.bytes, 0),
  };
}

async function noReport(
  readers: ReportReaders,
  source: BucketRef,
  config: InventoryConfig,
  target: ReportTarget,
  now: Date,
  graceMs: number,
  known: Omit<ReportCheck, "status" | "summary">,
): Promise<ReportCheck> {
  const windowMs = FIRST_REPORT_WINDOW_MS[target.vendor] + graceMs;
  const since = target.configuredAt ? now.getTime() - target.configuredAt.getTime() : undefined;
  if (since !== undefined && since < windowMs && config.enabled) {
    const summary = `no report yet; ${target.vendor} delivers the first within ${formatDuration(FIRST_REPORT_WINDOW_MS[target.vendor])} (configured ${formatDuration(since)} ago)`;
    return { ...known, status: "pending", summary };
  }
  const sourceHasObjects = await hasObjectsUnder(readers.objects, source, config.filter?.prefix);
  const causes = likelyCauses(target.vendor, config, { sourceHasObjects });
  const when = since === undefined
    ? "and when the configuration was put is unknown (give --configured-at, or check a stack export)"
    : `${formatDuration(since)} after it was configured (first-report window ${formatDuration(FIRST_REPORT_WINDOW_MS[target.vendor])} + grace ${formatDuration(graceMs)})`;
  return { ...known, status: "missing", summary: `no report under ${known.destination?.root} in bucket ${known.destination?.bucket}, ${when}`, causes };
}
