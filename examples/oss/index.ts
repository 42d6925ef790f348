/**
 * Alibaba Cloud OSS. The destination must be in the source's region and account; OSS assumes `roleArn` to write
 * the reports. Time/size/storage-class filters work only in cn-qingdao, cn-huhehaote and eu-central-1.
 * Credentials: bucket-inventory:ossAccessKeyId / ossAccessKeySecret (stack config, as secrets) or
 * ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET.
 */
import { BucketInventory } from "../../sdk";

const account = "1000000000000001";

export const daily = new BucketInventory("oss-photos-daily", {
  vendor: "oss",
  region: "cn-hangzhou",
  bucket: "photos",
  inventoryId: "daily",
  destination: {
    bucket: "acs:oss:::reports", // or just "reports"
    prefix: "inventory/",
    accountId: account,
    roleArn: `acs:ram::${account}:role/AliyunOSSRole`,
    encryption: { sseOss: {} },
  },
  schedule: { frequency: "Daily" },
  includedObjectVersions: "All",
  optionalFields: ["Size", "LastModifiedDate", "StorageClass", "IsMultipartUploaded", "EncryptionStatus"],
});

export const resourceId = daily.resourceId;
