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

/** One data file's content before it has a name: the (compressed) bytes and how many rows they hold. */
export interface DataBody {
  body: Buffer;
  rows: number;
}

/**
 * Renders rows lazily and packs them into data-file bodies of at most `maxRows` rows, gzip-compressed unless the
 * vendor writes plain CSV: only one file's text is in memory at a time, so millions of rows fit.
 */
export function buildDataBodies(
  records: Iterable<ObjectRecord>,
  columns: readonly string[],
  context: CellContext,
  maxRows: number,
  compress: boolean,
): DataBody[] {
  const bodies: DataBody[] = [];
  let lines: string[] = [];
  const flush = () => {
    const text = Buffer.from(lines.join(""), "utf8");
    bodies.push({ body: compress ? gzipSync(text) : text, rows: lines.length });
    lines = [];
  };
  for (const record of records) {
    lines.push(csvLine(columns.map((column) => cellValue(column, record, context))));
    if (lines.length === maxRows) flush();
  }
  if (lines.length > 0) flush();
  return bodies;
}

/** A named data file from a body. */
export function dataFile(key: string, data: DataBody, compress: boolean): ReportFile {
  return { key, body: data.body, contentType: compress ? "application/x-gzip" : "text/csv" };
}

/** A data file of CSV rows; gzip-compressed (`.csv.gz`) unless the vendor writes plain `.csv` (OBS). */
export function csvDataFile(key: string, rows: readonly string[], compress: boolean): ReportFile {
  const text = Buffer.from(rows.join(""), "utf8");
  return compress
    ? { key, body: gzipSync(text), contentType: "application/x-gzip" }
    : { key, body: text, contentType: "text/csv" };
}
