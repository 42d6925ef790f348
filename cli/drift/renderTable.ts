/**
 * The default view: a headline, an aligned table (one line per configuration, further details on lines below it),
 * then the declarations for unmanaged configurations. Control characters and bidirectional overrides in any value
 * are printed as escapes, so a configuration id cannot move the cursor, recolour the terminal or reorder the line.
 */
import type { DriftReport } from "./driftReport";
import { headline, reportRows } from "./reportRows";

// C0 and C1 controls, DEL, and the Unicode bidi embeddings, overrides and isolates.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string, keepNewlines = false): string {
  return text.replace(UNSAFE, (c) => (keepNewlines && c === "\n" ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));
}

const HEADERS = { bucket: "BUCKET", inventory: "INVENTORY", status: "STATUS" };

export function renderTable(report: DriftReport): string {
  const rows = reportRows(report).map((r) => ({
    bucket: terminalSafe(r.bucket),
    inventory: terminalSafe(r.inventory),
    status: r.status,
    details: r.details.map((d) => terminalSafe(d)),
  }));
  const width = (key: keyof typeof HEADERS) => Math.max(HEADERS[key].length, ...rows.map((r) => r[key].length));
  const w = { bucket: width("bucket"), inventory: width("inventory"), status: width("status") };
  const indent = " ".repeat(w.bucket + w.inventory + w.status + 6);
  const line = (bucket: string, inventory: string, status: string, detail = "") =>
    `${bucket.padEnd(w.bucket)}  ${inventory.padEnd(w.inventory)}  ${status.padEnd(w.status)}  ${detail}`.trimEnd();
  const out = [terminalSafe(headline(report)), "", line(HEADERS.bucket, HEADERS.inventory, HEADERS.status, "DETAILS")];
  for (const r of rows) {
    out.push(line(r.bucket, r.inventory, r.status, r.details[0]));
    for (const detail of r.details.slice(1)) out.push(`${indent}${detail}`);
  }
  if (report.declarations) {
    out.push("", `Declarations for the ${report.summary.unmanaged} unmanaged configuration(s), ready to paste into the program:`, "");
    out.push(terminalSafe(report.declarations, true).trimEnd());
  }
  return `${out.join("\n")}\n`;
}
