/**
 * The configurations fault cells put and update: per vendor an "old" one and a "new" one that differs in several
 * fields, both valid on the seed (destination "reports" in the source's region and account), as resource
 * arguments and as the model the client takes.
 */
import type { BucketRef, InventoryConfig, Vendor } from "../../../provider/model/inventoryConfig";
import { normalizeConfig } from "../../../provider/model/normalize";

const DESTINATION: Record<Vendor, InventoryConfig["destination"]> = {
  oss: {
    bucket: "reports",
    format: "CSV",
    accountId: "1000000000000001",
    roleArn: "acs:ram::1000000000000001:role/AliyunOSSRole",
    encryption: { sseOss: {} },
  },
  cos: { bucket: "reports-1250000000", format: "CSV", encryption: { sseCos: {} } },
  obs: { bucket: "reports", format: "CSV" },
  s3: { bucket: "reports", format: "CSV", accountId: "111111111111", encryption: { sseS3: {} } },
};

const NEW_FIELDS: Record<Vendor, string[]> = {
  oss: ["Size", "ETag", "StorageClass"],
  cos: ["Size", "ETag", "StorageClass"],
  obs: ["Size", "ETag", "StorageClass"],
  s3: ["Size", "ETag", "StorageClass"],
};

/** The configuration a cell starts from. */
export function oldConfig(vendor: Vendor, id: string): InventoryConfig {
  return normalizeConfig(vendor, {
    id,
    enabled: true,
    filter: { prefix: "logs/" },
    destination: { ...DESTINATION[vendor], prefix: "old/" },
    schedule: { frequency: "Daily" },
    includedObjectVersions: "Current",
    optionalFields: ["Size"],
  });
}

/** The configuration a cell changes to: prefix, frequency, versions, fields and enabled all differ. */
export function newConfig(vendor: Vendor, id: string): InventoryConfig {
  return normalizeConfig(vendor, {
    id,
    enabled: false,
    filter: { prefix: "logs/2026/" },
    destination: { ...DESTINATION[vendor], prefix: "new/" },
    schedule: { frequency: "Weekly" },
    includedObjectVersions: "All",
    optionalFields: NEW_FIELDS[vendor],
  });
}

/** Resource arguments for a configuration on `ref`. */
export function argsFor(ref: BucketRef, config: InventoryConfig): Record<string, unknown> {
  const { id, ...rest } = config;
  return { vendor: ref.vendor, region: ref.region, bucket: ref.bucket, endpoint: ref.endpoint, inventoryId: id, ...rest };
}
