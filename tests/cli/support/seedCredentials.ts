/**
 * The fake cloud's default seed (tests/fake/defaultSeed.json) as stack config: each vendor's main account, the one
 * whose buckets the quick start and the scenarios use, under the config keys the README's credentials table names.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Vendor } from "../../../provider/model/inventoryConfig";

interface SeedAccount {
  vendor: Vendor;
  accountId: string;
  accessKeyId: string;
  secretAccessKey: string;
}

const SEED = path.resolve(__dirname, "..", "..", "fake", "defaultSeed.json");
export const seedAccounts: SeedAccount[] = JSON.parse(fs.readFileSync(SEED, "utf8")).accounts;

export const CREDENTIAL_CONFIG_KEYS: Record<Vendor, [id: string, secret: string]> = {
  oss: ["ossAccessKeyId", "ossAccessKeySecret"],
  cos: ["cosSecretId", "cosSecretKey"],
  obs: ["obsAccessKey", "obsSecretKey"],
  s3: ["s3AccessKeyId", "s3SecretAccessKey"],
};

export function mainAccount(vendor: Vendor): SeedAccount {
  const account = seedAccounts.find((a) => a.vendor === vendor);
  if (!account) throw new Error(`the default seed has no ${vendor} account`);
  return account;
}

/** `bucket-inventory:<key>` and value, id then secret, per vendor. */
export function seedCredentials(vendors: Vendor[]): { vendor: Vendor; key: string; value: string }[] {
  return vendors.flatMap((vendor) => {
    const [idKey, secretKey] = CREDENTIAL_CONFIG_KEYS[vendor];
    const account = mainAccount(vendor);
    return [
      { vendor, key: `bucket-inventory:${idKey}`, value: account.accessKeyId },
      { vendor, key: `bucket-inventory:${secretKey}`, value: account.secretAccessKey },
    ];
  });
}

/** Every credential byte the seed hands out (ids and secrets of every account): none may reach state or output. */
export function allSeedCredentialStrings(): string[] {
  return seedAccounts.flatMap((a) => [a.accessKeyId, a.secretAccessKey]);
}
