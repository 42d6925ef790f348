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
  readEncryption,
  readInventoryPage,
  requiredChild,
  stripArn,
} from "../inventoryElements";

const LIST_ROOTS = ["ListInventoryConfigurationsResult"];
const parse = createXmlParser();

function readS3Config(config: XmlElement): InventoryConfig {
  const dest = requiredChild(requiredChild(config, "Destination", config), "S3BucketDestination", config);
  return definedOnly<InventoryConfig>({
    ...readCommonFields(config),
    filter: nonEmpty({ prefix: optionalText(config.child("Filter"), "Prefix") }),
    destination: definedOnly({
      bucket: stripArn(dest.requiredText("Bucket"), /^arn:aws[a-z-]*:s3:::/),
      prefix: optionalText(dest, "Prefix"),
      format: dest.requiredText("Format").trim() as Format,
      accountId: optionalText(dest, "AccountId")?.trim(),
      encryption: readEncryption(dest),
    }),
  });
}

export function deserializeS3Inventory(body: string, meta?: ResponseMeta): InventoryConfig {
  return readS3Config(readDocument(parse, body, ["InventoryConfiguration"], meta));
}

export function deserializeS3InventoryPage(body: string, meta?: ResponseMeta): InventoryPage {
  return readInventoryPage(readDocument(parse, body, LIST_ROOTS, meta), readS3Config);
}

/** GetBucketLocation: empty means us-east-1, the legacy "EU" means eu-west-1. */
export function deserializeS3Location(body: string, meta?: ResponseMeta): string {
  const text = readDocument(parse, body, ["LocationConstraint"], meta).text.trim();
  if (text === "") return "us-east-1";
  return text === "EU" ? "eu-west-1" : text;
}
