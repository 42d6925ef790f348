/**
 * One bucket's scan: list its live configurations (every page, one request per page), then sort each into in
 * sync, drifted, gone or unmanaged against the stack's resources on that bucket, and run the preview rules on every
 * live one. A bucket that cannot be scanned (no credentials, refused, unreachable) is reported as such with the
 * reason, and its managed configurations as unknown; a bucket that no longer exists takes them all with it.
 */
import { BucketInventoryError, NotFoundError } from "../../provider/errors";
import type { BucketRef, InventoryConfig } from "../../provider/model/inventoryConfig";
import { compareWithState } from "./compareWithState";
import type { BucketReport, ConfigurationReport, ConfigurationStatus } from "./driftReport";
import type { LiveRules } from "./liveRules";
import type { ManagedInventory } from "./readStackState";
import type { ScanClient } from "./scanClient";

export interface BucketTarget {
  ref: BucketRef;
  /** The stack's resources on this bucket (none for a bucket named only with --bucket). */
  managed: ManagedInventory[];
}

export interface ScanContext {
  client: ScanClient;
  rules: LiveRules;
  /** Throws (a ConfigError naming what to set) when the vendor has no usable credentials. */
  requireCredentials(target: BucketTarget): void;
}

export interface BucketScan {
  report: BucketReport;
  /** Live configurations no resource manages, for the declarations. */
  unmanaged: InventoryConfig[];
}

const resourceOf = (m: ManagedInventory) => ({ urn: m.urn, name: m.name });

function entry(inventoryId: string, status: ConfigurationStatus, managed?: ManagedInventory): ConfigurationReport {
  return { inventoryId, status, resource: managed ? resourceOf(managed) : null, changes: [], notCompared: managed?.encrypted ?? [], ruleFailures: [], warnings: [] };
}

function bucketReport(target: BucketTarget, rest: Pick<BucketReport, "status" | "error" | "configurations">): BucketReport {
  const { ref } = target;
  return { vendor: ref.vendor, region: ref.region, bucket: ref.bucket, endpoint: ref.endpoint ?? null, managed: target.managed.length > 0, ...rest };
}

const byId = (a: ConfigurationReport, b: ConfigurationReport) => a.inventoryId.localeCompare(b.inventoryId) || (a.resource?.urn ?? "").localeCompare(b.resource?.urn ?? "");

function failed(target: BucketTarget, error: unknown): BucketScan {
  const code = error instanceof BucketInventoryError ? error.code : "BI_ERR_UNEXPECTED";
  const message = error instanceof Error ? error.message : String(error);
  const configurations = target.managed.map((m) => entry(m.recorded.inventoryId, "unknown", m)).sort(byId);
  return { report: bucketReport(target, { status: "error", error: { code, message }, configurations }), unmanaged: [] };
}

async function classify(ctx: ScanContext, target: BucketTarget, live: InventoryConfig[]): Promise<BucketScan> {
  const liveById = new Map(live.map((c) => [c.id, c]));
  const managedIds = new Set(target.managed.map((m) => m.recorded.inventoryId));
  const unmanaged = live.filter((c) => !managedIds.has(c.id));
  const withRules = async (report: ConfigurationReport, config: InventoryConfig) => {
    const { failures, warnings } = await ctx.rules.check(target.ref, config);
    report.ruleFailures = failures;
    report.warnings = warnings;
    return report;
  };
  const configurations = await Promise.all([
    ...target.managed.map(async (m) => {
      const config = liveById.get(m.recorded.inventoryId);
      if (!config) return entry(m.recorded.inventoryId, "gone", m);
      const changes = compareWithState(m, config);
      return withRules({ ...entry(config.id, changes.length > 0 ? "drifted" : "in-sync", m), changes }, config);
    }),
    ...unmanaged.map((config) => withRules(entry(config.id, "unmanaged"), config)),
  ]);
  return { report: bucketReport(target, { status: "scanned", error: null, configurations: configurations.sort(byId) }), unmanaged };
}

export async function scanBucket(ctx: ScanContext, target: BucketTarget): Promise<BucketScan> {
  let live: InventoryConfig[];
  try {
    ctx.requireCredentials(target);
    live = await ctx.client.listInventories(target.ref);
  } catch (error) {
    // A managed bucket that is gone is drift; one named only with --bucket that does not exist is a mistake.
    if (error instanceof NotFoundError && error.vendorCode === "NoSuchBucket" && target.managed.length > 0) {
      const configurations = target.managed.map((m) => entry(m.recorded.inventoryId, "gone", m)).sort(byId);
      return { report: bucketReport(target, { status: "gone", error: null, configurations }), unmanaged: [] };
    }
    return failed(target, error);
  }
  try {
    return await classify(ctx, target, live);
  } catch (error) {
    return failed(target, error);
  }
}
