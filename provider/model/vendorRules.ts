/**
 * What each vendor's inventory API accepts, as data: value sets, limits, id rules, encryption variants, where the
 * destination must live, and OSS's region-gated features. check, normalize and the import command read this table;
 * nothing else in provider/resource branches on the vendor by name.
 *
 * Sources: the project's vendor research notes (VENDORS.md §1, §3) and the seeds (seeds win): seed 004 (OSS PutBucketInventory: id up to 192
 * characters, advanced filters only in Qingdao/Hohhot/Frankfurt, incremental inventory only in Mexico and
 * allow-listed, 600-second schedule), seed 001 (COS id charset, Filter/Prefix only, six optional fields,
 * TooManyConfigurations at 1,000), seed 002 (OBS id
 * up to 64 of letters/digits/-._, 10 per bucket, PrefixExistInclusionRelationship).
 */
import type { Format, Frequency, Vendor } from "./inventoryConfig";

export type EncryptionKind = "sseOss" | "sseKms" | "sseCos" | "sseS3";

export interface IdRule {
  /** `undefined`: the vendor documents no length, so none is enforced (COS). */
  maxLength?: number;
  /** `undefined`: any characters (OSS only limits length and asks for UTF-8). */
  pattern?: RegExp;
  /** Said in failures: "letters, digits, '-', '.' and '_'". */
  charsetText?: string;
}

export interface VendorRules {
  vendor: Vendor;
  /** How messages name the vendor: "OSS", "COS", "OBS", "S3". */
  label: string;
  formats: readonly Format[];
  frequencies: readonly Frequency[];
  /** Exact spellings, in the order normalize sorts them to. */
  optionalFields: readonly string[];
  encryptions: readonly EncryptionKind[];
  idRule: IdRule;
  /** Configurations per bucket. */
  maxConfigurations: number;
  /** Destination must be owned by the source bucket's account. */
  sameAccount: boolean;
  /** Inventory prefixes on one bucket must not contain one another (OBS). */
  prefixesMustNotOverlap: boolean;
  /** A put on an existing id replaces it; `false` (OSS): it is refused, so an update is delete then put. */
  putOverwrites: boolean;
  /** The API has destination.accountId / destination.roleArn at all, and whether they are required. */
  accountId: "required" | "optional" | "absent";
  roleArn: "required" | "absent";
  /** What an account id looks like, and how failures name it. */
  accountIdRule?: { pattern: RegExp; what: string };
  /** OSS: the RAM role ARN; its first group is the account that owns the role. */
  roleArnRule?: { pattern: RegExp; what: string };
  /** Filter members beyond `prefix` the vendor has. */
  filterFields: readonly ("time" | "size" | "storageClasses" | "tags")[];
  /** Values a storage-class filter may take; empty: the vendor documents none, so values are not checked. */
  storageClasses: readonly string[];
  /** Regions where time/size/storage-class filters work (`undefined`: wherever the vendor has them). */
  advancedFilterRegions?: readonly string[];
  /** OSS incremental inventory. */
  incremental?: { regions: readonly string[]; frequencySeconds: number; optionalFields: readonly string[] };
}

/** Epoch-second range OSS accepts for LastModify*TimeStamp (seed 004). */
export const OSS_TIMESTAMP_RANGE = { min: 1262275200, max: 253402271999 } as const;
/** 48.8 TB, OSS's documented ceiling for the size bounds. */
export const OSS_MAX_SIZE_BOUND = 48.8 * 1024 ** 4;
/** Seed 004: LowerSizeBound "0 B to 48.8 TB", UpperSizeBound "greater than 0 B to 48.8 TB". */
export const OSS_MIN_SIZE_BOUND = { lowerSizeBound: 0, upperSizeBound: 1 } as const;

const SIMPLE_ID = /^[A-Za-z0-9._-]+$/;
const SIMPLE_ID_TEXT = "letters, digits, '-', '.' and '_'";

export const VENDOR_RULES: Record<Vendor, VendorRules> = {
  oss: {
    vendor: "oss",
    label: "OSS",
    formats: ["CSV"],
    frequencies: ["Daily", "Weekly"],
    // Seed 004's Field list. Key, VersionId and IsDeleteMarker are there too; seed 003 shows them as fixed leading
    // report columns, so listing them adds no column (tests/fake/README.md, "Seed choices"). Order: seed 003's.
    optionalFields: [
      "Key", "VersionId", "IsDeleteMarker", "Size", "LastModifiedDate", "ETag", "StorageClass", "IsMultipartUploaded",
      "EncryptionStatus", "TransitionTime", "ObjectAcl", "TaggingCount", "ObjectType", "Crc64",
    ],
    encryptions: ["sseOss", "sseKms"],
    // Seed 004 limits the length to 192 and sets no character rule (the console's stricter rule is its own).
    idRule: { maxLength: 192 },
    maxConfigurations: 1000,
    sameAccount: true,
    prefixesMustNotOverlap: false,
    putOverwrites: false,
    accountId: "required",
    roleArn: "required",
    accountIdRule: { pattern: /^\d+$/, what: "an Alibaba Cloud account UID (digits)" },
    // Seed 004: "acs:ram::uid:role/rolename". A RAM role name is 1-64 letters, digits, "." and "-" (RAM CreateRole);
    // ROS's RAM::Role also allows "_": the union, so nothing the service may accept is refused (docs/vendor-facts.md).
    roleArnRule: { pattern: /^acs:ram::(\d+):role\/[A-Za-z0-9._-]{1,64}$/, what: 'a RAM role ARN "acs:ram::<uid>:role/<name>" (name: 1-64 letters, digits, ".", "-", "_")' },
    filterFields: ["time", "size", "storageClasses"],
    // Seed 004 (plus "All", which means no storage-class filter and normalizes away).
    storageClasses: ["Standard", "IA", "Archive", "ColdArchive"],
    // Seed 004: China (Qingdao), China (Hohhot), Germany (Frankfurt).
    advancedFilterRegions: ["cn-qingdao", "cn-huhehaote", "eu-central-1"],
    // Seed 004: Mexico only (OSS region id na-south-1), on request.
    incremental: {
      regions: ["na-south-1"],
      frequencySeconds: 600,
      // Seed 004's incremental Field list, in its order.
      optionalFields: [
        "SequenceNumber", "RecordType", "RecordTimestamp", "Requester", "RequestId", "SourceIp", "Key", "VersionId",
        "IsDeleteMarker", "Size", "StorageClass", "LastModifiedDate", "ETag", "IsMultipartUploaded", "ObjectType",
        "ObjectAcl", "Crc64", "EncryptionStatus",
      ],
    },
  },
  cos: {
    vendor: "cos",
    label: "COS",
    formats: ["CSV"],
    frequencies: ["Daily", "Weekly"],
    optionalFields: ["Size", "LastModifiedDate", "StorageClass", "ETag", "IsMultipartUploaded", "ReplicationStatus"],
    encryptions: ["sseCos"],
    // Charset from seed 001. No public COS document or SDK gives a length (docs/vendor-facts.md): none is enforced.
    idRule: { pattern: SIMPLE_ID, charsetText: SIMPLE_ID_TEXT },
    maxConfigurations: 1000,
    sameAccount: false,
    prefixesMustNotOverlap: false,
    putOverwrites: true,
    accountId: "optional",
    roleArn: "absent",
    accountIdRule: { pattern: /^\d+$/, what: "a Tencent Cloud account UIN (digits)" },
    // Seed 001: Filter/Prefix only. Filter/And/{Tag,StorageClass} and Filter/Period appear only in a test-only SDK
    // struct and a one-time-inventory example, with no value rules (docs/vendor-facts.md): not offered.
    filterFields: [],
    storageClasses: [],
  },
  obs: {
    vendor: "obs",
    label: "OBS",
    formats: ["CSV"],
    frequencies: ["Daily", "Weekly"],
    optionalFields: [
      "Size", "LastModifiedDate", "StorageClass", "ETag", "IsMultipartUploaded", "ReplicationStatus", "EncryptionStatus",
    ],
    encryptions: [],
    idRule: { maxLength: 64, pattern: SIMPLE_ID, charsetText: SIMPLE_ID_TEXT },
    maxConfigurations: 10,
    sameAccount: true,
    prefixesMustNotOverlap: true,
    putOverwrites: true,
    accountId: "absent",
    roleArn: "absent",
    filterFields: [],
    storageClasses: [],
  },
  s3: {
    vendor: "s3",
    label: "S3",
    formats: ["CSV", "ORC", "Parquet"],
    frequencies: ["Daily", "Weekly"],
    optionalFields: [
      "Size", "LastModifiedDate", "StorageClass", "ETag", "IsMultipartUploaded", "ReplicationStatus",
      "EncryptionStatus", "ObjectLockRetainUntilDate", "ObjectLockMode", "ObjectLockLegalHoldStatus",
      "IntelligentTieringAccessTier", "BucketKeyStatus", "ChecksumAlgorithm", "ObjectAccessControlList",
      "ObjectOwner", "LifecycleExpirationDate",
    ],
    encryptions: ["sseS3", "sseKms"],
    // S3 documents no inventory id rule; its other configuration ids (metrics, analytics) are 64 of these.
    idRule: { maxLength: 64, pattern: SIMPLE_ID, charsetText: SIMPLE_ID_TEXT },
    maxConfigurations: 1000,
    sameAccount: false,
    prefixesMustNotOverlap: false,
    putOverwrites: true,
    accountId: "optional",
    roleArn: "absent",
    accountIdRule: { pattern: /^\d{12}$/, what: "an AWS account id (12 digits)" },
    filterFields: [],
    storageClasses: [],
  },
};

export function rulesFor(vendor: Vendor): VendorRules {
  return VENDOR_RULES[vendor];
}

/** Misspellings the services or their docs use, mapped to the documented spelling. */
export const FIELD_ALIASES: Readonly<Record<string, string>> = {
  IsMultipartUpload: "IsMultipartUploaded", // COS list doc sample
  TransistionTime: "TransitionTime", // OSS PutBucketInventory doc sample (seed 004)
};
