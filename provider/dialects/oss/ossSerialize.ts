import type { InventoryConfig, InventoryEncryption, InventoryFilter } from "../../model/inventoryConfig";
import { buildXml, element, leaf, marker, type XmlNode } from "../../xml/buildXml";

/** `acs:oss:::<bucket>`: how OSS names the destination bucket inside a configuration. */
export function ossDestinationArn(bucket: string): string {
  return `acs:oss:::${bucket}`;
}

function filterNode(filter: InventoryFilter | undefined): XmlNode {
  return element(
    "Filter",
    leaf("Prefix", filter?.prefix),
    leaf("LastModifyBeginTimeStamp", filter?.lastModifyBeginTimeStamp),
    leaf("LastModifyEndTimeStamp", filter?.lastModifyEndTimeStamp),
    leaf("LowerSizeBound", filter?.lowerSizeBound),
    leaf("UpperSizeBound", filter?.upperSizeBound),
    leaf("StorageClass", filter?.storageClasses?.join(",")),
  );
}

function encryptionNode(encryption: InventoryEncryption | undefined): XmlNode | undefined {
  if (encryption?.sseKms) return element("Encryption", marker("SSE-KMS", leaf("KeyId", encryption.sseKms.keyId)));
  if (encryption?.sseOss) return element("Encryption", marker("SSE-OSS"));
  return undefined;
}

function fieldsNode(fields: string[] | undefined): XmlNode {
  return element("OptionalFields", ...(fields ?? []).map((f) => leaf("Field", f)));
}

/**
 * Model → PutBucketInventory body, in the order of the OSS API reference example: Id, IsEnabled, Filter,
 * Destination/OSSBucketDestination{Format, AccountId, RoleArn, Bucket, Prefix, Encryption}, Schedule,
 * IncludedObjectVersions, OptionalFields, IncrementalInventory.
 */
export function serializeOssInventory(config: InventoryConfig): string {
  const d = config.destination;
  const inc = config.incrementalInventory;
  const root = element(
    "InventoryConfiguration",
    leaf("Id", config.id),
    leaf("IsEnabled", config.enabled),
    filterNode(config.filter),
    element(
      "Destination",
      element(
        "OSSBucketDestination",
        leaf("Format", d.format),
        leaf("AccountId", d.accountId),
        leaf("RoleArn", d.roleArn),
        leaf("Bucket", ossDestinationArn(d.bucket)),
        leaf("Prefix", d.prefix),
        encryptionNode(d.encryption),
      ),
    ),
    element("Schedule", leaf("Frequency", config.schedule.frequency)),
    leaf("IncludedObjectVersions", config.includedObjectVersions),
    fieldsNode(config.optionalFields),
    inc &&
      element(
        "IncrementalInventory",
        leaf("IsEnabled", inc.enabled),
        element("Schedule", leaf("Frequency", inc.schedule.frequency)),
        fieldsNode(inc.optionalFields),
      ),
  );
  return buildXml(root, { declaration: true });
}
