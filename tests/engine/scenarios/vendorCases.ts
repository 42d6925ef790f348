/**
 * Per vendor, the BucketInventory arguments the scenarios use, all against the fake cloud's default seed
 * (tests/fake/defaultSeed.json): a valid configuration on the main account's "photos" bucket, and the
 * destinations that make each preview-time mistake (another region, another account).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Vendor } from "../../../provider/model/inventoryConfig";
import { secret } from "../harness/propertyValues";
import type { PropertyMap } from "../harness/pulumiRpc";

export const VENDOR_LIST: Vendor[] = ["oss", "cos", "obs", "s3"];

interface SeedAccount {
  vendor: Vendor;
  accountId: string;
  accessKeyId: string;
  secretAccessKey: string;
}

const seedFile = path.resolve(__dirname, "..", "..", "fake", "defaultSeed.json");
export const seedAccounts: SeedAccount[] = JSON.parse(fs.readFileSync(seedFile, "utf8")).accounts;

/** The first (main) seed account of each vendor: the one whose buckets the scenarios use. */
export function mainAccount(vendor: Vendor): SeedAccount {
  return seedAccounts.find((a) => a.vendor === vendor)!;
}

const CONFIG_KEYS: Record<Vendor, [string, string]> = {
  oss: ["ossAccessKeyId", "ossAccessKeySecret"],
  cos: ["cosSecretId", "cosSecretKey"],
  obs: ["obsAccessKey", "obsSecretKey"],
  s3: ["s3AccessKeyId", "s3SecretAccessKey"],
};

/** Stack config as `pulumi config set --secret bucket-inventory:<key> …` would hold it, for every vendor. */
export function credentialConfig(extra: PropertyMap = {}): PropertyMap {
  const config: PropertyMap = { ...extra };
  for (const vendor of VENDOR_LIST) {
    const [idKey, secretKey] = CONFIG_KEYS[vendor];
    config[`bucket-inventory:${idKey}`] = secret(mainAccount(vendor).accessKeyId);
    config[`bucket-inventory:${secretKey}`] = secret(mainAccount(vendor).secretAccessKey);
  }
  return config;
}

/** Every credential byte the scenarios hand out: none of these may appear in state or logs. */
export function credentialStrings(): string[] {
  return seedAccounts.flatMap((a) => [a.accessKeyId, a.secretAccessKey]);
}

interface VendorSetup {
  region: string;
  source: string;
  destination: string;
  otherRegionDestination: string;
  otherAccountDestination: string;
  /** Destination fields the vendor requires besides the bucket (OSS: owner UID and role). */
  destinationExtras: (accountId: string) => Record<string, unknown>;
  /** A field this vendor does not have, and the property path check names for it. */
  foreignField: { args: Record<string, unknown>; property: string };
}

export const SETUPS: Record<Vendor, VendorSetup> = {
  oss: {
    region: "cn-hangzhou",
    source: "photos",
    destination: "reports",
    otherRegionDestination: "reports-beijing",
    otherAccountDestination: "partner-reports",
    destinationExtras: (accountId) => ({ accountId, roleArn: `acs:ram::${accountId}:role/AliyunOSSRole` }),
    foreignField: { args: { destinationEncryption: { sseS3: {} } }, property: "destination.encryption" },
  },
  cos: {
    region: "ap-guangzhou",
    source: "photos-1250000000",
    destination: "reports-1250000000",
    otherRegionDestination: "reports-bj-1250000000",
    otherAccountDestination: "partner-reports-1250000001",
    destinationExtras: () => ({}),
    foreignField: { args: { incrementalInventory: { enabled: true, schedule: { frequency: 600 }, optionalFields: ["Size"] } }, property: "incrementalInventory" },
  },
  obs: {
    region: "cn-north-4",
    source: "photos",
    destination: "reports",
    otherRegionDestination: "reports-shanghai",
    otherAccountDestination: "partner-reports",
    destinationExtras: () => ({}),
    foreignField: { args: { destinationEncryption: { sseKms: { keyId: "key-1" } } }, property: "destination.encryption" },
  },
  s3: {
    region: "us-east-1",
    source: "photos",
    destination: "reports",
    otherRegionDestination: "reports-eu",
    otherAccountDestination: "partner-reports",
    destinationExtras: () => ({}),
    foreignField: { args: { filter: { prefix: "logs/", lowerSizeBound: 1024 } }, property: "filter.lowerSizeBound" },
  },
};

/**
 * Valid arguments for one inventory on the vendor's main "photos" bucket. `overrides` replace top-level fields;
 * `destination` overrides merge into the destination; `destinationEncryption` sets destination.encryption.
 */
export function inventoryArgs(vendor: Vendor, endpoint: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const setup = SETUPS[vendor];
  const { destination: destinationOverrides, destinationEncryption, ...rest } = overrides as {
    destination?: Record<string, unknown>;
    destinationEncryption?: unknown;
  } & Record<string, unknown>;
  const destination: Record<string, unknown> = {
    bucket: setup.destination,
    prefix: "inventory/",
    format: "CSV",
    ...setup.destinationExtras(mainAccount(vendor).accountId),
    ...destinationOverrides,
  };
  if (destinationEncryption !== undefined) destination.encryption = destinationEncryption;
  return {
    vendor,
    region: setup.region,
    bucket: setup.source,
    inventoryId: "daily",
    enabled: true,
    destination,
    schedule: { frequency: "Daily" },
    includedObjectVersions: "Current",
    optionalFields: ["Size", "LastModifiedDate"],
    endpoint,
    ...rest,
  };
}

const DESTINATION_XML: Record<Vendor, string> = {
  oss:
    "<OSSBucketDestination><Format>CSV</Format><AccountId>1000000000000001</AccountId>" +
    "<RoleArn>acs:ram::1000000000000001:role/AliyunOSSRole</RoleArn><Bucket>acs:oss:::reports</Bucket>" +
    "<Prefix>other/</Prefix></OSSBucketDestination>",
  cos: "<COSBucketDestination><Format>CSV</Format><Bucket>qcs::cos:ap-guangzhou::reports-1250000000</Bucket><Prefix>other/</Prefix></COSBucketDestination>",
  obs: "<Format>CSV</Format><Bucket>reports</Bucket><Prefix>other/</Prefix>",
  s3: "<S3BucketDestination><Bucket>arn:aws:s3:::reports</Bucket><Format>CSV</Format><Prefix>other/</Prefix></S3BucketDestination>",
};

/**
 * A configuration document in the vendor's own XML (as its GET returns it), for configurations made outside this
 * stack through the fake's admin API: by another team, a console, another tool.
 */
export function vendorInventoryXml(vendor: Vendor, id: string, options: { filterPrefix?: string; frequency?: "Daily" | "Weekly" } = {}): string {
  const filter = options.filterPrefix === undefined ? "" : `<Filter><Prefix>${options.filterPrefix}</Prefix></Filter>`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?><InventoryConfiguration><Id>${id}</Id><IsEnabled>true</IsEnabled>${filter}` +
    `<Destination>${DESTINATION_XML[vendor]}</Destination><Schedule><Frequency>${options.frequency ?? "Daily"}</Frequency></Schedule>` +
    "<IncludedObjectVersions>Current</IncludedObjectVersions><OptionalFields><Field>Size</Field></OptionalFields></InventoryConfiguration>"
  );
}
