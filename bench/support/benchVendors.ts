/**
 * Who and where the benchmark works, per vendor, from the fake cloud's default seed (tests/fake/defaultSeed.json):
 * the main account's key pair, its "photos" source bucket and "reports" destination in the same region, and one
 * valid inventory configuration. Every measure uses these, so all numbers are about the same requests.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { BucketRef, InventoryConfig, Vendor } from "../../provider/model/inventoryConfig";

export const BENCH_VENDORS: Vendor[] = ["oss", "cos", "obs", "s3"];

export interface SeedAccount {
  vendor: Vendor;
  accountId: string;
  appId?: string;
  accessKeyId: string;
  secretAccessKey: string;
}

interface Seed {
  accounts: SeedAccount[];
}

export const DEFAULT_SEED_FILE = path.resolve(__dirname, "..", "..", "tests", "fake", "defaultSeed.json");

let seed: Seed | undefined;
function loadSeed(): Seed {
  seed ??= JSON.parse(fs.readFileSync(DEFAULT_SEED_FILE, "utf8")) as Seed;
  return seed;
}

/** The first account of the vendor in the seed: the one owning "photos" and "reports". */
export function mainAccount(vendor: Vendor): SeedAccount {
  const account = loadSeed().accounts.find((a) => a.vendor === vendor);
  if (!account) throw new Error(`the default seed has no ${vendor} account`);
  return account;
}

export interface VendorPlace {
  region: string;
  source: string;
  destination: string;
}

export const PLACES: Record<Vendor, VendorPlace> = {
  oss: { region: "cn-hangzhou", source: "photos", destination: "reports" },
  cos: { region: "ap-guangzhou", source: "photos-1250000000", destination: "reports-1250000000" },
  obs: { region: "cn-north-4", source: "photos", destination: "reports" },
  s3: { region: "us-east-1", source: "photos", destination: "reports" },
};

/** Most configurations one source bucket takes (OBS: 10; the others 1,000). */
export const BUCKET_LIMIT: Record<Vendor, number> = { oss: 1000, cos: 1000, obs: 10, s3: 1000 };

/** `bucket`: another source bucket of the main account in the same region (the bench seed's extra buckets). */
export function sourceRef(vendor: Vendor, endpoint: string, bucket = PLACES[vendor].source): BucketRef {
  return { vendor, region: PLACES[vendor].region, bucket, endpoint };
}

/**
 * A valid configuration with id `id`. Its filter prefix is derived from the id, so any number of them can share
 * an OBS bucket without overlapping prefixes (OBS refuses prefixes that contain one another).
 */
export function sampleConfig(vendor: Vendor, id: string): InventoryConfig {
  const account = mainAccount(vendor);
  const destination: InventoryConfig["destination"] = { bucket: PLACES[vendor].destination, prefix: "inventory/", format: "CSV" };
  if (vendor === "oss") {
    destination.accountId = account.accountId;
    destination.roleArn = `acs:ram::${account.accountId}:role/AliyunOSSRole`;
  }
  return {
    id,
    enabled: true,
    filter: { prefix: `${id}/` },
    destination,
    schedule: { frequency: "Daily" },
    includedObjectVersions: "Current",
    optionalFields: ["Size", "LastModifiedDate"],
  };
}

/** The same configuration as BucketInventory resource arguments (what a Pulumi program declares). */
export function sampleArgs(vendor: Vendor, id: string, endpoint: string, bucket = PLACES[vendor].source): Record<string, unknown> {
  const { id: inventoryId, ...config } = sampleConfig(vendor, id);
  return { vendor, region: PLACES[vendor].region, bucket, inventoryId, endpoint, ...config };
}

/** Stack config with the main account's keys for every vendor, as `pulumi config set --secret` would hold them. */
export const CREDENTIAL_CONFIG_KEYS: Record<Vendor, [string, string]> = {
  oss: ["ossAccessKeyId", "ossAccessKeySecret"],
  cos: ["cosSecretId", "cosSecretKey"],
  obs: ["obsAccessKey", "obsSecretKey"],
  s3: ["s3AccessKeyId", "s3SecretAccessKey"],
};

export function credentialsOf(vendor: Vendor): { accessKeyId: string; secretAccessKey: string } {
  const { accessKeyId, secretAccessKey } = mainAccount(vendor);
  return { accessKeyId, secretAccessKey };
}
