import { createHash } from "node:crypto";
import { once } from "node:events";
import { PassThrough, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import { parse } from "csv-parse";
import type { ManifestFile } from "./reportLayout";

/** How many bad rows are named one by one before only counting them. */
const NAMED_BAD_ROWS = 3;

export interface DataFileResult {
  key: string;
  bytes: number;
  /** Lower-case hex MD5 of the bytes as stored. */
  md5: string;
  rows: number;
  /** Each a sentence: what differs from the manifest, or why the CSV does not read. */
  problems: string[];
}

export interface DataFileHooks {
  /** Every parsed row, in order (for --rows and --out); a promise returned holds reading back (a slow writer). */
  onRow?(row: string[]): void | Promise<void>;
  /** Bytes as they arrive (for progress). */
  onBytes?(count: number): void;
}

/**
 * Streams one data file once: hashes and counts the stored bytes, gunzips them when the vendor compresses, and
 * parses the CSV (csv-parse) checking every row against the manifest's columns. Memory stays flat whatever the
 * size. When the gzip or CSV stream breaks, the bytes are still read to the end so size and MD5 are checked too.
 */
export async function verifyDataFile(
  body: Readable,
  expected: ManifestFile,
  columns: readonly string[],
  gzipped: boolean,
  hooks: DataFileHooks = {},
): Promise<DataFileResult> {
  const hash = createHash("md5");
  let bytes = 0;
  let rows = 0;
  let badRows = 0;
  const problems: string[] = [];
  const input = new PassThrough();
  const parser = parse({ relax_column_count: true, bom: true, skip_empty_lines: false });
  let decodeError: Error | undefined;
  const sink = async (source: AsyncIterable<string[]>) => {
    for await (const row of source) {
      rows += 1;
      if (row.length !== columns.length) {
        badRows += 1;
        if (badRows <= NAMED_BAD_ROWS) problems.push(`row ${rows} has ${row.length} fields, the manifest's fileSchema has ${columns.length}`);
      }
      const wait = hooks.onRow?.(row);
      if (wait) await wait;
    }
  };
  const parsed = gzipped ? pipeline(input, createGunzip(), parser, sink) : pipeline(input, parser, sink);
  const parsing = parsed.catch((error: Error) => {
    decodeError = error;
  });
  for await (const chunk of body) {
    const buf = chunk as Buffer;
    hash.update(buf);
    bytes += buf.length;
    hooks.onBytes?.(buf.length);
    if (decodeError || input.destroyed) continue;
    if (!input.write(buf)) await Promise.race([once(input, "drain"), parsing]);
  }
  input.end();
  await parsing;
  if (decodeError) problems.push(decodeProblem(decodeError, gzipped));
  if (badRows > NAMED_BAD_ROWS) problems.push(`${badRows} rows in all do not have the ${columns.length} fields of the fileSchema`);
  const md5 = hash.digest("hex");
  if (expected.size !== undefined && expected.size !== bytes) {
    problems.unshift(`size is ${bytes} bytes, the manifest says ${expected.size}${bytes < expected.size ? " (truncated)" : ""}`);
  }
  if (expected.md5 !== undefined && expected.md5 !== md5) problems.unshift(`MD5 is ${md5}, the manifest says ${expected.md5}`);
  if (expected.rows !== undefined && !decodeError && expected.rows !== rows) {
    problems.push(`${rows} rows, the manifest says ${expected.rows}`);
  }
  return { key: expected.key, bytes, md5, rows, problems };
}

function decodeProblem(error: Error, gzipped: boolean): string {
  const code = (error as { code?: string }).code ?? "";
  if (gzipped && (code.startsWith("Z_") || /unexpected end|incorrect header|invalid/i.test(error.message))) {
    return `not a complete gzip stream: ${error.message}`;
  }
  return `not readable CSV: ${error.message}`;
}
