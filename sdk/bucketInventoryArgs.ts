/**
 * The resource's arguments as Pulumi programs write them: camelCase, nested objects, every member a
 * `pulumi.Input`. The same shape as the provider's plain `BucketInventoryInputs` (provider/resource/resourceArgs.ts).
 * Credentials are never arguments: they come from stack config or the environment (see the README, "Credentials").
 */
import type * as pulumi from "@pulumi/pulumi";

export type Vendor = "oss" | "cos" | "obs" | "s3";

/** Exactly one member. OSS: sseOss | sseKms; COS: sseCos; S3: sseS3 | sseKms (keyId required); OBS: none. */
export interface EncryptionArgs {
  sseOss?: pulumi.Input<Record<string, never>>;
  sseCos?: pulumi.Input<Record<string, never>>;
  sseS3?: pulumi.Input<Record<string, never>>;
  sseKms?: pulumi.Input<{ keyId?: pulumi.Input<string> }>;
}

export interface DestinationArgs {
  /** The bucket name, or the vendor's own form: `acs:oss:::b`, `qcs::cos:<region>::b-<appid>`, `arn:aws:s3:::b`. */
  bucket: pulumi.Input<string>;
  prefix?: pulumi.Input<string>;
  /** Default "CSV"; S3 also "ORC" and "Parquet". */
  format?: pulumi.Input<"CSV" | "ORC" | "Parquet">;
  /** OSS: required (destination owner's UID); COS, S3: optional, checked against the real owner; OBS: none. */
  accountId?: pulumi.Input<string>;
  /** OSS only, required there: `acs:ram::<uid>:role/<name>`. */
  roleArn?: pulumi.Input<string>;
  encryption?: pulumi.Input<EncryptionArgs>;
}

export interface FilterArgs {
  prefix?: pulumi.Input<string>;
  /** OSS (Qingdao, Hohhot, Frankfurt only): epoch seconds. */
  lastModifyBeginTimeStamp?: pulumi.Input<number>;
  lastModifyEndTimeStamp?: pulumi.Input<number>;
  /** OSS (Qingdao, Hohhot, Frankfurt only): bytes. */
  lowerSizeBound?: pulumi.Input<number>;
  upperSizeBound?: pulumi.Input<number>;
  /** OSS (Qingdao, Hohhot, Frankfurt only): Standard, IA, Archive, ColdArchive. */
  storageClasses?: pulumi.Input<pulumi.Input<string>[]>;
}

/** OSS only, Mexico (na-south-1), for allow-listed accounts. */
export interface IncrementalInventoryArgs {
  enabled?: pulumi.Input<boolean>;
  /** The service accepts 600 seconds only (the default). */
  schedule?: pulumi.Input<{ frequency: pulumi.Input<number> }>;
  optionalFields?: pulumi.Input<pulumi.Input<string>[]>;
}

export interface BucketInventoryArgs {
  vendor: pulumi.Input<Vendor>;
  /** The source bucket's region, e.g. "cn-hangzhou" (OSS's "oss-cn-hangzhou" also accepted). */
  region: pulumi.Input<string>;
  /** The source bucket as the API addresses it (COS: `name-appid`). */
  bucket: pulumi.Input<string>;
  /** The inventory configuration's id on the bucket. */
  inventoryId: pulumi.Input<string>;
  /** Default true. */
  enabled?: pulumi.Input<boolean>;
  destination: pulumi.Input<DestinationArgs>;
  filter?: pulumi.Input<FilterArgs>;
  schedule: pulumi.Input<{ frequency: pulumi.Input<"Daily" | "Weekly"> }>;
  /** Default "Current". */
  includedObjectVersions?: pulumi.Input<"All" | "Current">;
  /** The vendor's field names; order and duplicates do not matter. Default none. */
  optionalFields?: pulumi.Input<pulumi.Input<string>[]>;
  incrementalInventory?: pulumi.Input<IncrementalInventoryArgs>;
  /** Endpoint override (e.g. the fake cloud, "http://127.0.0.1:9000"): path-style addressing. */
  endpoint?: pulumi.Input<string>;
  /** Take over a configuration that already exists with this id, as it is, instead of failing. */
  adopt?: pulumi.Input<boolean>;
}
