/**
 * The shapes the fake cloud's object store speaks. Pure data: the vendor dialects turn these into each vendor's
 * XML and headers; the inventory report writer reads them.
 */

export type FakeVendor = "oss" | "cos" | "obs" | "s3";
export const FAKE_VENDORS: readonly FakeVendor[] = ["oss", "cos", "obs", "s3"];

export type VersioningStatus = "Off" | "Enabled" | "Suspended";
export const VERSIONING_STATUSES: readonly VersioningStatus[] = ["Off", "Enabled", "Suspended"];

/** One version of one object (or a delete marker). */
export interface ObjectRecord {
  key: string;
  size: number;
  /** ISO 8601 with milliseconds, UTC. */
  lastModified: string;
  /** Quoted, as the vendor sends it in the ETag header (OSS upper-case hex, the others lower-case). "" for markers. */
  etag: string;
  /** "" for delete markers. */
  storageClass: string;
  /** Absent for objects written while versioning was Off; "null" for versions written while Suspended. */
  versionId?: string;
  isLatest: boolean;
  isDeleteMarker: boolean;
  multipart: boolean;
  encrypted: boolean;
  contentType: string;
}

/** What the store keeps per version: the record (isLatest is derived from position) and the bytes. */
export interface StoredVersion {
  record: Omit<ObjectRecord, "isLatest">;
  body: Buffer;
}

export interface PutObjectOptions {
  contentType?: string;
  storageClass?: string;
  multipart?: boolean;
  encrypted?: boolean;
  /** When the write happens; the store's clock when absent (an inventory run writes at its scheduled time). */
  at?: Date;
  /** Who asked (OSS incremental inventory's Requester, RequestId, SourceIp). */
  origin?: { requester?: string; requestId?: string; sourceIp?: string };
}

export interface PutObjectResult {
  etag: string;
  versionId?: string;
}

export interface DeleteObjectResult {
  /** True when a delete marker was written, or when the version removed was itself a marker. */
  deleteMarker: boolean;
  versionId?: string;
}

export interface StoredObject {
  record: ObjectRecord;
  body: Buffer;
}

export interface ListObjectsOptions {
  prefix?: string;
  delimiter?: string;
  /** ListObjects (v1). */
  marker?: string;
  /** ListObjectsV2; ignored when a continuation token is given. */
  startAfter?: string;
  /** ListObjectsV2, an opaque token from `nextContinuationToken`. */
  continuationToken?: string;
  /** Default and maximum 1000. */
  maxKeys?: number;
}

export interface ListObjectsResult {
  objects: ObjectRecord[];
  commonPrefixes: string[];
  isTruncated: boolean;
  /** Set when truncated: the last key or common prefix returned (v1 NextMarker). */
  nextMarker?: string;
  /** Set when truncated (v2 NextContinuationToken). */
  nextContinuationToken?: string;
  /** Objects plus common prefixes returned (v2 KeyCount). */
  keyCount: number;
}

export interface ListVersionsOptions {
  prefix?: string;
  delimiter?: string;
  keyMarker?: string;
  versionIdMarker?: string;
  maxKeys?: number;
}

export interface ListVersionsResult {
  /** Versions and delete markers, by key (UTF-8 byte order) and newest first within a key. */
  versions: ObjectRecord[];
  commonPrefixes: string[];
  isTruncated: boolean;
  nextKeyMarker?: string;
  nextVersionIdMarker?: string;
}

const DEFAULT_STORAGE_CLASS: Record<FakeVendor, string> = {
  oss: "Standard",
  cos: "STANDARD",
  obs: "STANDARD",
  s3: "STANDARD",
};

export function defaultStorageClass(vendor: FakeVendor): string {
  return DEFAULT_STORAGE_CLASS[vendor];
}

/** The version id as listings print it: objects written while versioning was Off are the "null" version. */
export function versionLabel(record: { versionId?: string }): string {
  return record.versionId ?? "null";
}
