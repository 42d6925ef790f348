import type { InventoryConfig, Vendor } from "../model/inventoryConfig";

/** What most often keeps a vendor's reports from arriving, from its own setup documents. */
const DELIVERY_CAUSES: Readonly<Record<Vendor, string[]>> = {
  oss: [
    "the RAM role in destination.roleArn cannot write to the destination bucket (OSS assumes it to write reports: " +
      "its policy needs oss:PutObject on the destination; OSS PutBucketInventory, seed 004)",
    "the role does not exist or does not trust oss.aliyuncs.com",
  ],
  cos: [
    "the COS_QcsRole service role is missing or lacks write permission on the destination bucket " +
      "(COS Inventory Overview: create COS_QcsRole and bind QcloudCOSFullAccess)",
    "the destination bucket's ACL or policy does not let COS write (PUT Bucket inventory: the account must have write permission on the target bucket)",
  ],
  obs: [
    "the destination bucket policy does not grant OBS write permission (the console adds it when an inventory is created; " +
      "one created through the API needs it added: obs_03_0084)",
    "the destination bucket has default server-side encryption, which OBS inventories do not support (obs_03_0083)",
  ],
  s3: [
    "the destination bucket policy does not grant s3.amazonaws.com s3:PutObject for this source (Creating a destination bucket policy)",
    "the KMS key chosen for the report lacks a key policy for s3.amazonaws.com (Granting Amazon S3 permission to use your KMS key)",
  ],
};

export interface CauseFacts {
  /** Whether the source holds at least one object under the filter prefix; undefined when not looked up. */
  sourceHasObjects?: boolean;
}

/** Likely causes of "no report", the ones we can confirm first. */
export function likelyCauses(vendor: Vendor, config: InventoryConfig, facts: CauseFacts = {}): string[] {
  const causes: string[] = [];
  if (!config.enabled) causes.push("the configuration is disabled (IsEnabled false): no report is generated until it is enabled");
  if (facts.sourceHasObjects === false) {
    const where = config.filter?.prefix ? `under the filter prefix "${config.filter.prefix}"` : "in the source bucket";
    const vendorNote = vendor === "oss" ? " (OSS writes no report at all then: seed 003)" : "";
    causes.push(`no object ${where}${vendorNote}`);
  }
  return [...causes, ...DELIVERY_CAUSES[vendor]];
}
