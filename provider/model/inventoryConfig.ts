/**
 * The vendor-neutral inventory configuration: one shape that can say everything any of the four inventory APIs
 * (OSS, COS, OBS, S3) accepts. Dialects map it to and from each vendor's XML; check validates it per vendor;
 * normalize brings two configurations that mean the same thing to one spelling.
 *
 * Field names follow the resource's inputs (camelCase), so the resource arguments, the state and this model are
 * the same shape and need no extra mapping.
 */

export const VENDORS = ["oss", "cos", "obs", "s3"] as const;
export type Vendor = (typeof VENDORS)[number];

export const FREQUENCIES = ["Daily", "Weekly"] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const FORMATS = ["CSV", "ORC", "Parquet"] as const;
export type Format = (typeof FORMATS)[number];

export const OBJECT_VERSIONS = ["All", "Current"] as const;
export type IncludedObjectVersions = (typeof OBJECT_VERSIONS)[number];

/** Which objects an inventory covers. Everything but `prefix` exists only on some vendors. */
export interface InventoryFilter {
  prefix?: string;
  /** OSS LastModifyBeginTimeStamp / COS Period/StartTime: epoch seconds. */
  lastModifyBeginTimeStamp?: number;
  /** OSS LastModifyEndTimeStamp / COS Period/EndTime: epoch seconds. */
  lastModifyEndTimeStamp?: number;
  /** OSS LowerSizeBound, bytes. */
  lowerSizeBound?: number;
  /** OSS UpperSizeBound, bytes. */
  upperSizeBound?: number;
  /** OSS Filter/StorageClass (comma list on the wire); COS Filter/And/StorageClass. */
  storageClasses?: string[];
  /** COS Filter/And/Tag. */
  tags?: { key: string; value: string }[];
}

/** Exactly one member set. Which ones a vendor has: OSS sseOss|sseKms, COS sseCos, S3 sseS3|sseKms, OBS none. */
export interface InventoryEncryption {
  sseOss?: Record<string, never>;
  sseCos?: Record<string, never>;
  sseS3?: Record<string, never>;
  sseKms?: { keyId?: string };
}

export interface InventoryDestination {
  /** Plain bucket name as the API addresses it (COS with its -appid suffix); never the ARN form once normalized. */
  bucket: string;
  prefix?: string;
  format: Format;
  /** OSS: the destination owner's UID (required); COS: owner UIN (optional); S3: account id (optional). */
  accountId?: string;
  /** OSS only, required there: `acs:ram::<uid>:role/<name>`. */
  roleArn?: string;
  encryption?: InventoryEncryption;
}

/** OSS incremental inventory (allow-listed feature). */
export interface IncrementalInventory {
  enabled: boolean;
  /** Seconds; the service only accepts 600. */
  schedule: { frequency: number };
  optionalFields: string[];
}

export interface InventoryConfig {
  id: string;
  enabled: boolean;
  filter?: InventoryFilter;
  destination: InventoryDestination;
  schedule: { frequency: Frequency };
  includedObjectVersions: IncludedObjectVersions;
  /** Vendor spellings, e.g. "Size", "LastModifiedDate". Order is kept on the wire (it orders report columns). */
  optionalFields: string[];
  incrementalInventory?: IncrementalInventory;
}

/** Where a configuration lives: the source bucket on one vendor in one region. */
export interface BucketRef {
  vendor: Vendor;
  region: string;
  /** As the API addresses it (COS: `name-appid`). */
  bucket: string;
  /** Endpoint override (fake cloud, private endpoint): path-style addressing is used with it. */
  endpoint?: string;
}

/** A bucket's versioning as GetBucketVersioning reports it; "Off" when it was never enabled (no Status element). */
export type VersioningStatus = "Enabled" | "Suspended" | "Off";

/** What a bucket look-up learns: the facts co-location checks need. */
export interface BucketInfo {
  region: string;
  /** Owning account (OSS UID, COS UIN/appid owner, OBS domain id, S3 canonical/account id) when the API tells it. */
  ownerId?: string;
}

/** `<vendor>:<region>:<bucket>:<inventoryId>`: the resource's id in Pulumi state and in every message. */
export function resourceIdOf(ref: BucketRef, inventoryId: string): string {
  return `${ref.vendor}:${ref.region}:${ref.bucket}:${inventoryId}`;
}
