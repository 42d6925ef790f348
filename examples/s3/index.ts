/**
 * AWS S3. The destination must be in the source's region; it may belong to another account, and a stated
 * `accountId` is checked against the destination's real owner at preview. S3 also writes ORC and Parquet.
 * Credentials: bucket-inventory:s3AccessKeyId / s3SecretAccessKey or AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY.
 */
import { BucketInventory } from "../../sdk";

export const toPartner = new BucketInventory("s3-photos-to-partner", {
  vendor: "s3",
  region: "us-east-1",
  bucket: "photos",
  inventoryId: "partner-daily",
  destination: {
    bucket: "arn:aws:s3:::partner-reports",
    accountId: "222222222222",
    prefix: "from-photos/",
    format: "ORC",
    encryption: { sseS3: {} },
  },
  schedule: { frequency: "Daily" },
  optionalFields: ["Size", "LastModifiedDate", "StorageClass", "ObjectLockMode", "ChecksumAlgorithm"],
});

export const resourceId = toPartner.resourceId;
