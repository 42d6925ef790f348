/**
 * One inventory policy, four clouds: the same daily report of every object's size and storage class on each
 * vendor's "photos" bucket, each written to that vendor's "reports" bucket in the same region and account.
 */
import { BucketInventory, type BucketInventoryArgs } from "../../sdk";

const common = {
  inventoryId: "daily-sizes",
  schedule: { frequency: "Daily" as const },
  optionalFields: ["Size", "StorageClass", "LastModifiedDate"],
};

const perVendor: Record<string, BucketInventoryArgs> = {
  oss: {
    ...common, vendor: "oss", region: "cn-hangzhou", bucket: "photos",
    destination: { bucket: "reports", prefix: "daily-sizes/", accountId: "1000000000000001", roleArn: "acs:ram::1000000000000001:role/AliyunOSSRole" },
  },
  cos: { ...common, vendor: "cos", region: "ap-guangzhou", bucket: "photos-1250000000", destination: { bucket: "reports-1250000000", prefix: "daily-sizes/" } },
  obs: { ...common, vendor: "obs", region: "cn-north-4", bucket: "photos", destination: { bucket: "reports", prefix: "daily-sizes/" } },
  s3: { ...common, vendor: "s3", region: "us-east-1", bucket: "photos", destination: { bucket: "reports", prefix: "daily-sizes/" } },
};

export const inventories = Object.entries(perVendor).map(([vendor, args]) => new BucketInventory(`${vendor}-photos-daily-sizes`, args));
export const resourceIds = inventories.map((i) => i.resourceId);
