import * as pulumi from "@pulumi/pulumi";
import { BucketInventory } from "../../../sdk";

const endpoint = new pulumi.Config("bucket-inventory").require("endpoint");

export const oss = new BucketInventory("oss-daily", {
  vendor: "oss", region: "cn-hangzhou", bucket: "photos", inventoryId: "daily",
  destination: { bucket: "reports", prefix: "inv", format: "CSV", accountId: "1000000000000001", roleArn: "acs:ram::1000000000000001:role/AliyunOSSRole" },
  schedule: { frequency: "Daily" }, includedObjectVersions: "Current", optionalFields: ["Size", "ETag"], endpoint,
});

export const s3 = new BucketInventory("s3-daily", {
  vendor: "s3", region: "us-east-1", bucket: "photos", inventoryId: "daily",
  destination: { bucket: "reports", prefix: "inv", format: "CSV" },
  schedule: { frequency: "Daily" }, includedObjectVersions: "Current", optionalFields: ["Size"], endpoint,
});
