/**
 * The quick start as a pull request would change it, with mistakes in the three inventories it adds: for the
 * demo's review step, where `pulumi preview` must catch each one before merge. Nothing is created from it.
 */
import { BucketInventory } from "../../sdk";

export * from "../quickstart";

// Reports to a bucket in another region: OSS (like every vendor) writes reports only within the source's region.
export const crossRegion = new BucketInventory("photos-to-beijing", {
  vendor: "oss", region: "cn-hangzhou", bucket: "photos", inventoryId: "to-beijing",
  destination: {
    bucket: "reports-beijing", format: "CSV",
    accountId: "1000000000000001", roleArn: "acs:ram::1000000000000001:role/AliyunOSSRole",
  },
  schedule: { frequency: "Daily" },
});

// A field OBS does not have, and a prefix that contains the quick start's "images/" inventory on the same bucket.
export const obsMistakes = new BucketInventory("photos-obs-everything", {
  vendor: "obs", region: "cn-north-4", bucket: "photos", inventoryId: "everything",
  destination: { bucket: "reports", format: "CSV" },
  schedule: { frequency: "Daily" },
  filter: { prefix: "images" },
  optionalFields: ["Size", "ObjectOwner"],
});

// S3 accepts another account's destination, but a stated accountId must be its real owner.
export const wrongOwner = new BucketInventory("photos-to-partner", {
  vendor: "s3", region: "us-east-1", bucket: "photos", inventoryId: "to-partner",
  destination: { bucket: "partner-reports", format: "CSV", accountId: "111111111111" },
  schedule: { frequency: "Weekly" },
});
