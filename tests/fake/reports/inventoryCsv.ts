import { gzipSync } from "node:zlib";
import type { ObjectRecord } from "../objects/objectRecord";
import { cellValue, type CellContext } from "./inventoryColumns";
import type { ReportFile } from "./reportTypes";

/** One CSV line: every field double-quoted (a quote inside doubled), no header row, "\n" line ends. */
export function csvLine(values: readonly string[]): string {
  return `${values.map((v) => `"${v.replace(/"/g, '""')}"`).join(",")}\n`;
}

export function renderInventoryRows(
  records: readonly ObjectRecord[],
  columns: readonly string[],
  context: CellContext,
): string[] {
  return records.map((record) => csvLine(columns.map((column) => cellValue(column, record, context))));
}

/** Splits rows into data files of at most `maxRows` rows each; no rows gives no files. */
export function chunkRows(rows: readonly string[], maxRows: number): string[][] {
  const chunks: string[][] = [];
  for (let at = 0; at < rows.length; at += maxRows) chunks.push(rows.slice(at, at + maxRows));
  return chunks;
}

/** A data file of CSV rows; gzip-compressed (`.csv.gz`) unless the vendor writes plain `.csv` (OBS). */
export function csvDataFile(key: string, rows: readonly string[], compress: boolean): ReportFile {
  const text = Buffer.from(rows.join(""), "utf8");
  return compress
    ? { key, body: gzipSync(text), contentType: "application/x-gzip" }
    : { key, body: text, contentType: "text/csv" };
}
