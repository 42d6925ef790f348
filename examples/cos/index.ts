/**
 * Tencent Cloud COS. Bucket names carry the `-<appid>` suffix; the destination may be written as
 * `qcs::cos:<region>::<bucket>-<appid>`. COS stores a destination prefix with a trailing "/" (written either way
 * here, no diff). Credentials: bucket-inventory:cosSecretId / cosSecretKey or TENCENTCLOUD_SECRET_ID /
 * TENCENTCLOUD_SECRET_KEY.
 */
import { BucketInventory } from "../../sdk";

export const weekly = new BucketInventory("cos-photos-weekly", {
  vendor: "cos",
  region: "ap-guangzhou",
  bucket: "photos-1250000000",
  inventoryId: "weekly",
  destination: {
    bucket: "qcs::cos:ap-guangzhou::reports-1250000000",
    prefix: "inventory",
    encryption: { sseCos: {} },
  },
  schedule: { frequency: "Weekly" },
  optionalFields: ["Size", "LastModifiedDate", "ETag", "ReplicationStatus"],
});

export const resourceId = weekly.resourceId;
