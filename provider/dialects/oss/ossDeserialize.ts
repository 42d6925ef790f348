import type { IncrementalInventory, InventoryConfig, InventoryFilter, Format } from "../../model/inventoryConfig";
import { createXmlParser } from "../../xml/createXmlParser";
import type { XmlElement } from "../../xml/xmlElement";
import type { InventoryPage, ResponseMeta } from "../dialect";
import {
  definedOnly,
  nonEmpty,
  optionalText,
  readBoolean,
  readCommonFields,
  readDocument,
  readEncryption,
  readFields,
  readInteger,
  readInventoryPage,
  requiredChild,
  stripArn,
} from "../inventoryElements";

const LIST_ROOTS = ["ListInventoryConfigurationsResult"];
const parse = createXmlParser();

function readFilter(config: XmlElement): InventoryFilter | undefined {
  const f = config.child("Filter");
  if (!f) return undefined;
  const classes = (optionalText(f, "StorageClass") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  return nonEmpty<InventoryFilter>({
    prefix: optionalText(f, "Prefix"),
    lastModifyBeginTimeStamp: readInteger(f, "LastModifyBeginTimeStamp"),
    lastModifyEndTimeStamp: readInteger(f, "LastModifyEndTimeStamp"),
    lowerSizeBound: readInteger(f, "LowerSizeBound"),
    upperSizeBound: readInteger(f, "UpperSizeBound"),
    storageClasses: classes.length > 0 ? classes : undefined,
  });
}

function readIncremental(config: XmlElement): IncrementalInventory | undefined {
  const inc = config.child("IncrementalInventory");
  if (!inc || inc.isEmpty) return undefined;
  return {
    enabled: readBoolean(inc, "IsEnabled"),
    schedule: { frequency: readInteger(inc.child("Schedule"), "Frequency") ?? 0 },
    optionalFields: readFields(inc.child("OptionalFields")),
  };
}

function readOssConfig(config: XmlElement): InventoryConfig {
  const dest = requiredChild(requiredChild(config, "Destination", config), "OSSBucketDestination", config);
  return definedOnly<InventoryConfig>({
    ...readCommonFields(config),
    filter: readFilter(config),
    destination: definedOnly({
      bucket: stripArn(dest.requiredText("Bucket"), /^acs:oss:::/),
      prefix: optionalText(dest, "Prefix"),
      format: dest.requiredText("Format").trim() as Format,
      accountId: optionalText(dest, "AccountId")?.trim(),
      roleArn: optionalText(dest, "RoleArn")?.trim(),
      encryption: readEncryption(dest),
    }),
    incrementalInventory: readIncremental(config),
  });
}

/** GetBucketInventory body → model. */
export function deserializeOssInventory(body: string, meta?: ResponseMeta): InventoryConfig {
  return readOssConfig(readDocument(parse, body, ["InventoryConfiguration"], meta));
}

/** ListBucketInventory body → one page. */
export function deserializeOssInventoryPage(body: string, meta?: ResponseMeta): InventoryPage {
  return readInventoryPage(readDocument(parse, body, LIST_ROOTS, meta), readOssConfig);
}

/** GetBucketInfo: region from Location without "oss-", owner from Owner/ID. */
export function deserializeOssBucketInfo(body: string, meta?: ResponseMeta): { region?: string; ownerId?: string } {
  const bucket = readDocument(parse, body, ["BucketInfo"], meta).child("Bucket");
  return definedOnly({
    region: optionalText(bucket, "Location")?.trim().replace(/^oss-/, ""),
    ownerId: optionalText(bucket?.child("Owner"), "ID")?.trim(),
  });
}
