/**
 * `bucket-inventory import --vendor … --region … --bucket … [--inventory-id …] [--endpoint …]`: reads the live
 * configurations (every page) with credentials from the environment and prints ready-to-paste TypeScript
 * `new BucketInventory(...)` declarations with `adopt: true` (Pulumi cannot import dynamic resources).
 */
import { parseArgs } from "node:util";
import { createInventoryClient } from "../provider/client/createInventoryClient";
import type { InventoryClient } from "../provider/client/inventoryClient";
import { VENDORS, type BucketRef, type InventoryConfig, type Vendor } from "../provider/model/inventoryConfig";
import { normalizeEndpoint, normalizeRegion } from "../provider/model/normalize";
import { requireCredentials } from "../provider/resource/credentials";
import { renderDeclarations } from "../provider/resource/importCode";

export const USAGE = [
  "usage: bucket-inventory import --vendor <oss|cos|obs|s3> --region <region> --bucket <bucket> [--inventory-id <id>] [--endpoint <url>]",
  "",
  "Prints TypeScript BucketInventory declarations (adopt: true) for the bucket's inventory configurations.",
  "Credentials come from the environment: ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET (oss), TENCENTCLOUD_SECRET_ID/_KEY (cos),",
  "HW_ACCESS_KEY/HW_SECRET_KEY (obs), AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (s3), each with its optional token.",
].join("\n");

export interface ImportIo {
  out(text: string): void;
  err(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
  /** Defaults to createInventoryClient. */
  createClient?: (vendor: Vendor, env: Readonly<Record<string, string | undefined>>) => InventoryClient & { close?(): Promise<void> };
}

const defaultIo: ImportIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
};

function parse(argv: string[]): { ref: BucketRef; inventoryId?: string } | { help: true } {
  const { values } = parseArgs({
    args: argv,
    options: {
      vendor: { type: "string" }, region: { type: "string" }, bucket: { type: "string" },
      "inventory-id": { type: "string" }, endpoint: { type: "string" }, help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) return { help: true };
  for (const name of ["vendor", "region", "bucket"] as const) {
    if (!values[name]) throw new UsageError(`--${name} is required`);
  }
  const vendor = values.vendor!.toLowerCase();
  if (!(VENDORS as readonly string[]).includes(vendor)) throw new UsageError(`--vendor "${values.vendor}": use one of ${VENDORS.join(", ")}`);
  const ref: BucketRef = { vendor: vendor as Vendor, region: normalizeRegion(vendor, values.region) as string, bucket: values.bucket! };
  const endpoint = normalizeEndpoint(values.endpoint) as string | undefined;
  if (endpoint) ref.endpoint = endpoint;
  return { ref, inventoryId: values["inventory-id"] };
}

class UsageError extends Error {}

function defaultClient(vendor: Vendor, env: Readonly<Record<string, string | undefined>>) {
  return createInventoryClient({ credentials: { [vendor]: requireCredentials(vendor, {}, env) } });
}

async function read(client: InventoryClient, ref: BucketRef, inventoryId?: string): Promise<InventoryConfig[]> {
  if (inventoryId === undefined) return client.listInventories(ref);
  const found = await client.getInventory(ref, inventoryId);
  if (!found) throw new Error(`no inventory configuration "${inventoryId}" on ${ref.vendor} bucket "${ref.bucket}" (or no such bucket)`);
  return [found];
}

export async function run(argv: string[], io: ImportIo = defaultIo): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.err(`bucket-inventory import: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if ("help" in parsed) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  const { ref, inventoryId } = parsed;
  let client: (InventoryClient & { close?(): Promise<void> }) | undefined;
  try {
    requireCredentials(ref.vendor, {}, io.env);
    client = (io.createClient ?? defaultClient)(ref.vendor, io.env);
    const configs = await read(client, ref, inventoryId);
    if (configs.length === 0) io.err(`no inventory configurations on ${ref.vendor} bucket "${ref.bucket}"\n`);
    io.out(renderDeclarations(ref, configs));
    return 0;
  } catch (error) {
    io.err(`bucket-inventory import: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await client?.close?.();
  }
}
