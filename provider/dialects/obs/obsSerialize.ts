import type { InventoryConfig } from "../../model/inventoryConfig";
import { buildXml, element, leaf } from "../../xml/buildXml";

/**
 * Model → OBS PUT inventory body (OBS API reference "Configuring Bucket Inventories", seed 002), in its order:
 * Id, IsEnabled, Filter{Prefix}, Destination{Format, Bucket, Prefix} (flat: no wrapper, no account, no
 * encryption; the bucket is the plain name), Schedule, IncludedObjectVersions, OptionalFields.
 */
export function serializeObsInventory(config: InventoryConfig): string {
  const d = config.destination;
  const root = element(
    "InventoryConfiguration",
    leaf("Id", config.id),
    leaf("IsEnabled", config.enabled),
    element("Filter", leaf("Prefix", config.filter?.prefix)),
    element("Destination", leaf("Format", d.format), leaf("Bucket", d.bucket), leaf("Prefix", d.prefix)),
    element("Schedule", leaf("Frequency", config.schedule.frequency)),
    leaf("IncludedObjectVersions", config.includedObjectVersions),
    element("OptionalFields", ...config.optionalFields.map((f) => leaf("Field", f))),
  );
  return buildXml(root);
}
