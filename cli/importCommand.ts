/**
 * `bucket-inventory import <vendor>:<region>:<bucket>[:<inventory-id>] … [--endpoint <url>]` (or, for one bucket,
 * `--vendor … --region … --bucket … [--inventory-id …]`): reads the live configurations (every page) with
 * credentials from the environment and prints one whole TypeScript file of `new BucketInventory(...)` declarations
 * with `adopt: true` (Pulumi cannot import dynamic resources): one import line, resource names unique across every
 * bucket and vendor, no endpoint baked in. Every bucket is read before anything is printed: one that fails prints
 * nothing, so a file is never half written.
 */
import { parseArgs } from "node:util";
import { createInventoryClient } from "../provider/client/createInventoryClient";
import type { InventoryClient } from "../provider/client/inventoryClient";
import { VENDORS, type BucketRef, type InventoryConfig, type Vendor } from "../provider/model/inventoryConfig";
import { normalizeEndpoint, normalizeRegion } from "../provider/model/normalize";
import { CREDENTIAL_KEYS, credentialOrigin, credentialsFor } from "../provider/resource/credentials";
import { renderDeclarationFile, type BucketConfigurations } from "../provider/resource/importCode";
import { refusesSigner } from "../provider/resource/lookupProblems";

export const USAGE = [
  "usage: bucket-inventory import <vendor>:<region>:<bucket>[:<inventory-id>] ... [--endpoint <url>]",
  "       bucket-inventory import --vendor <oss|cos|obs|s3> --region <region> --bucket <bucket> [--inventory-id <id>] [--endpoint <url>]",
  "",
  "Prints one TypeScript file of BucketInventory declarations (adopt: true) for the inventory configurations of",
  "every bucket named (all of a bucket's, or the one id given), e.g. `import oss:cn-hangzhou:photos obs:cn-north-4:logs`.",
  "--endpoint: read from this endpoint (the fake cloud, a private endpoint) instead of each vendor's public one.",
  "Credentials come from the environment only (not from Pulumi stack config): ALIBABA_CLOUD_ACCESS_KEY_ID and",
  "ALIBABA_CLOUD_ACCESS_KEY_SECRET (oss), TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY (cos), HW_ACCESS_KEY",
  "and HW_SECRET_KEY (obs), AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (s3), each with its optional token.",
].join("\n");

type Env = Readonly<Record<string, string | undefined>>;

export interface ImportIo {
  out(text: string): void;
  err(text: string): void;
  env: Env;
  /** Defaults to createInventoryClient. */
  createClient?: (vendor: Vendor, env: Env) => InventoryClient & { close?(): Promise<void> };
}

const defaultIo: ImportIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
};

interface Target {
  ref: BucketRef;
  inventoryId?: string;
}

class UsageError extends Error {}

function vendorOf(text: string, flag: string): Vendor {
  const vendor = text.toLowerCase();
  if (!(VENDORS as readonly string[]).includes(vendor)) throw new UsageError(`${flag} "${text}": use one of ${VENDORS.join(", ")}`);
  return vendor as Vendor;
}

function target(vendor: Vendor, region: string, bucket: string, inventoryId: string | undefined, endpoint: string | undefined): Target {
  const ref: BucketRef = { vendor, region: normalizeRegion(vendor, region) as string, bucket };
  if (endpoint) ref.endpoint = endpoint;
  return inventoryId === undefined ? { ref } : { ref, inventoryId };
}

/** `oss:cn-hangzhou:photos` or `oss:cn-hangzhou:photos:daily` (the resource id form; ids may hold ':'). */
function parseTarget(text: string, endpoint: string | undefined): Target {
  const m = /^([^:]+):([^:]+):([^:]+)(?::(.+))?$/.exec(text);
  if (!m) throw new UsageError(`"${text}": name a bucket as <vendor>:<region>:<bucket>[:<inventory-id>]`);
  return target(vendorOf(m[1], "vendor"), m[2], m[3], m[4], endpoint);
}

function parse(argv: string[]): Target[] | "help" {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      vendor: { type: "string" }, region: { type: "string" }, bucket: { type: "string" },
      "inventory-id": { type: "string" }, endpoint: { type: "string" }, help: { type: "boolean", short: "h" },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) return "help";
  const endpoint = normalizeEndpoint(values.endpoint) as string | undefined;
  const flags = ["vendor", "region", "bucket", "inventory-id"] as const;
  if (positionals.length > 0) {
    const mixed = flags.find((f) => values[f] !== undefined);
    if (mixed) throw new UsageError(`--${mixed} goes with naming one bucket by flags; with <vendor>:<region>:<bucket> arguments, leave it out`);
    return positionals.map((p) => parseTarget(p, endpoint));
  }
  for (const name of ["vendor", "region", "bucket"] as const) {
    if (!values[name]) throw new UsageError(`--${name} is required (or name buckets as <vendor>:<region>:<bucket>)`);
  }
  return [target(vendorOf(values.vendor!, "--vendor"), values.region!, values.bucket!, values["inventory-id"], endpoint)];
}

/** Credentials for `vendor` from the environment, or an error saying which variables to set. */
function requireEnvironmentCredentials(vendor: Vendor, env: Env): void {
  if (credentialsFor(vendor, {}, env)) return;
  const vars = CREDENTIAL_KEYS[vendor].env;
  throw new Error(
    `no ${vendor} credentials in the environment: set ${vars.id} and ${vars.secret} (and ${vars.token} for temporary credentials); ` +
      "bucket-inventory import reads the environment, not Pulumi stack config",
  );
}

function defaultClient(vendor: Vendor, env: Env) {
  return createInventoryClient({ credentials: { [vendor]: credentialsFor(vendor, {}, env)! } });
}

async function read(client: InventoryClient, { ref, inventoryId }: Target): Promise<InventoryConfig[]> {
  if (inventoryId === undefined) return client.listInventories(ref);
  const found = await client.getInventory(ref, inventoryId);
  if (!found) throw new Error(`no inventory configuration "${inventoryId}" on ${ref.vendor} bucket "${ref.bucket}" (or no such bucket)`);
  return [found];
}

/** What to print for a failure: a refused signer also names where the credentials came from. */
function describeFailure(error: unknown, vendor: Vendor, env: Env): string {
  const message = error instanceof Error ? error.message : String(error);
  if (!refusesSigner(error)) return message;
  return `the service refused the ${vendor} credentials (from ${credentialOrigin(vendor, {}, env)}): ${message}`;
}

async function readAll(targets: Target[], io: ImportIo): Promise<BucketConfigurations[]> {
  const clients = new Map<Vendor, InventoryClient & { close?(): Promise<void> }>();
  try {
    const groups: BucketConfigurations[] = [];
    for (const t of targets) {
      const vendor = t.ref.vendor;
      requireEnvironmentCredentials(vendor, io.env);
      if (!clients.has(vendor)) clients.set(vendor, (io.createClient ?? defaultClient)(vendor, io.env));
      try {
        groups.push({ ref: t.ref, configs: await read(clients.get(vendor)!, t) });
      } catch (error) {
        throw new Error(describeFailure(error, vendor, io.env));
      }
    }
    return groups;
  } finally {
    await Promise.all([...clients.values()].map((c) => c.close?.()));
  }
}

export async function run(argv: string[], io: ImportIo = defaultIo): Promise<number> {
  let targets: ReturnType<typeof parse>;
  try {
    targets = parse(argv);
  } catch (error) {
    io.err(`bucket-inventory import: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (targets === "help") {
    io.out(`${USAGE}\n`);
    return 0;
  }
  try {
    const groups = await readAll(targets, io);
    for (const g of groups) if (g.configs.length === 0) io.err(`no inventory configurations on ${g.ref.vendor} bucket "${g.ref.bucket}"\n`);
    io.out(renderDeclarationFile(groups, { generatedBy: "`bucket-inventory import`" }));
    return 0;
  } catch (error) {
    io.err(`bucket-inventory import: ${(error as Error).message}\n`);
    return 1;
  }
}
