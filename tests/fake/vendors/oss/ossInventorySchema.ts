import { booleanValue, oneOf, type ElementSpec } from "../inventorySchema";

/**
 * PutBucketInventory's document (seed 004; field lists from oss-go-v2 / oss-py-v2 / oss-java-v2, VENDORS.md §3).
 * Frequencies are the seed's Daily and Weekly. `TransistionTime`, the seed's sample typo, is refused: the field
 * table of the same document and every SDK spell it TransitionTime, and the service checks fields against a list.
 */
export const OSS_OPTIONAL_FIELDS = [
  "Size", "LastModifiedDate", "ETag", "StorageClass", "IsMultipartUploaded", "EncryptionStatus",
  "TransitionTime", "ObjectAcl", "TaggingCount", "ObjectType", "Crc64",
] as const;

export const OSS_INCREMENTAL_FIELDS = [
  "SequenceNumber", "RecordType", "RecordTimestamp", "Requester", "RequestId", "SourceIp", "Size", "StorageClass",
  "LastModifiedDate", "ETag", "IsMultipartUploaded", "ObjectType", "ObjectAcl", "Crc64", "EncryptionStatus",
] as const;

export const OSS_FILTER_STORAGE_CLASSES = ["Standard", "IA", "Archive", "ColdArchive", "All"] as const;

const MIN_TIMESTAMP = 1262275200;
const MAX_TIMESTAMP = 253402271999;
/** 48.8 TB, the largest object OSS stores. */
export const MAX_SIZE_BOUND = Math.floor(48.8 * 2 ** 40);

function integerIn(min: number, max: number, what: string): (v: string) => string | undefined {
  return (v) => (/^\d+$/.test(v) && Number(v) >= min && Number(v) <= max ? undefined : `${what} must be an integer in [${min}, ${max}]`);
}

function storageClassList(v: string): string | undefined {
  const parts = v.split(",").map((s) => s.trim());
  const bad = parts.filter((p) => !(OSS_FILTER_STORAGE_CLASSES as readonly string[]).includes(p));
  return bad.length === 0 ? undefined : `must be a comma-separated list of ${OSS_FILTER_STORAGE_CLASSES.join(", ")}`;
}

const enabled = { ...booleanValue(["true", "false", "True", "False"]) };

function only600(v: string): string | undefined {
  return v === "600" ? undefined : "must be 600 (seconds): the only period the service supports";
}

export const OSS_INVENTORY_SCHEMA: ElementSpec = {
  name: "InventoryConfiguration",
  children: [
    { name: "Id", required: true },
    { name: "IsEnabled", required: true, ...enabled },
    {
      name: "Filter",
      children: [
        { name: "Prefix" },
        { name: "LastModifyBeginTimeStamp", check: integerIn(MIN_TIMESTAMP, MAX_TIMESTAMP, "epoch seconds") },
        { name: "LastModifyEndTimeStamp", check: integerIn(MIN_TIMESTAMP, MAX_TIMESTAMP, "epoch seconds") },
        { name: "LowerSizeBound", check: integerIn(0, MAX_SIZE_BOUND, "bytes") },
        { name: "UpperSizeBound", check: integerIn(1, MAX_SIZE_BOUND, "bytes") },
        { name: "StorageClass", check: storageClassList },
      ],
    },
    {
      name: "Destination",
      required: true,
      children: [
        {
          name: "OSSBucketDestination",
          required: true,
          children: [
            { name: "Format", required: true, check: oneOf(["CSV"]) },
            { name: "AccountId", required: true, check: (v) => (/^\d+$/.test(v) ? undefined : "must be the Alibaba Cloud account UID (digits)") },
            { name: "RoleArn", required: true },
            { name: "Bucket", required: true },
            { name: "Prefix" },
            { name: "Encryption", children: [{ name: "SSE-OSS", children: [] }, { name: "SSE-KMS", children: [{ name: "KeyId" }] }] },
          ],
        },
      ],
    },
    { name: "Schedule", required: true, children: [{ name: "Frequency", required: true, check: oneOf(["Daily", "Weekly"]) }] },
    { name: "IncludedObjectVersions", required: true, check: oneOf(["All", "Current"]) },
    { name: "OptionalFields", children: [{ name: "Field", repeat: true, check: oneOf(OSS_OPTIONAL_FIELDS) }] },
    {
      name: "IncrementalInventory",
      children: [
        { name: "IsEnabled", required: true, ...enabled },
        { name: "Schedule", required: true, children: [{ name: "Frequency", required: true, check: only600 }] },
        { name: "OptionalFields", children: [{ name: "Field", repeat: true, check: oneOf(OSS_INCREMENTAL_FIELDS) }] },
      ],
    },
  ],
};
