/**
 * Huawei Cloud OBS. At most 10 inventories per bucket, and their prefixes must not contain one another (preview
 * checks both against the live bucket). The destination must be in the source's region and account; OBS has no
 * destination account or encryption setting. Credentials: bucket-inventory:obsAccessKey / obsSecretKey or
 * HW_ACCESS_KEY / HW_SECRET_KEY.
 */
import { BucketInventory } from "../../sdk";

export const inventories = ["images/", "videos/"].map(
  (prefix) =>
    new BucketInventory(`obs-photos-${prefix.slice(0, -1)}`, {
      vendor: "obs",
      region: "cn-north-4",
      bucket: "photos",
      inventoryId: prefix.slice(0, -1),
      destination: { bucket: "reports", prefix: `inventory/${prefix}` },
      filter: { prefix },
      schedule: { frequency: "Daily" },
      optionalFields: ["Size", "StorageClass", "EncryptionStatus"],
    }),
);

export const resourceIds = inventories.map((i) => i.resourceId);
