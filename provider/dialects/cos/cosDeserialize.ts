import type { Format, InventoryConfig, InventoryFilter } from "../../model/inventoryConfig";
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
  readInteger,
  readInventoryPage,
  requiredChild,
  stripArn,
} from "../inventoryElements";

/** The docs spell the list root in the singular; the plural (S3's spelling) is accepted too. */
const LIST_ROOTS = ["ListInventoryConfigurationResult", "ListInventoryConfigurationsResult"];
const parse = createXmlParser();

/**
 * `Filter/Prefix`, and what a configuration made elsewhere (console, cos-go-sdk-v5) may hold: `Filter/And/{Prefix,
 * Tag, StorageClass}` and `Filter/Period`. We never send those (seed 001), but reading them makes such a filter show
 * as drift at refresh instead of hiding it.
 */
function readFilter(config: XmlElement): InventoryFilter | undefined {
  const f = config.child("Filter");
  if (!f) return undefined;
  const and = f.child("And");
  const period = f.child("Period");
  const tags = (and?.children("Tag") ?? []).map((t) => ({ key: t.textOf("Key") ?? "", value: t.textOf("Value") ?? "" }));
  const classes = (and?.textsOf("StorageClass") ?? []).flatMap((c) => c.split(",")).map((c) => c.trim()).filter(Boolean);
  return nonEmpty<InventoryFilter>({
    prefix: optionalText(and, "Prefix") ?? optionalText(f, "Prefix"),
    lastModifyBeginTimeStamp: readInteger(period, "StartTime"),
    lastModifyEndTimeStamp: readInteger(period, "EndTime"),
    storageClasses: classes.length > 0 ? classes : undefined,
    tags: tags.length > 0 ? tags : undefined,
  });
}

function readCosConfig(config: XmlElement): InventoryConfig {
  const dest = requiredChild(requiredChild(config, "Destination", config), "COSBucketDestination", config);
  return definedOnly<InventoryConfig>({
    ...readCommonFields(config),
    filter: readFilter(config),
    destination: definedOnly({
      bucket: stripArn(dest.requiredText("Bucket"), /^qcs::cos:[^:]*::/),
      prefix: optionalText(dest, "Prefix"),
      format: dest.requiredText("Format").trim() as Format,
      accountId: optionalText(dest, "AccountId")?.trim(),
      encryption: readEncryption(dest),
    }),
  });
}

export function deserializeCosInventory(body: string, meta?: ResponseMeta): InventoryConfig {
  return readCosConfig(readDocument(parse, body, ["InventoryConfiguration"], meta));
}

export function deserializeCosInventoryPage(body: string, meta?: ResponseMeta): InventoryPage {
  return readInventoryPage(readDocument(parse, body, LIST_ROOTS, meta), readCosConfig);
}

/** GET Bucket acl: Owner/ID is `qcs::cam::uin/<uin>:uin/<uin>`; the owning account is the first uin. */
export function deserializeCosBucketOwner(body: string, meta?: ResponseMeta): string | undefined {
  const id = optionalText(readDocument(parse, body, ["AccessControlPolicy"], meta).child("Owner"), "ID")?.trim();
  if (id === undefined) return undefined;
  return /uin\/(\d+)/.exec(id)?.[1] ?? id;
}
