import type { CloudState } from "../handleCloudRequest";
import type { SeedBucket } from "../seed";
import type { StoredInventory } from "../store";
import { dialectFor } from "../vendors/dialects";
import { listAt, textAt } from "../vendors/inventorySchema";
import { INCREMENTAL_PERIOD_MS } from "./inventorySchedule";
import { writeOssIncrementalReport } from "./ossIncrementalReport";
import type { RunResult } from "./runStoredInventory";

/** Whether a stored configuration asks for OSS incremental inventory (it runs even when the full one is disabled: seed 004). */
export function incrementalEnabled(source: SeedBucket, stored: StoredInventory): boolean {
  return source.vendor === "oss" && textAt(stored.config, "IncrementalInventory", "IsEnabled")?.toLowerCase() === "true";
}

/**
 * Writes one folder per 600-second period in (fromMs, toMs] that saw changes, periods counted from `baseMs` (when
 * the configuration was put); periods without changes write nothing. A destination that refuses the source gets
 * nothing either.
 */
export function runIncrementalInventory(
  state: CloudState,
  source: SeedBucket,
  stored: StoredInventory,
  baseMs: number,
  fromMs: number,
  toMs: number,
): RunResult[] {
  const { store } = state;
  const spec = dialectFor("oss").inventory.runSpec(stored.config);
  const dest = store.bucket("oss", spec.destinationBucket);
  const lastEnd = baseMs + Math.floor((toMs - baseMs) / INCREMENTAL_PERIOD_MS) * INCREMENTAL_PERIOD_MS;
  if (lastEnd <= fromMs) return [];
  const events = store.objects.events.between("oss", source.name, fromMs, lastEnd);
  const byPeriod = new Map<number, typeof events>();
  for (const e of events) {
    const end = baseMs + Math.ceil((Date.parse(e.time) - baseMs) / INCREMENTAL_PERIOD_MS) * INCREMENTAL_PERIOD_MS;
    byPeriod.set(end, [...(byPeriod.get(end) ?? []), e]);
  }
  const runs: RunResult[] = [];
  for (const [end, periodEvents] of [...byPeriod.entries()].sort((a, b) => a[0] - b[0])) {
    const start = new Date(end - INCREMENTAL_PERIOD_MS);
    const base = { vendor: "oss" as const, sourceBucket: source.name, inventoryId: stored.id, destinationBucket: spec.destinationBucket, time: start.toISOString() };
    if (!dest || (dest.inventoryGrants !== undefined && !dest.inventoryGrants.includes(source.name))) {
      runs.push({ ...base, keys: [], rowCount: 0, skippedReason: `incremental inventory: destination bucket ${spec.destinationBucket} refuses source bucket ${source.name}` });
      continue;
    }
    const report = writeOssIncrementalReport({
      sourceBucket: source.name, destinationBucket: dest.name, destinationPrefix: spec.config.destinationPrefix, id: stored.id,
      fields: listAt(stored.config, "IncrementalInventory", "OptionalFields", "Field"), events: periodEvents, periodStart: start,
      newUuid: state.newUuid,
    });
    for (const file of report.files) store.objects.putObject("oss", dest.name, file.key, file.body, { contentType: file.contentType, at: new Date(end) });
    runs.push({ ...base, keys: report.files.map((f) => f.key), manifestKey: report.manifestKey, rowCount: report.rowCount });
  }
  if (runs.length > 0) store.persist();
  return runs;
}
