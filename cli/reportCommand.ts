/**
 * `bucket-inventory report`: are a configuration's reports arriving, and are they intact? Finds the newest report
 * in the destination (the vendor's documented layout), verifies it, judges freshness; exit 0 healthy, 2 unhealthy,
 * 1 when the check could not be carried out.
 */
import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import { parseArgs } from "node:util";
import { createInventoryClient } from "../provider/client/createInventoryClient";
import { createObjectReader } from "../provider/client/objectReader";
import { VENDORS, type Vendor } from "../provider/model/inventoryConfig";
import { normalizeEndpoint, normalizeRegion } from "../provider/model/normalize";
import { checkReport } from "../provider/reports/checkReport";
import type { ReportCheck, ReportTarget } from "../provider/reports/reportCheck";
import { DEFAULT_GRACE_MS, parseDurationMs } from "../provider/reports/reportTiming";
import { requireCredentials } from "../provider/resource/credentials";
import { ProgressBar } from "./progressBar";
import { csvLine, exitCodeOf, reportJson, reportTable } from "./reportOutput";
import { stackTargets } from "./stackTargets";

export const USAGE = [
  "usage: bucket-inventory report --vendor <oss|cos|obs|s3> --region <region> --bucket <bucket> --inventory-id <id>",
  "                               [--endpoint <url>] [--configured-at <ISO time>]",
  "       bucket-inventory report --stack <export.json|->   (every BucketInventory in `pulumi stack export` output)",
  "options: --grace <duration, default 6h>  --now <ISO time>  --json  --rows <n>  --out <file.csv>  --no-progress",
  "",
  "Finds each configuration's newest report, verifies manifest, checksum, data files (size, MD5, rows, schema)",
  "and freshness. Exit 0 healthy or pending, 2 unhealthy (stale, missing, corrupt, not found), 1 error.",
  "Credentials come from the environment, as for `bucket-inventory import`.",
].join("\n");

export interface ReportIo {
  out(text: string): void;
  err(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
  /** Whether stderr is a terminal (the progress bar shows only then). */
  isTty: boolean;
}

const defaultIo: ReportIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
  isTty: Boolean(process.stderr.isTTY),
};

interface ReportArgs {
  targets: ReportTarget[];
  graceMs: number;
  now?: Date;
  json: boolean;
  rows?: number;
  out?: string;
  progress: boolean;
}

class UsageError extends Error {}

export async function run(argv: string[], io: ReportIo = defaultIo): Promise<number> {
  let args: ReportArgs | "help";
  try {
    args = parse(argv);
  } catch (error) {
    io.err(`bucket-inventory report: ${(error as Error).message}\n\n${USAGE}\n`);
    return 1;
  }
  if (args === "help") {
    io.out(`${USAGE}\n`);
    return 0;
  }
  const rows: string[][] = [];
  const results: ReportCheck[] = [];
  let out: WriteStream | undefined;
  try {
    if (args.out) out = await openOut(args.out);
    for (const target of args.targets) results.push(await checkOne(target, args, io, rows, out));
  } finally {
    if (out) {
      out.end();
      await once(out, "close").catch(() => undefined);
    }
  }
  io.out(args.json ? reportJson(results, args.rows !== undefined ? rows : undefined) : reportTable(results));
  if (!args.json && args.rows !== undefined && results[0]?.report) {
    io.out(`\nfirst ${rows.length} row(s) of ${results[0].report.manifestKey}:\n${csvLine(results[0].report.columns)}${rows.map(csvLine).join("")}`);
  }
  return exitCodeOf(results);
}

async function checkOne(target: ReportTarget, args: ReportArgs, io: ReportIo, rows: string[][], out?: WriteStream): Promise<ReportCheck> {
  const vendor = target.vendor;
  let credentials;
  try {
    credentials = { [vendor]: requireCredentials(vendor, {}, io.env) };
  } catch (error) {
    return errorResult(target, error, args);
  }
  const inventories = createInventoryClient({ credentials });
  const objects = createObjectReader({ credentials });
  const bar = args.progress && io.isTty ? new ProgressBar(io.err, `${vendor}:${target.bucket}:${target.inventoryId}`) : undefined;
  try {
    return await checkReport({ inventories, objects }, target, {
      graceMs: args.graceMs,
      now: args.now,
      hooks: {
        onReportStart: async (total, _files, columns) => {
          bar?.start(total);
          if (out && !out.write(csvLine(columns))) await once(out, "drain");
        },
        onBytes: (n) => bar?.addBytes(n),
        onRow: (row) => {
          bar?.addRow();
          if (args.rows !== undefined && rows.length < args.rows) rows.push(row);
          if (!out) return undefined;
          return out.write(csvLine(row)) ? undefined : once(out, "drain").then(() => undefined);
        },
      },
    });
  } catch (error) {
    return errorResult(target, error, args);
  } finally {
    bar?.finish();
    await inventories.close();
    await objects.close();
  }
}

function errorResult(target: ReportTarget, error: unknown, args: ReportArgs): ReportCheck {
  const message = error instanceof Error ? error.message : String(error);
  return {
    target, status: "error", summary: message, checkedAt: (args.now ?? new Date()).toISOString(), problems: [], causes: [],
  };
}

async function openOut(path: string): Promise<WriteStream> {
  const stream = createWriteStream(path);
  await once(stream, "open");
  return stream;
}

function parse(argv: string[]): ReportArgs | "help" {
  const { values } = parseArgs({
    args: argv,
    options: {
      vendor: { type: "string" }, region: { type: "string" }, bucket: { type: "string" }, "inventory-id": { type: "string" },
      endpoint: { type: "string" }, "configured-at": { type: "string" }, stack: { type: "string" },
      grace: { type: "string" }, now: { type: "string" }, json: { type: "boolean" }, rows: { type: "string" },
      out: { type: "string" }, "no-progress": { type: "boolean" }, help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) return "help";
  const graceMs = values.grace === undefined ? DEFAULT_GRACE_MS : parseDurationMs(values.grace);
  if (graceMs === undefined) throw new UsageError(`--grace "${values.grace}": use a duration such as 6h, 90m, 2d`);
  const targets = values.stack !== undefined ? stackTargets(values.stack) : [directTarget(values)];
  if (values.endpoint !== undefined) for (const t of targets) t.endpoint = normalizeEndpoint(values.endpoint) as string;
  if (targets.length === 0) throw new UsageError(`--stack ${values.stack}: the export holds no BucketInventory resources`);
  const rows = values.rows === undefined ? undefined : Number(values.rows);
  if (rows !== undefined && (!Number.isInteger(rows) || rows < 0)) throw new UsageError(`--rows "${values.rows}": must be a whole number`);
  if ((rows !== undefined || values.out !== undefined) && targets.length > 1) {
    throw new UsageError(`--rows and --out read one report: the stack has ${targets.length} inventories (${targets.map((t) => t.label).join(", ")})`);
  }
  return {
    targets, graceMs, now: timeOption("--now", values.now), json: Boolean(values.json), rows, out: values.out,
    progress: !values["no-progress"],
  };
}

function directTarget(values: Record<string, string | boolean | undefined>): ReportTarget {
  for (const name of ["vendor", "region", "bucket", "inventory-id"]) {
    if (!values[name]) throw new UsageError(`--${name} is required (or give --stack <export.json>)`);
  }
  const vendor = String(values.vendor).toLowerCase();
  if (!(VENDORS as readonly string[]).includes(vendor)) throw new UsageError(`--vendor "${values.vendor}": use one of ${VENDORS.join(", ")}`);
  return {
    vendor: vendor as Vendor,
    region: normalizeRegion(vendor, values.region) as string,
    bucket: String(values.bucket),
    inventoryId: String(values["inventory-id"]),
    configuredAt: timeOption("--configured-at", values["configured-at"] as string | undefined),
  };
}

function timeOption(flag: string, text: string | undefined): Date | undefined {
  if (text === undefined) return undefined;
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) throw new UsageError(`${flag} "${text}": use an ISO 8601 time such as 2024-05-17T16:00:00Z`);
  return at;
}

