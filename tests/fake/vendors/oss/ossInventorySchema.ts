import { booleanValue, oneOf, type ElementSpec } from "../inventorySchema";

/**
 * OSS's PutBucketInventory rules, all in one place (seed 004, with the choices in tests/fake/README.md "Seed
 * choices"). Frequencies are the seed's Daily and Weekly.
 *
 * Fields: seed 004's Field list, which includes Key, VersionId and IsDeleteMarker (seed 003 shows them as fixed
 * leading report columns: listing them adds no column), plus `TransistionTime`, the spelling the seed's own request
 * samples use: a request the seed shows answered 200 OK is accepted, and stored as sent.
 */
export const OSS_OPTIONAL_FIELDS = [
  "Key", "VersionId", "IsDeleteMarker", "Size", "LastModifiedDate", "ETag", "StorageClass", "IsMultipartUploaded",
  "EncryptionStatus", "TransitionTime", "ObjectAcl", "TaggingCount", "ObjectType", "Crc64",
] as const;
const OSS_FIELD_SPELLINGS: readonly string[] = [...OSS_OPTIONAL_FIELDS, "TransistionTime"];

/** Seed 004's incremental Field list. */
export const OSS_INCREMENTAL_FIELDS = [
  "SequenceNumber", "RecordType", "RecordTimestamp", "Requester", "RequestId", "SourceIp", "Key", "VersionId",
  "IsDeleteMarker", "Size", "StorageClass", "LastModifiedDate", "ETag", "IsMultipartUploaded", "ObjectType",
  "ObjectAcl", "Crc64", "EncryptionStatus",
] as const;

/**
 * Destination bucket: `acs:oss:::<name>`, 3-63 characters (EC 0020-00000031) of lower-case letters, digits and "-",
 * plus "_" because seed 004's own example value is `acs:oss:::bucket_0001`.
 */
export const OSS_DESTINATION_ARN = /^acs:oss:::([a-z0-9][a-z0-9_-]{1,61}[a-z0-9])$/;

/** Seed 004 "acs:ram::uid:role/rolename"; a RAM role name is 1-64 of letters, digits, ".", "-" (and "_", per ROS). */
export const OSS_ROLE_ARN = /^acs:ram::(\d+):role\/[A-Za-z0-9._-]{1,64}$/;

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
    { name: "OptionalFields", children: [{ name: "Field", repeat: true, check: oneOf(OSS_FIELD_SPELLINGS) }] },
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
