import type { CloudState } from "../handleCloudRequest";
import type { SeedBucket, Vendor } from "../seed";
import type { StoredInventory } from "../store";
import { dialectFor } from "../vendors/dialects";
import { textAt } from "../vendors/inventorySchema";
import { writeInventoryReport } from "./writeInventoryReport";

export interface RunResult {
  vendor: Vendor;
  sourceBucket: string;
  inventoryId: string;
  destinationBucket: string;
  /** The scan start (world time), ISO 8601. */
  time: string;
  /** Keys written into the destination bucket, data files first. */
  keys: string[];
  manifestKey?: string;
  /** Why nothing was written (disabled, destination refuses, nothing to list). */
  skippedReason?: string;
  rowCount: number;
}

/** Rows per data file when a bucket holds generated objects (millions of rows): a few dozen files, each ~10 MB of text. */
export const LARGE_ROWS_PER_FILE = 100_000;

export interface RunOptions {
  maxRowsPerFile?: number;
}

/**
 * One run of a stored configuration at `at`, as the vendor's service would carry it out: nothing for a disabled
 * configuration (seeds 000, 002), nothing into a destination that does not grant the source the right to write
 * (the seed's inventoryGrants: a missing bucket policy or role), else the report in the vendor's layout.
 */
export function runStoredInventory(
  state: CloudState,
  source: SeedBucket,
  stored: StoredInventory,
  at: Date,
  options: RunOptions = {},
): RunResult {
  const { store } = state;
  const vendor = source.vendor;
  const spec = dialectFor(vendor).inventory.runSpec(stored.config);
  const base = { vendor, sourceBucket: source.name, inventoryId: stored.id, destinationBucket: spec.destinationBucket, time: at.toISOString() };
  const skipped = (skippedReason: string): RunResult => ({ ...base, keys: [], skippedReason, rowCount: 0 });
  if (textAt(stored.config, "IsEnabled")?.toLowerCase() !== "true") {
    return skipped(`${vendor} inventory ${stored.id} on ${source.name} is disabled (IsEnabled false): no report is generated`);
  }
  const dest = store.bucket(vendor, spec.destinationBucket);
  if (!dest) return skipped(`destination bucket ${spec.destinationBucket} does not exist`);
  if (dest.inventoryGrants !== undefined && !dest.inventoryGrants.includes(source.name)) {
    return skipped(`destination bucket ${dest.name} does not let source bucket ${source.name} write inventory reports (seed inventoryGrants)`);
  }
  const appIdOf = (accountId: string) => store.account(vendor, accountId)?.appId;
  const sourceAppId = vendor === "cos" ? appIdOf(source.accountId) : undefined;
  const destinationAppId = vendor === "cos" ? appIdOf(dest.accountId) : undefined;
  const report = writeInventoryReport({
    vendor,
    sourceBucket: source.name,
    sourceAppId,
    destinationBucket: destinationAppId ? dest.name.slice(0, -(destinationAppId.length + 1)) : dest.name,
    destinationAppId,
    config: spec.config,
    sourceVersioned: store.objects.getVersioning(vendor, source.name) !== "Off",
    objects: store.objects.scanRecords(vendor, source.name),
    now: at,
    newUuid: state.newUuid,
    maxRowsPerFile: options.maxRowsPerFile ?? (store.objects.generatedSets(vendor, source.name).length > 0 ? LARGE_ROWS_PER_FILE : undefined),
  });
  for (const file of report.files) {
    store.objects.putObject(vendor, dest.name, file.key, file.body, { contentType: file.contentType, at });
  }
  if (report.files.length > 0) store.persist();
  return {
    ...base, destinationBucket: dest.name, keys: report.files.map((f) => f.key), manifestKey: report.manifestKey,
    skippedReason: report.skippedReason, rowCount: report.rowCount,
  };
}
