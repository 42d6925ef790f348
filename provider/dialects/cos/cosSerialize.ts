import type { BucketRef, InventoryConfig, InventoryFilter } from "../../model/inventoryConfig";
import { buildXml, element, leaf, marker, type XmlNode } from "../../xml/buildXml";

/** `qcs::cos:<region>::<bucket>-<appid>`: COS names the destination with the source's region (same-region rule). */
export function cosDestinationArn(bucket: string, region: string): string {
  return `qcs::cos:${region}::${bucket}`;
}

/** Seed 001's `Filter/Prefix`, the only filter COS documents for PUT Bucket inventory (docs/vendor-facts.md). */
function filterNode(filter: InventoryFilter | undefined): XmlNode | undefined {
  return filter && element("Filter", leaf("Prefix", filter.prefix));
}

/**
 * Model → PUT Bucket inventory body, in the COS API doc's order: Id, IsEnabled,
 * Destination/COSBucketDestination{Format, AccountId, Bucket, Prefix, Encryption}, Schedule, Filter,
 * IncludedObjectVersions, OptionalFields.
 */
export function serializeCosInventory(config: InventoryConfig, ref: Pick<BucketRef, "region">): string {
  const d = config.destination;
  const root = element(
    "InventoryConfiguration",
    leaf("Id", config.id),
    leaf("IsEnabled", config.enabled),
    element(
      "Destination",
      element(
        "COSBucketDestination",
        leaf("Format", d.format),
        leaf("AccountId", d.accountId),
        leaf("Bucket", cosDestinationArn(d.bucket, ref.region)),
        leaf("Prefix", d.prefix),
        d.encryption?.sseCos && element("Encryption", marker("SSE-COS")),
      ),
    ),
    element("Schedule", leaf("Frequency", config.schedule.frequency)),
    filterNode(config.filter),
    leaf("IncludedObjectVersions", config.includedObjectVersions),
    element("OptionalFields", ...config.optionalFields.map((f) => leaf("Field", f))),
  );
  return buildXml(root);
}
