import type { Format, InventoryConfig } from "../../model/inventoryConfig";
import { createXmlParser } from "../../xml/createXmlParser";
import type { XmlElement } from "../../xml/xmlElement";
import type { InventoryPage, ResponseMeta } from "../dialect";
import {
  definedOnly,
  nonEmpty,
  optionalText,
  readCommonFields,
  readDocument,
  readInventoryPage,
  requiredChild,
  stripArn,
} from "../inventoryElements";

/** OBS's own list root, and the S3-compatible one its SDK also understands. */
const LIST_ROOTS = ["ListInventoryConfiguration", "ListInventoryConfigurationsResult"];
const parse = createXmlParser();

function readObsConfig(config: XmlElement): InventoryConfig {
  const outer = requiredChild(config, "Destination", config);
  // S3-compatible responses wrap the destination; OBS's own are flat.
  const dest = outer.child("S3BucketDestination") ?? outer;
  return definedOnly<InventoryConfig>({
    ...readCommonFields(config),
    filter: nonEmpty({ prefix: optionalText(config.child("Filter"), "Prefix") }),
    destination: definedOnly({
      bucket: stripArn(dest.requiredText("Bucket"), /^arn:aws:s3:::/),
      prefix: optionalText(dest, "Prefix"),
      format: dest.requiredText("Format").trim() as Format,
    }),
  });
}

export function deserializeObsInventory(body: string, meta?: ResponseMeta): InventoryConfig {
  return readObsConfig(readDocument(parse, body, ["InventoryConfiguration"], meta));
}

/** OBS returns every configuration on one page: there is never a next token. */
export function deserializeObsInventoryPage(body: string, meta?: ResponseMeta): InventoryPage {
  const { configurations } = readInventoryPage(readDocument(parse, body, LIST_ROOTS, meta), readObsConfig);
  return { configurations };
}

/** GET Bucket location: `<Location>cn-north-4</Location>` (S3-compatible: LocationConstraint). */
export function deserializeObsLocation(body: string, meta?: ResponseMeta): string | undefined {
  const root = readDocument(parse, body, ["Location", "LocationConstraint", "CreateBucketConfiguration"], meta);
  const text = root.name === "CreateBucketConfiguration" ? root.textOf("LocationConstraint") : root.text;
  return text?.trim() || undefined;
}

/** GET Bucket acl: Owner/ID is the owning account's domain id. */
export function deserializeObsBucketOwner(body: string, meta?: ResponseMeta): string | undefined {
  return optionalText(readDocument(parse, body, ["AccessControlPolicy"], meta).child("Owner"), "ID")?.trim();
}
