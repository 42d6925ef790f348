/**
 * The whole scan: every bucket that holds a managed BucketInventory, plus those named with --bucket, scanned
 * concurrently (at most `concurrency` buckets at a time per vendor) through one provider client (its retries,
 * backoff and Retry-After handling), with reads cached per bucket. Gives the report; errors of single buckets are
 * in it, not thrown.
 */
import { createInventoryClient } from "../../provider/client/createInventoryClient";
import type { ClientOptions } from "../../provider/client/inventoryClient";
import type { BucketRef, Vendor } from "../../provider/model/inventoryConfig";
import { bucketKey } from "../../provider/resource/bucketLookups";
import { credentialSource, credentialsFor, retrySettings } from "../../provider/resource/credentials";
import { renderDeclarationFile, type BucketConfigurations } from "../../provider/resource/importCode";
import { bucketRefOf } from "../../provider/resource/resourceArgs";
import { concurrencyLimit, type Limited } from "./concurrencyLimit";
import { buildReport, type DriftReport } from "./driftReport";
import { LiveRules } from "./liveRules";
import type { StackState } from "./readStackState";
import { scanBucket, type BucketScan, type BucketTarget } from "./scanBucket";
import { ScanClient } from "./scanClient";
import { requireScanCredentials, type ScanConfig } from "./scanConfig";
import { scanProgress } from "./scanProgress";

export const DEFAULT_CONCURRENCY = 8;

export interface DriftScanOptions {
  state: StackState;
  /** Buckets named with --bucket (scanned whether or not the stack manages anything there). */
  extraBuckets: BucketRef[];
  config: ScanConfig;
  env: Readonly<Record<string, string | undefined>>;
  /** Buckets scanned at once, per vendor. */
  concurrency?: number;
  /** Where progress lines go (stderr). */
  progress?: (text: string) => void;
  /** Module the declarations import BucketInventory from. */
  importFrom?: string;
  /** Client settings for tests (retry timing); credentials and retry settings come from the config. */
  client?: Partial<Omit<ClientOptions, "credentials" | "onExchange">>;
}

const sortKey = (ref: BucketRef) => [ref.vendor, ref.region, ref.bucket, ref.endpoint ?? ""].join("\u0000");

/** One target per bucket: the stack's resources grouped by bucket, then the --bucket ones not already there. */
export function planTargets(state: StackState, extraBuckets: BucketRef[]): BucketTarget[] {
  const targets = new Map<string, BucketTarget>();
  for (const managed of state.inventories) {
    const ref = bucketRefOf(managed.recorded);
    const key = bucketKey(ref);
    const target = targets.get(key) ?? { ref, managed: [] };
    target.managed.push(managed);
    targets.set(key, target);
  }
  for (const ref of extraBuckets) if (!targets.has(bucketKey(ref))) targets.set(bucketKey(ref), { ref, managed: [] });
  return [...targets.values()].sort((a, b) => sortKey(a.ref).localeCompare(sortKey(b.ref)));
}

function declarationsOf(scans: BucketScan[], state: StackState, importFrom?: string): string | null {
  const groups: BucketConfigurations[] = scans
    .filter((s) => s.unmanaged.length > 0)
    .map((s) => ({ ref: { vendor: s.report.vendor, region: s.report.region, bucket: s.report.bucket, ...(s.report.endpoint ? { endpoint: s.report.endpoint } : {}) }, configs: s.unmanaged }));
  if (groups.length === 0) return null;
  const taken = state.inventories.map((m) => m.name);
  return renderDeclarationFile(groups, { taken, importFrom, generatedBy: "`bucket-inventory drift` from the unmanaged configurations it found" });
}

export async function runDriftScan(options: DriftScanOptions): Promise<DriftReport> {
  const { state, config, env } = options;
  const targets = planTargets(state, options.extraBuckets);
  const { timeoutMs, retry } = retrySettings(config.stack);
  let requests = 0;
  const client = createInventoryClient({
    ...options.client,
    credentials: credentialSource(config.stack, env),
    retry: { ...options.client?.retry, ...retry },
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    onExchange: () => void requests++,
  });
  const scanClient = new ScanClient(client);
  const canReach = (vendor: Vendor) => {
    try {
      return credentialsFor(vendor, config.stack, env) !== undefined;
    } catch {
      return false;
    }
  };
  const ctx = { client: scanClient, rules: new LiveRules(scanClient, canReach), requireCredentials: (t: BucketTarget) => requireScanCredentials(t.ref.vendor, config, env) };
  const limits = new Map<Vendor, Limited>();
  const limitFor = (vendor: Vendor) => limits.get(vendor) ?? limits.set(vendor, concurrencyLimit(options.concurrency ?? DEFAULT_CONCURRENCY)).get(vendor)!;
  const progress = scanProgress({ total: targets.length, write: options.progress ?? (() => undefined) });
  try {
    const scans = await Promise.all(
      targets.map((target) =>
        limitFor(target.ref.vendor)(async () => {
          const scan = await scanBucket(ctx, target);
          progress.scanned(scan.report.status !== "error");
          return scan;
        }),
      ),
    );
    progress.finish();
    return buildReport(scans.map((s) => s.report), requests, declarationsOf(scans, state, options.importFrom));
  } finally {
    await client.close();
  }
}
