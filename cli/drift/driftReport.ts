/**
 * What `bucket-inventory drift` found, in the shape `--json` prints (schema: docs/drift-report.schema.json, version
 * DRIFT_SCHEMA_VERSION; a change that could break a reader bumps it). The table and Markdown views are drawn from
 * this same object, so the three outputs cannot disagree.
 */
import type { Vendor } from "../../provider/model/inventoryConfig";

export const DRIFT_SCHEMA_VERSION = 1;

/** Compared with the state: in sync; drifted; gone (in the state, not live); unmanaged (live, in no resource); unknown (bucket not scanned). */
export type ConfigurationStatus = "in-sync" | "drifted" | "gone" | "unmanaged" | "unknown";
/** scanned; gone (the bucket itself no longer exists); error (it could not be scanned: `error` says why). */
export type BucketStatus = "scanned" | "gone" | "error";
export type OverallStatus = "in-sync" | "drift" | "error";

export interface FieldChange {
  /** Property path as programs write it, e.g. "destination.prefix". */
  path: string;
  /** The value the state records (null: not set). */
  state: unknown;
  /** The value live on the bucket (null: not set). */
  live: unknown;
}

export interface RuleFailure {
  property: string;
  reason: string;
}

export interface ConfigurationReport {
  inventoryId: string;
  status: ConfigurationStatus;
  /** The stack's resource, for every status but unmanaged. */
  resource: { urn: string; name: string } | null;
  /** Drifted: every field that differs, after the provider's normalization. */
  changes: FieldChange[];
  /** Members the export holds only encrypted, so not compared (export with --show-secrets). */
  notCompared: string[];
  /** Preview rules the live configuration breaks now (co-location, limits, OBS prefix overlap, static rules). */
  ruleFailures: RuleFailure[];
  /** What preview would warn about without failing (e.g. "All" versions on an unversioned source): not drift. */
  warnings: RuleFailure[];
}

export interface BucketReport {
  vendor: Vendor;
  region: string;
  bucket: string;
  endpoint: string | null;
  /** Whether the state manages a configuration on it (else it was named with --bucket only). */
  managed: boolean;
  status: BucketStatus;
  error: { code: string; message: string } | null;
  configurations: ConfigurationReport[];
}

export interface DriftSummary {
  buckets: number;
  bucketErrors: number;
  bucketsGone: number;
  configurations: number;
  /** In sync with the state and breaking no rule. */
  inSync: number;
  drifted: number;
  gone: number;
  unmanaged: number;
  /** Configurations (of any status) that break a preview rule now. */
  breaksRules: number;
  /** HTTP requests sent, retries included. */
  requests: number;
}

export interface DriftReport {
  schemaVersion: typeof DRIFT_SCHEMA_VERSION;
  status: OverallStatus;
  /** 0 in sync, 2 drift found, 1 error (some bucket could not be scanned: the rest is still reported). */
  exitCode: 0 | 1 | 2;
  summary: DriftSummary;
  buckets: BucketReport[];
  /** TypeScript declarations (adopt: true) for every unmanaged configuration, one file; null when there are none. */
  declarations: string | null;
}

const count = (buckets: BucketReport[], test: (c: ConfigurationReport) => boolean) =>
  buckets.reduce((n, b) => n + b.configurations.filter(test).length, 0);

export function summarize(buckets: BucketReport[], requests: number): DriftSummary {
  return {
    buckets: buckets.length,
    bucketErrors: buckets.filter((b) => b.status === "error").length,
    bucketsGone: buckets.filter((b) => b.status === "gone").length,
    configurations: count(buckets, () => true),
    inSync: count(buckets, (c) => c.status === "in-sync" && c.ruleFailures.length === 0),
    drifted: count(buckets, (c) => c.status === "drifted"),
    gone: count(buckets, (c) => c.status === "gone"),
    unmanaged: count(buckets, (c) => c.status === "unmanaged"),
    breaksRules: count(buckets, (c) => c.ruleFailures.length > 0),
    requests,
  };
}

/** Like `terraform plan -detailed-exitcode`: an error wins over drift, since what was not scanned is not known. */
export function overallStatus(summary: DriftSummary): { status: OverallStatus; exitCode: 0 | 1 | 2 } {
  if (summary.bucketErrors > 0) return { status: "error", exitCode: 1 };
  const drift = summary.drifted + summary.gone + summary.unmanaged + summary.breaksRules + summary.bucketsGone;
  return drift > 0 ? { status: "drift", exitCode: 2 } : { status: "in-sync", exitCode: 0 };
}

export function buildReport(buckets: BucketReport[], requests: number, declarations: string | null): DriftReport {
  const summary = summarize(buckets, requests);
  return { schemaVersion: DRIFT_SCHEMA_VERSION, ...overallStatus(summary), summary, buckets, declarations };
}
