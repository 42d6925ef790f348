/**
 * Quick start: one bucket inventory per vendor on the fake cloud's default seed, or on the real clouds. The provider
 * reads the endpoint from stack config (`bucket-inventory:endpoint`); without it, each vendor's public endpoint.
 *
 *   pulumi config set bucket-inventory:endpoint http://127.0.0.1:9000          # the fake cloud's URL
 *   pulumi config set --secret bucket-inventory:ossAccessKeyId FAKEOSSMAINKEY01
 *   pulumi config set --secret bucket-inventory:ossAccessKeySecret fake-oss-main-secret-0001
 *   pulumi config set --secret bucket-inventory:s3AccessKeyId FAKES3MAINKEY001
 *   pulumi config set --secret bucket-inventory:s3SecretAccessKey fake-s3-main-secret-0001
 *   pulumi config set --secret bucket-inventory:cosSecretId FAKECOSMAINKEY01
 *   pulumi config set --secret bucket-inventory:cosSecretKey fake-cos-main-secret-0001
 *   pulumi config set --secret bucket-inventory:obsAccessKey FAKEOBSMAINKEY01
 *   pulumi config set --secret bucket-inventory:obsSecretKey fake-obs-main-secret-0001
 *   pulumi preview && pulumi up
 *
 * In your own program, import from "pulumi-bucket-inventory" instead of the relative path.
 */
import { BucketInventory } from "../../sdk";

export const photosDaily = new BucketInventory("photos-daily", {
  vendor: "oss",
  region: "cn-hangzhou",
  bucket: "photos",
  inventoryId: "daily",
  enabled: true,
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
});

export const photosWeekly = new BucketInventory("photos-weekly-s3", {
  vendor: "s3",
  region: "us-east-1",
  bucket: "photos",
  inventoryId: "weekly",
  destination: { bucket: "arn:aws:s3:::reports", prefix: "inventory/", format: "Parquet", encryption: { sseS3: {} } },
  schedule: { frequency: "Weekly" },
  includedObjectVersions: "All",
  optionalFields: ["Size", "StorageClass", "ObjectOwner"],
});

// COS: bucket names carry the account's APPID; the destination may be written in COS's own ARN form.
export const photosCos = new BucketInventory("photos-cos", {
  vendor: "cos",
  region: "ap-guangzhou",
  bucket: "photos-1250000000",
  inventoryId: "daily",
  destination: { bucket: "qcs::cos:ap-guangzhou::reports-1250000000", prefix: "inventory/", format: "CSV", encryption: { sseCos: {} } },
  schedule: { frequency: "Daily" },
  optionalFields: ["Size", "ETag", "StorageClass"],
});

// OBS: at most 10 inventories per bucket, and their prefixes must not contain one another.
export const photosObs = new BucketInventory("photos-obs", {
  vendor: "obs",
  region: "cn-north-4",
  bucket: "photos",
  inventoryId: "images",
  destination: { bucket: "reports", prefix: "inventory/", format: "CSV" },
  schedule: { frequency: "Weekly" },
  filter: { prefix: "images/" },
  optionalFields: ["Size", "LastModifiedDate"],
});

export const resourceIds = [photosDaily.resourceId, photosWeekly.resourceId, photosCos.resourceId, photosObs.resourceId];
