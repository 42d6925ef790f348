/** One valid BucketInventory argument set per vendor, on the default fake seed's buckets; tests vary one field. */
import type { Vendor } from "../../../provider/model/inventoryConfig";

export const VALID_ARGS: Record<Vendor, Record<string, unknown>> = {
  oss: {
    vendor: "oss",
    region: "cn-hangzhou",
    bucket: "photos",
    inventoryId: "daily",
    destination: {
      bucket: "reports",
      prefix: "inventory/",
      format: "CSV",
      accountId: "1000000000000001",
      roleArn: "acs:ram::1000000000000001:role/AliyunOSSRole",
      encryption: { sseKms: { keyId: "key-1" } },
    },
    schedule: { frequency: "Daily" },
    includedObjectVersions: "Current",
    optionalFields: ["Size", "LastModifiedDate", "ETag"],
    filter: { prefix: "logs/" },
  },
  cos: {
    vendor: "cos",
    region: "ap-guangzhou",
    bucket: "photos-1250000000",
    inventoryId: "daily",
    destination: { bucket: "reports-1250000000", prefix: "inventory/", format: "CSV", encryption: { sseCos: {} } },
    schedule: { frequency: "Weekly" },
    optionalFields: ["Size", "ETag"],
  },
  obs: {
    vendor: "obs",
    region: "cn-north-4",
    bucket: "photos",
    inventoryId: "daily",
    destination: { bucket: "reports", prefix: "inventory/", format: "CSV" },
    schedule: { frequency: "Daily" },
    filter: { prefix: "images/" },
    optionalFields: ["Size", "StorageClass"],
  },
  s3: {
    vendor: "s3",
    region: "us-east-1",
    bucket: "photos",
    inventoryId: "daily",
    destination: { bucket: "reports", prefix: "inventory/", format: "Parquet", accountId: "111111111111", encryption: { sseS3: {} } },
    schedule: { frequency: "Daily" },
    includedObjectVersions: "All",
    optionalFields: ["Size", "ObjectOwner"],
  },
};

/** A deep copy of the vendor's valid args with `patch` applied at dotted paths (`undefined` deletes). */
export function argsWith(vendor: Vendor, patch: Record<string, unknown> = {}): Record<string, unknown> {
  const args = structuredClone(VALID_ARGS[vendor]);
  for (const [path, value] of Object.entries(patch)) {
    const keys = path.split(".");
    let target = args as Record<string, unknown>;
    for (const k of keys.slice(0, -1)) {
      if (typeof target[k] !== "object" || target[k] === null) target[k] = {};
      target = target[k] as Record<string, unknown>;
    }
    const last = keys[keys.length - 1];
    if (value === undefined) delete target[last];
    else target[last] = value;
  }
  return args;
}
