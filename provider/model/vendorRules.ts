/**
 * What each vendor's inventory API accepts, as data: value sets, limits, id rules, encryption variants, where the
 * destination must live, and OSS's region-gated features. check, normalize and the import command read this table;
 * nothing else in provider/resource branches on the vendor by name.
 *
 * Sources: the project's vendor research notes (VENDORS.md §1, §3) and the seeds (seeds win): seed 004 (OSS PutBucketInventory: id up to 192
 * characters, advanced filters only in Qingdao/Hohhot/Frankfurt, incremental inventory only in Mexico and
 * allow-listed, 600-second schedule), seed 001 (COS id charset, TooManyConfigurations at 1,000), seed 002 (OBS id
 * up to 64 of letters/digits/-._, 10 per bucket, PrefixExistInclusionRelationship).
 */
import type { Format, Frequency, Vendor } from "./inventoryConfig";

export type EncryptionKind = "sseOss" | "sseKms" | "sseCos" | "sseS3";

export interface IdRule {
  maxLength: number;
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
    optionalFields: [
      "Size", "LastModifiedDate", "ETag", "StorageClass", "IsMultipartUploaded", "EncryptionStatus",
      "TransitionTime", "ObjectAcl", "TaggingCount", "ObjectType", "Crc64",
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
    filterFields: ["time", "size", "storageClasses"],
    // Seed 004 (plus "All", which means no storage-class filter and normalizes away).
    storageClasses: ["Standard", "IA", "Archive", "ColdArchive"],
    // Seed 004: China (Qingdao), China (Hohhot), Germany (Frankfurt).
    advancedFilterRegions: ["cn-qingdao", "cn-huhehaote", "eu-central-1"],
    // Seed 004: Mexico only (OSS region id na-south-1), on request.
    incremental: {
      regions: ["na-south-1"],
      frequencySeconds: 600,
      optionalFields: [
        "SequenceNumber", "RecordType", "RecordTimestamp", "Requester", "RequestId", "SourceIp", "Size",
        "StorageClass", "LastModifiedDate", "ETag", "IsMultipartUploaded", "ObjectType", "ObjectAcl", "Crc64",
        "EncryptionStatus",
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
    // Charset from seed 001; the length is not documented: 64 like OBS and S3.
    idRule: { maxLength: 64, pattern: SIMPLE_ID, charsetText: SIMPLE_ID_TEXT },
    maxConfigurations: 1000,
    sameAccount: false,
    prefixesMustNotOverlap: false,
    putOverwrites: true,
    accountId: "optional",
    roleArn: "absent",
    filterFields: ["time", "storageClasses", "tags"],
    // COS documents no value list for Filter/And/StorageClass: values pass unchecked.
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
