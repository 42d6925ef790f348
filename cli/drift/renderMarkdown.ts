/**
 * `--markdown`: the report as a pull-request or issue comment (GitHub-flavoured Markdown). Every value from the
 * state or the service is written with HTML character references for anything but plain letters, digits and a
 * few harmless marks, so no id or prefix can close a table cell, start a link or image, inject HTML or mentions,
 * or end the code fence the declarations sit in (that fence is longer than any run of backticks inside it).
 */
import type { DriftReport } from "./driftReport";
import { headline, reportRows } from "./reportRows";

const SAFE = /[A-Za-z0-9 ,.:;=/+()'"?-]/;

export function markdownText(text: string): string {
  let out = "";
  for (const char of text) out += SAFE.test(char) ? char : `&#${char.codePointAt(0)};`;
  return out;
}

const code = (text: string) => `<code>${markdownText(text)}</code>`;

function fenceFor(content: string): string {
  const longest = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  return "`".repeat(Math.max(3, longest + 1));
}

export function renderMarkdown(report: DriftReport): string {
  const out = [`### Bucket inventory drift`, "", markdownText(headline(report)), ""];
  const rows = reportRows(report);
  if (rows.length > 0) {
    out.push("| bucket | inventory | status | details |", "|---|---|---|---|");
    for (const r of rows) {
      const details = r.details.map(markdownText).join("<br>");
      out.push(`| ${code(r.bucket)} | ${r.inventory === "-" ? "" : code(r.inventory)} | ${markdownText(r.status)} | ${details} |`);
    }
    out.push("");
  }
  if (report.declarations) {
    const fence = fenceFor(report.declarations);
    out.push(
      "<details>",
      `<summary>Declarations for the ${report.summary.unmanaged} unmanaged configuration(s) (adopt: true)</summary>`,
      "",
      `${fence}ts`,
      report.declarations.trimEnd(),
      fence,
      "",
      "</details>",
      "",
    );
  }
  return `${out.join("\n")}`;
}
