/**
 * The fault matrix's end-state oracle, independent of the provider's serialize/deserialize/normalize: the old and
 * new configurations of cellConfigs.ts written out by hand as each vendor's XML document, compared with what the
 * fake cloud holds after parsing both with xml2js (a library neither the provider nor the fake uses), ignoring
 * element order and the order of field lists.
 */
import type { Vendor } from "../../../provider/model/inventoryConfig";

/* eslint-disable @typescript-eslint/no-require-imports -- xml2js is untyped here */
const xml2js = require("xml2js");

const FIELDS_OLD = "<OptionalFields><Field>Size</Field></OptionalFields>";
const FIELDS_NEW = "<OptionalFields><Field>Size</Field><Field>ETag</Field><Field>StorageClass</Field></OptionalFields>";

/** `{ID}` is the cell's id. Each pair differs in enabled, filter prefix, destination prefix, frequency, versions, fields. */
const DOCUMENTS: Record<Vendor, { old: string; new: string }> = {
  oss: {
    old:
      "<InventoryConfiguration><Id>{ID}</Id><IsEnabled>true</IsEnabled><Filter><Prefix>logs/</Prefix></Filter><Destination><OSSBucketDestination>" +
      "<Format>CSV</Format><AccountId>1000000000000001</AccountId><RoleArn>acs:ram::1000000000000001:role/AliyunOSSRole</RoleArn>" +
      "<Bucket>acs:oss:::reports</Bucket><Prefix>old/</Prefix><Encryption><SSE-OSS/></Encryption></OSSBucketDestination></Destination>" +
      `<Schedule><Frequency>Daily</Frequency></Schedule><IncludedObjectVersions>Current</IncludedObjectVersions>${FIELDS_OLD}</InventoryConfiguration>`,
    new:
      "<InventoryConfiguration><Id>{ID}</Id><IsEnabled>false</IsEnabled><Filter><Prefix>logs/2026/</Prefix></Filter><Destination><OSSBucketDestination>" +
      "<Format>CSV</Format><AccountId>1000000000000001</AccountId><RoleArn>acs:ram::1000000000000001:role/AliyunOSSRole</RoleArn>" +
      "<Bucket>acs:oss:::reports</Bucket><Prefix>new/</Prefix><Encryption><SSE-OSS/></Encryption></OSSBucketDestination></Destination>" +
      `<Schedule><Frequency>Weekly</Frequency></Schedule><IncludedObjectVersions>All</IncludedObjectVersions>${FIELDS_NEW}</InventoryConfiguration>`,
  },
  cos: {
    old:
      "<InventoryConfiguration><Id>{ID}</Id><IsEnabled>true</IsEnabled><Destination><COSBucketDestination><Format>CSV</Format>" +
      "<Bucket>qcs::cos:ap-guangzhou::reports-1250000000</Bucket><Prefix>old/</Prefix><Encryption><SSE-COS/></Encryption></COSBucketDestination></Destination>" +
      `<Schedule><Frequency>Daily</Frequency></Schedule><Filter><Prefix>logs/</Prefix></Filter><IncludedObjectVersions>Current</IncludedObjectVersions>${FIELDS_OLD}</InventoryConfiguration>`,
    new:
      "<InventoryConfiguration><Id>{ID}</Id><IsEnabled>false</IsEnabled><Destination><COSBucketDestination><Format>CSV</Format>" +
      "<Bucket>qcs::cos:ap-guangzhou::reports-1250000000</Bucket><Prefix>new/</Prefix><Encryption><SSE-COS/></Encryption></COSBucketDestination></Destination>" +
      `<Schedule><Frequency>Weekly</Frequency></Schedule><Filter><Prefix>logs/2026/</Prefix></Filter><IncludedObjectVersions>All</IncludedObjectVersions>${FIELDS_NEW}</InventoryConfiguration>`,
  },
  obs: {
    old:
      "<InventoryConfiguration><Id>{ID}</Id><IsEnabled>true</IsEnabled><Filter><Prefix>logs/</Prefix></Filter>" +
      "<Destination><Format>CSV</Format><Bucket>reports</Bucket><Prefix>old/</Prefix></Destination>" +
      `<Schedule><Frequency>Daily</Frequency></Schedule><IncludedObjectVersions>Current</IncludedObjectVersions>${FIELDS_OLD}</InventoryConfiguration>`,
    new:
      "<InventoryConfiguration><Id>{ID}</Id><IsEnabled>false</IsEnabled><Filter><Prefix>logs/2026/</Prefix></Filter>" +
      "<Destination><Format>CSV</Format><Bucket>reports</Bucket><Prefix>new/</Prefix></Destination>" +
      `<Schedule><Frequency>Weekly</Frequency></Schedule><IncludedObjectVersions>All</IncludedObjectVersions>${FIELDS_NEW}</InventoryConfiguration>`,
  },
  s3: {
    old:
      "<InventoryConfiguration><Id>{ID}</Id><IsEnabled>true</IsEnabled><Destination><S3BucketDestination><AccountId>111111111111</AccountId>" +
      "<Bucket>arn:aws:s3:::reports</Bucket><Format>CSV</Format><Prefix>old/</Prefix><Encryption><SSE-S3/></Encryption></S3BucketDestination></Destination>" +
      `<Schedule><Frequency>Daily</Frequency></Schedule><Filter><Prefix>logs/</Prefix></Filter><IncludedObjectVersions>Current</IncludedObjectVersions>${FIELDS_OLD}</InventoryConfiguration>`,
    new:
      "<InventoryConfiguration><Id>{ID}</Id><IsEnabled>false</IsEnabled><Destination><S3BucketDestination><AccountId>111111111111</AccountId>" +
      "<Bucket>arn:aws:s3:::reports</Bucket><Format>CSV</Format><Prefix>new/</Prefix><Encryption><SSE-S3/></Encryption></S3BucketDestination></Destination>" +
      `<Schedule><Frequency>Weekly</Frequency></Schedule><Filter><Prefix>logs/2026/</Prefix></Filter><IncludedObjectVersions>All</IncludedObjectVersions>${FIELDS_NEW}</InventoryConfiguration>`,
  },
};

/** A parsed document with object keys sorted and lists of text sorted: element order carries no meaning here. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(canonical);
    return items.every((i) => typeof i === "string") ? [...(items as string[])].sort() : items;
  }
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.keys(value).filter((k) => k !== "$").sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}

function parse(xml: string): unknown {
  let out: unknown;
  // xml2js calls back synchronously when `async` is off (its default).
  xml2js.parseString(xml, { explicitArray: true, trim: false }, (error: Error | null, result: unknown) => {
    if (error) throw error;
    out = result;
  });
  return canonical(out);
}

/** Which of the two literal documents `stored` is ("old", "new"), or "mix" when it is neither. */
export function literalState(vendor: Vendor, id: string, stored: string): "old" | "new" | "mix" {
  const got = JSON.stringify(parse(stored));
  for (const which of ["old", "new"] as const) {
    if (got === JSON.stringify(parse(DOCUMENTS[vendor][which].replace("{ID}", id)))) return which;
  }
  return "mix";
}
