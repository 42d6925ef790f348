/** A GitHub-flavoured Markdown table; cells are escaped so a "|" in a value cannot break the layout. */

export interface Table {
  caption?: string;
  headers: string[];
  rows: string[][];
  /** Per column: "l" (default) or "r" for numbers. */
  align?: ("l" | "r")[];
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

export function renderTable(table: Table): string {
  const width = table.headers.length;
  const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => cell(cells[i] ?? "")).join(" | ")} |`;
  const rule = `|${Array.from({ length: width }, (_, i) => (table.align?.[i] === "r" ? "---:" : "---")).join("|")}|`;
  const lines = [line(table.headers), rule, ...table.rows.map(line)];
  return (table.caption ? `${table.caption}\n\n` : "") + lines.join("\n");
}
