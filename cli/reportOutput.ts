import { UNHEALTHY, type ReportCheck } from "../provider/reports/reportCheck";

/** `--json` schema version: bump on any incompatible change (docs/report.md). */
export const REPORT_JSON_VERSION = 1;

/** 0 healthy (or pending), 2 unhealthy, 1 when any check could not be carried out. */
export function exitCodeOf(results: readonly ReportCheck[]): 0 | 1 | 2 {
  if (results.some((r) => r.status === "error")) return 1;
  return results.some((r) => UNHEALTHY.has(r.status)) ? 2 : 0;
}

export function targetName(r: ReportCheck): string {
  const t = r.target;
  return `${t.vendor}:${t.region}:${t.bucket}:${t.inventoryId}`;
}

/** The JSON document `--json` prints (docs/report.md describes every field). */
export function reportJson(results: readonly ReportCheck[], rows?: string[][]): string {
  const doc = {
    version: REPORT_JSON_VERSION,
    exitCode: exitCodeOf(results),
    results: results.map((r) => ({
      target: { ...targetIdentity(r), label: r.target.label, configuredAt: r.target.configuredAt?.toISOString() },
      status: r.status,
      summary: r.summary,
      checkedAt: r.checkedAt,
      enabled: r.enabled,
      frequency: r.frequency,
      destination: r.destination,
      report: r.report && {
        folder: r.report.folder, manifestKey: r.report.manifestKey, createdAt: r.report.createdAt, ageMs: r.report.ageMs,
        columns: r.report.columns, rows: r.report.rows, bytes: r.report.bytes,
        files: r.report.files.map((f) => ({ key: f.key, bytes: f.bytes, md5: f.md5, rows: f.rows, problems: f.problems })),
      },
      problems: r.problems,
      causes: r.causes,
    })),
    ...(rows ? { rows } : {}),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function targetIdentity(r: ReportCheck) {
  const { vendor, region, bucket, inventoryId, endpoint } = r.target;
  return { vendor, region, bucket, inventoryId, ...(endpoint ? { endpoint } : {}) };
}

/** The default output: one line per target, then what is wrong and why, indented under it. */
export function reportTable(results: readonly ReportCheck[]): string {
  const head = ["STATUS", "INVENTORY", "REPORT", "ROWS", "SUMMARY"];
  const lines = results.map((r) => [
    r.status, r.target.label ? `${targetName(r)} (${r.target.label})` : targetName(r),
    r.report?.createdAt.replace(/:\d\d\.\d{3}Z$/, "Z") ?? "-", r.report ? String(r.report.rows) : "-", r.summary,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => (i === 4 ? 0 : l[i].length))));
  const row = (cells: string[]) => cells.map((c, i) => (i === 4 ? c : c.padEnd(widths[i]))).join("  ");
  const out = [row(head)];
  results.forEach((r, i) => {
    out.push(row(lines[i]));
    for (const p of r.problems) out.push(`    - ${p}`);
    if (r.causes.length > 0) out.push("    likely causes:", ...r.causes.map((c) => `    * ${c}`));
  });
  return `${out.join("\n")}\n`;
}

/** One CSV line, every field quoted (a quote doubled), as the vendors write theirs. */
export function csvLine(fields: readonly string[]): string {
  return `${fields.map((f) => `"${f.replace(/"/g, '""')}"`).join(",")}\n`;
}
