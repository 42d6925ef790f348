import { readFileSync } from "node:fs";
import type { FakeVendor, VersioningStatus } from "./objects/objectRecord";
import defaultSeedJson from "./defaultSeed.json";

export type Vendor = FakeVendor;
export const VENDOR_NAMES: readonly Vendor[] = ["oss", "cos", "obs", "s3"];

export interface SeedAccount {
  vendor: Vendor;
  /** OSS UID, COS owner UIN, OBS domain id, AWS account id. */
  accountId: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** COS only: the APPID every bucket name of this account ends with. */
  appId?: string;
  /** OSS only: the account is allow-listed for incremental inventory. */
  incrementalInventory?: boolean;
}

export interface SeedBucket {
  vendor: Vendor;
  /** As the API addresses it; COS with its -appid suffix. */
  name: string;
  region: string;
  accountId: string;
  versioning: VersioningStatus;
  /**
   * As a destination: the source buckets (same vendor) whose inventories may write here, as a bucket policy or
   * role grant would allow. Absent: every source may (the console adds the grant); [] : none may.
   */
  inventoryGrants?: string[];
}

export interface Seed {
  accounts: SeedAccount[];
  buckets: SeedBucket[];
}

/** A seed that breaks the schema; the message lists every problem as `path: value: rule`. */
export class SeedError extends Error {
  constructor(readonly problems: string[], source: string) {
    super(`invalid fake-cloud seed (${source}):\n  ${problems.join("\n  ")}`);
    this.name = "SeedError";
  }
}

export function defaultSeed(): Seed {
  return validateSeed(defaultSeedJson, "tests/fake/defaultSeed.json");
}

export function loadSeedFile(path: string): Seed {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new SeedError([`cannot read JSON: ${(error as Error).message}`], path);
  }
  return validateSeed(parsed, path);
}

/** Checks the whole seed and returns a clean copy (versioning defaulted to Off). */
export function validateSeed(value: unknown, source = "seed"): Seed {
  const problems: string[] = [];
  const root = isObject(value) ? value : {};
  if (!isObject(value)) problems.push(`(root): must be an object with "accounts" and "buckets"`);
  const accounts = arrayAt(root, "accounts", problems).map((a, i) => checkAccount(a, `accounts[${i}]`, problems));
  const buckets = arrayAt(root, "buckets", problems).map((b, i) => checkBucket(b, `buckets[${i}]`, problems));
  checkReferences(accounts, buckets, problems);
  if (problems.length > 0) throw new SeedError(problems, source);
  return { accounts, buckets };
}

function checkAccount(raw: unknown, at: string, problems: string[]): SeedAccount {
  const a = isObject(raw) ? raw : {};
  if (!isObject(raw)) problems.push(`${at}: must be an object`);
  const vendor = vendorAt(a, at, problems);
  const account: SeedAccount = {
    vendor,
    accountId: stringAt(a, at, "accountId", problems),
    accessKeyId: stringAt(a, at, "accessKeyId", problems),
    secretAccessKey: stringAt(a, at, "secretAccessKey", problems, false),
  };
  if (vendor === "cos") {
    account.appId = stringAt(a, at, "appId", problems);
    if (account.appId && !/^\d+$/.test(account.appId)) problems.push(`${at}.appId: "${account.appId}": must be digits`);
  }
  if (a.incrementalInventory !== undefined) {
    if (typeof a.incrementalInventory !== "boolean") problems.push(`${at}.incrementalInventory: must be true or false`);
    else account.incrementalInventory = a.incrementalInventory;
  }
  return account;
}

function checkBucket(raw: unknown, at: string, problems: string[]): SeedBucket {
  const b = isObject(raw) ? raw : {};
  if (!isObject(raw)) problems.push(`${at}: must be an object`);
  const versioning = b.versioning ?? "Off";
  if (versioning !== "Off" && versioning !== "Enabled" && versioning !== "Suspended") {
    problems.push(`${at}.versioning: ${JSON.stringify(versioning)}: must be Off, Enabled or Suspended`);
  }
  const name = stringAt(b, at, "name", problems);
  const vendor = vendorAt(b, at, problems);
  // OSS names may also hold "_": seed 004's example destination is acs:oss:::bucket_0001 (tests/fake/README.md).
  const [pattern, chars] = vendor === "oss" ? [/^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$/, '".", "-" or "_"'] : [/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, '"." or "-"'];
  if (name && !pattern.test(name)) {
    problems.push(`${at}.name: "${name}": must be 3-63 lower-case letters, digits, ${chars}, starting and ending alphanumeric`);
  }
  const bucket: SeedBucket = {
    vendor,
    name,
    region: stringAt(b, at, "region", problems),
    accountId: stringAt(b, at, "accountId", problems),
    versioning: versioning as VersioningStatus,
  };
  if (b.inventoryGrants !== undefined) {
    const grants = b.inventoryGrants;
    if (!Array.isArray(grants) || grants.some((g) => typeof g !== "string" || g === "")) {
      problems.push(`${at}.inventoryGrants: ${JSON.stringify(grants)}: must be a list of source bucket names`);
    } else {
      bucket.inventoryGrants = [...grants];
    }
  }
  return bucket;
}

/** One pass over each list, owners looked up by key: a seed of any size is checked in linear time. */
function checkReferences(accounts: SeedAccount[], buckets: SeedBucket[], problems: string[]): void {
  const owners = new Map<string, SeedAccount>();
  for (const a of accounts) if (!owners.has(ownerKey(a))) owners.set(ownerKey(a), a);
  const keys = new Set<string>();
  accounts.forEach((a, i) => {
    if (keys.has(a.accessKeyId)) problems.push(`accounts[${i}].accessKeyId: "${a.accessKeyId}": must be unique`);
    keys.add(a.accessKeyId);
  });
  const names = new Set<string>();
  buckets.forEach((b, i) => {
    const id = `${b.vendor}:${b.name}`;
    if (names.has(id)) problems.push(`buckets[${i}].name: "${b.name}": must be unique among ${b.vendor} buckets`);
    names.add(id);
    const owner = owners.get(ownerKey(b));
    if (!owner) problems.push(`buckets[${i}].accountId: "${b.accountId}": names no ${b.vendor} account of the seed`);
    else if (b.vendor === "cos" && owner.appId && !b.name.endsWith(`-${owner.appId}`)) {
      problems.push(`buckets[${i}].name: "${b.name}": a COS bucket must end with its owner's "-${owner.appId}"`);
    }
  });
}

/** Vendor and account id; JSON keeps the pair apart whatever characters either holds. */
export function ownerKey(x: { vendor: Vendor; accountId: string }): string {
  return JSON.stringify([x.vendor, x.accountId]);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function arrayAt(obj: Record<string, unknown>, key: string, problems: string[]): unknown[] {
  const value = obj[key];
  if (Array.isArray(value)) return value;
  problems.push(`${key}: must be an array`);
  return [];
}

function stringAt(obj: Record<string, unknown>, at: string, key: string, problems: string[], showValue = true): string {
  const value = obj[key];
  if (typeof value === "string" && value.trim() !== "") return value;
  const shown = showValue ? `${JSON.stringify(value)}: ` : "";
  problems.push(`${at}.${key}: ${shown}must be a non-empty string`);
  return "";
}

function vendorAt(obj: Record<string, unknown>, at: string, problems: string[]): Vendor {
  const value = obj.vendor;
  if (typeof value === "string" && (VENDOR_NAMES as readonly string[]).includes(value)) return value as Vendor;
  problems.push(`${at}.vendor: ${JSON.stringify(value)}: must be one of ${VENDOR_NAMES.join(", ")}`);
  return "s3";
}
