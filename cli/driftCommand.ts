/**
 * `bucket-inventory drift [--state FILE|-] [--bucket vendor:region:bucket]... [--json|--markdown]`: compares every
 * bucket holding a BucketInventory of the stack (as `pulumi stack export` wrote it) with what is live, and reports
 * each configuration as in sync, drifted, gone or unmanaged, plus the preview rules live configurations break now.
 * Exit status as `terraform plan -detailed-exitcode`: 0 in sync, 2 drift, 1 error (usage errors included).
 */
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { VENDORS, type BucketRef, type Vendor } from "../provider/model/inventoryConfig";
import { normalizeEndpoint, normalizeRegion } from "../provider/model/normalize";
import { CONFIG_NAMESPACE, configKeys } from "../provider/resource/credentials";
import { renderMarkdown } from "./drift/renderMarkdown";
import { renderTable } from "./drift/renderTable";
import { readStackState, StateInputError, type StackState } from "./drift/readStackState";
import { DEFAULT_CONCURRENCY, runDriftScan } from "./drift/runDriftScan";
import { scanConfig } from "./drift/scanConfig";

export const USAGE = [
  "usage: bucket-inventory drift [--state <file>|-] [--bucket <vendor>:<region>:<bucket>]... [--endpoint <url>]",
  "                              [--config <key>=<value>]... [--json | --markdown] [--concurrency <n>] [--quiet]",
  "",
  "Reads the stack's state as `pulumi stack export` writes it (a file, or standard input), lists the live inventory",
  "configurations of every bucket that holds one of its BucketInventory resources (and of each --bucket), and reports",
  "each as in sync, drifted, gone or unmanaged, with the preview rules live configurations break now.",
  "",
  "  --state <file>|-        the exported state (default: standard input)",
  "  --bucket v:region:name  also scan this bucket (repeatable); --endpoint <url> addresses these buckets",
  "  --config key=value      stack config as `pulumi up --config` takes it, e.g. bucket-inventory:maxAttempts=5",
  "                          (credentials: rather the vendors' environment variables, as the provider reads them)",
  "  --json | --markdown     output format (default: a table); the JSON schema is docs/drift-report.schema.json",
  `  --concurrency <n>       buckets scanned at once per vendor (default ${DEFAULT_CONCURRENCY})`,
  "  --quiet                 no progress lines on stderr",
  "",
  "Exit status: 0 in sync, 2 drift found, 1 error (a bucket that could not be scanned, bad input or usage).",
].join("\n");

export interface DriftIo {
  out(text: string): void;
  err(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
  /** All of standard input. */
  readStdin(): Promise<string>;
  stdinIsTTY: boolean;
}

const defaultIo: DriftIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  },
  stdinIsTTY: Boolean(process.stdin.isTTY),
};

class UsageError extends Error {}

interface DriftOptions {
  state: string;
  buckets: BucketRef[];
  config: Record<string, string>;
  format: "table" | "json" | "markdown";
  concurrency: number;
  quiet: boolean;
}

function parseBucket(value: string, endpoint: string | undefined): BucketRef {
  const m = /^([^:]+):([^:]+):([^:]+)$/.exec(value.trim());
  if (!m) throw new UsageError(`--bucket "${value}": write it as <vendor>:<region>:<bucket>, e.g. oss:cn-hangzhou:photos`);
  const vendor = m[1].toLowerCase();
  if (!(VENDORS as readonly string[]).includes(vendor)) throw new UsageError(`--bucket "${value}": vendor "${m[1]}" is not one of ${VENDORS.join(", ")}`);
  const ref: BucketRef = { vendor: vendor as Vendor, region: normalizeRegion(vendor, m[2]) as string, bucket: m[3] };
  if (endpoint) ref.endpoint = endpoint;
  return ref;
}

function parseConfig(values: string[]): Record<string, string> {
  const known = configKeys();
  const config: Record<string, string> = {};
  for (const item of values) {
    const at = item.indexOf("=");
    if (at <= 0) throw new UsageError(`--config "${item.split("=")[0]}": write it as <key>=<value>`);
    const raw = item.slice(0, at).trim();
    const key = raw.includes(":") ? raw : `${CONFIG_NAMESPACE}:${raw}`;
    if (!known.includes(key)) throw new UsageError(`--config "${raw}": not a key the provider reads; use one of ${known.join(", ")}`);
    config[key] = item.slice(at + 1);
  }
  return config;
}

function parse(argv: string[]): DriftOptions | { help: true } {
  const { values } = parseArgs({
    args: argv,
    options: {
      state: { type: "string" }, bucket: { type: "string", multiple: true }, endpoint: { type: "string" },
      config: { type: "string", short: "c", multiple: true }, json: { type: "boolean" }, markdown: { type: "boolean" },
      concurrency: { type: "string" }, quiet: { type: "boolean", short: "q" }, help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) return { help: true };
  if (values.json && values.markdown) throw new UsageError("--json and --markdown: choose one");
  const concurrency = Number(values.concurrency ?? DEFAULT_CONCURRENCY);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256) throw new UsageError(`--concurrency "${values.concurrency}": a whole number from 1 to 256`);
  const endpoint = normalizeEndpoint(values.endpoint) as string | undefined;
  if (endpoint !== undefined && !/^https?:\/\/[^/]/.test(endpoint)) throw new UsageError(`--endpoint "${values.endpoint}": an http:// or https:// URL`);
  if (endpoint !== undefined && !values.bucket?.length) throw new UsageError("--endpoint addresses the --bucket buckets: give at least one --bucket");
  return {
    state: values.state ?? "-",
    buckets: (values.bucket ?? []).map((b) => parseBucket(b, endpoint)),
    config: parseConfig(values.config ?? []),
    format: values.json ? "json" : values.markdown ? "markdown" : "table",
    concurrency,
    quiet: values.quiet ?? false,
  };
}

async function loadState(path: string, io: DriftIo): Promise<StackState> {
  if (path !== "-") {
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (error) {
      throw new StateInputError(`cannot read the state file ${JSON.stringify(path)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    return readStackState(text, JSON.stringify(path));
  }
  if (io.stdinIsTTY) throw new UsageError("no state: pipe `pulumi stack export` into this command, or pass --state <file>");
  return readStackState(await io.readStdin(), "standard input");
}

export async function run(argv: string[], io: DriftIo = defaultIo): Promise<number> {
  let options: ReturnType<typeof parse>;
  try {
    options = parse(argv);
  } catch (error) {
    io.err(`bucket-inventory drift: ${(error as Error).message}\n\n${USAGE}\n`);
    return 1;
  }
  if ("help" in options) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  try {
    const state = await loadState(options.state, io);
    if (state.inventories.length === 0 && options.buckets.length === 0) {
      io.err(`bucket-inventory drift: the state holds no BucketInventory (${state.otherResources} other resources): nothing to scan\n`);
    }
    const report = await runDriftScan({
      state,
      extraBuckets: options.buckets,
      config: scanConfig(state.stackConfig, state.encryptedConfigKeys, options.config),
      env: io.env,
      concurrency: options.concurrency,
      progress: options.quiet ? undefined : io.err,
    });
    const render = { json: (r: typeof report) => `${JSON.stringify(r, null, 2)}\n`, markdown: renderMarkdown, table: renderTable }[options.format];
    io.out(render(report));
    return report.exitCode;
  } catch (error) {
    io.err(`bucket-inventory drift: ${(error as Error).message}\n`);
    return 1;
  }
}
