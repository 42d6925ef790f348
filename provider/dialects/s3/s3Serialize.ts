import type { InventoryConfig, InventoryEncryption } from "../../model/inventoryConfig";
import { buildXml, element, leaf, marker, type XmlNode } from "../../xml/buildXml";

export const S3_XMLNS = "http://s3.amazonaws.com/doc/2006-03-01/";

/** `arn:aws:s3:::<bucket>`: S3 names the destination bucket by ARN. */
export function s3DestinationArn(bucket: string): string {
  return `arn:aws:s3:::${bucket}`;
}

function encryptionNode(encryption: InventoryEncryption | undefined): XmlNode | undefined {
  if (encryption?.sseKms) return element("Encryption", marker("SSE-KMS", leaf("KeyId", encryption.sseKms.keyId)));
  if (encryption?.sseS3) return element("Encryption", marker("SSE-S3"));
  return undefined;
}

/**
 * Model → PutBucketInventoryConfiguration body, in the order of the S3 API reference example: Id, IsEnabled,
 * Destination/S3BucketDestination{Bucket, Format, AccountId, Prefix, Encryption}, Schedule, Filter,
 * IncludedObjectVersions, OptionalFields. Filter is left out without a prefix (S3 requires Prefix inside it).
 */
export function serializeS3Inventory(config: InventoryConfig): string {
  const d = config.destination;
  const root: XmlNode = {
    ...element(
      "InventoryConfiguration",
      leaf("Id", config.id),
      leaf("IsEnabled", config.enabled),
      element(
        "Destination",
        element(
          "S3BucketDestination",
          leaf("Bucket", s3DestinationArn(d.bucket)),
          leaf("Format", d.format),
          leaf("AccountId", d.accountId),
          leaf("Prefix", d.prefix),
          encryptionNode(d.encryption),
        ),
      ),
      element("Schedule", leaf("Frequency", config.schedule.frequency)),
      element("Filter", leaf("Prefix", config.filter?.prefix)),
      leaf("IncludedObjectVersions", config.includedObjectVersions),
      element("OptionalFields", ...config.optionalFields.map((f) => leaf("Field", f))),
    ),
    xmlns: S3_XMLNS,
  };
  return buildXml(root, { declaration: true });
}
