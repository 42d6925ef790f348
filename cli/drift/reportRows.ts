/**
 * The report as rows of plain text, one per configuration (or per bucket that has none to show), shared by the
 * table and the Markdown view. The text here is raw: values from the live service and the state may hold anything
 * (OSS ids take any character), so each view escapes it for where it is printed.
 */
import type { BucketReport, ConfigurationReport, DriftReport } from "./driftReport";

export interface ReportRow {
  bucket: string;
  inventory: string;
  status: string;
  details: string[];
}

const MAX_VALUE = 120;

/** A value as a detail shows it: JSON, cut when long; null reads as "(not set)". */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return "(not set)";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 3)}...` : text;
}

export const bucketLabel = (b: Pick<BucketReport, "vendor" | "region" | "bucket">) => `${b.vendor}:${b.region}:${b.bucket}`;

const STATUS_LABEL: Record<ConfigurationReport["status"], string> = {
  "in-sync": "in sync",
  drifted: "drifted",
  gone: "gone",
  unmanaged: "unmanaged",
  unknown: "unknown",
};

function details(bucket: BucketReport, c: ConfigurationReport): string[] {
  const lines: string[] = [];
  if (c.status === "drifted") lines.push(...c.changes.map((ch) => `${ch.path}: ${formatValue(ch.state)} -> ${formatValue(ch.live)}`));
  if (c.status === "gone") lines.push(bucket.status === "gone" ? `${c.resource?.name}: its bucket no longer exists` : `${c.resource?.name} is in the state, not on the bucket`);
  if (c.status === "unmanaged") lines.push("in no resource of the state (declaration below)");
  if (c.status === "unknown") lines.push(`${c.resource?.name}: the bucket could not be scanned`);
  if (c.notCompared.length > 0) lines.push(`not compared (encrypted in the export): ${c.notCompared.join(", ")}`);
  lines.push(...c.ruleFailures.map((f) => `breaks a preview rule: ${f.property}: ${f.reason}`));
  lines.push(...c.warnings.map((f) => `warning: ${f.property}: ${f.reason}`));
  return lines;
}

function bucketRows(b: BucketReport): ReportRow[] {
  const label = bucketLabel(b);
  const rows: ReportRow[] = [];
  if (b.status === "error") rows.push({ bucket: label, inventory: "-", status: "error", details: [b.error?.message ?? "unknown error"] });
  if (b.status === "gone" && b.configurations.length === 0) rows.push({ bucket: label, inventory: "-", status: "gone", details: ["the bucket does not exist"] });
  if (b.status === "scanned" && b.configurations.length === 0) rows.push({ bucket: label, inventory: "-", status: "in sync", details: ["no inventory configurations"] });
  for (const c of b.configurations) {
    const status = c.status === "in-sync" && c.ruleFailures.length > 0 ? "breaks rules" : STATUS_LABEL[c.status];
    rows.push({ bucket: label, inventory: c.inventoryId, status, details: details(b, c) });
  }
  return rows;
}

export function reportRows(report: DriftReport): ReportRow[] {
  return report.buckets.flatMap(bucketRows);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "Drift found: 4 buckets, 7 configurations: 1 drifted, 1 gone, ...; 12 requests." */
export function headline(report: DriftReport): string {
  const s = report.summary;
  const title = { "in-sync": "In sync", drift: "Drift found", error: "Error" }[report.status];
  const parts = [
    s.drifted && `${s.drifted} drifted`,
    s.gone && `${s.gone} gone`,
    s.unmanaged && `${s.unmanaged} unmanaged`,
    s.breaksRules && `${s.breaksRules} breaking a preview rule`,
    `${s.inSync} in sync`,
  ].filter(Boolean);
  const buckets = [
    plural(s.buckets, "bucket"),
    s.bucketErrors ? `${s.bucketErrors} could not be scanned` : "",
    s.bucketsGone ? `${s.bucketsGone} gone` : "",
  ].filter(Boolean);
  return `${title}: ${buckets.join(", ")}; ${plural(s.configurations, "configuration")}: ${parts.join(", ")}; ${plural(s.requests, "request")}.`;
}
