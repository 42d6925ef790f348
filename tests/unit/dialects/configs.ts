import type { BucketRef, InventoryConfig, Vendor } from "../../../provider/model/inventoryConfig";

/** Test configurations per vendor: one with every field the vendor supports, and smaller variants. */

export const REFS: Record<Vendor, BucketRef> = {
  oss: { vendor: "oss", region: "cn-hangzhou", bucket: "photos" },
  cos: { vendor: "cos", region: "ap-guangzhou", bucket: "photos-1250000000" },
  obs: { vendor: "obs", region: "cn-north-4", bucket: "photos" },
  s3: { vendor: "s3", region: "us-east-1", bucket: "photos" },
};

const base = {
  id: "0012",
  enabled: true,
  schedule: { frequency: "Daily" as const },
  includedObjectVersions: "All" as const,
};

export const FULL: Record<Vendor, InventoryConfig> = {
  oss: {
    ...base,
    filter: {
      prefix: "Pics/",
      lastModifyBeginTimeStamp: 1637883649,
      lastModifyEndTimeStamp: 1638347592,
      lowerSizeBound: 1024,
      upperSizeBound: 1048576,
      storageClasses: ["Standard", "IA"],
    },
    destination: {
      bucket: "destbucket",
      prefix: "prefix1/",
      format: "CSV",
      accountId: "1000000000000000",
      roleArn: "acs:ram::1000000000000000:role/AliyunOSSRole",
      encryption: { sseKms: { keyId: "key-1" } },
    },
    optionalFields: ["Size", "LastModifiedDate", "TransitionTime", "ETag", "StorageClass", "IsMultipartUploaded", "EncryptionStatus", "ObjectAcl", "TaggingCount", "ObjectType", "Crc64"],
    incrementalInventory: {
      enabled: true,
      schedule: { frequency: 600 },
      optionalFields: ["SequenceNumber", "RecordType", "RecordTimestamp", "Requester", "RequestId", "SourceIp", "Size"],
    },
  },
  cos: {
    ...base,
    // Seed 001: Filter/Prefix only, its six optional fields.
    filter: { prefix: "myPrefix" },
    destination: { bucket: "destbucket-1250000000", prefix: "list1", format: "CSV", accountId: "100000000001", encryption: { sseCos: {} } },
    optionalFields: ["Size", "LastModifiedDate", "ETag", "StorageClass", "IsMultipartUploaded", "ReplicationStatus"],
  },
  obs: {
    ...base,
    filter: { prefix: "inventoryTestPrefix" },
    destination: { bucket: "destbucket", prefix: "dest-prefix", format: "CSV" },
    optionalFields: ["Size", "LastModifiedDate", "ETag", "StorageClass", "IsMultipartUploaded", "ReplicationStatus", "EncryptionStatus"],
  },
  s3: {
    ...base,
    filter: { prefix: "a/" },
    destination: {
      bucket: "destbucket",
      prefix: "p",
      format: "Parquet",
      accountId: "123456789012",
      encryption: { sseKms: { keyId: "arn:aws:kms:us-east-1:123456789012:key/abc" } },
    },
    optionalFields: ["Size", "LastModifiedDate", "StorageClass", "ETag", "IsMultipartUploaded", "ReplicationStatus", "EncryptionStatus", "ObjectLockRetainUntilDate", "ObjectLockMode", "ObjectLockLegalHoldStatus", "IntelligentTieringAccessTier", "BucketKeyStatus", "ChecksumAlgorithm", "ObjectAccessControlList", "ObjectOwner", "LifecycleExpirationDate"],
  },
};

/** The least each vendor needs: no filter, no prefix, no encryption, no optional fields. */
export function minimal(vendor: Vendor): InventoryConfig {
  const { filter: _f, incrementalInventory: _i, ...rest } = FULL[vendor];
  const { prefix: _p, encryption: _e, ...destination } = rest.destination;
  return { ...rest, id: "m", enabled: false, schedule: { frequency: "Weekly" }, includedObjectVersions: "Current", destination, optionalFields: [] };
}

/** Each vendor's other encryption spellings (the full config has the first). */
export const OTHER_ENCRYPTIONS: Record<Vendor, InventoryConfig["destination"]["encryption"][]> = {
  oss: [{ sseOss: {} }, { sseKms: {} }],
  cos: [],
  obs: [],
  s3: [{ sseS3: {} }, { sseKms: {} }],
};
