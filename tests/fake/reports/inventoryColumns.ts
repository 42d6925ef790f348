import type { FakeVendor, ObjectRecord } from "../objects/objectRecord";
import type { ReportConfig } from "./reportTypes";

/**
 * Each vendor writes the optional fields in one fixed order, whatever order they were configured in; a field not
 * listed here follows in configured order.
 * - OSS: seed 003's sequence (Size, LastModifiedDate, ETag, StorageClass, IsMultipartUploaded, EncryptionStatus),
 *   then the fields only seed 004 lists, in its order.
 * - COS: the fileSchema of its Inventory Overview, then Tag and Crc64 from its PUT Bucket inventory page.
 * - OBS: the fileSchema of obs_03_0083.
 * - S3: the fileSchema of "Locating your inventory list", then the newer ACL and owner fields.
 */
const OPTIONAL_FIELD_ORDER: Readonly<Record<FakeVendor, readonly string[]>> = {
  oss: [
    "Size", "LastModifiedDate", "ETag", "StorageClass", "IsMultipartUploaded", "EncryptionStatus",
    "TransitionTime", "ObjectType", "ObjectAcl", "Crc64", "TaggingCount",
  ],
  cos: ["Size", "LastModifiedDate", "ETag", "StorageClass", "IsMultipartUploaded", "ReplicationStatus", "Tag", "Crc64"],
  obs: ["Size", "LastModifiedDate", "ETag", "StorageClass", "IsMultipartUploaded", "ReplicationStatus", "EncryptionStatus"],
  s3: [
    "Size", "LastModifiedDate", "ETag", "StorageClass", "IsMultipartUploaded", "ReplicationStatus", "EncryptionStatus",
    "ObjectLockRetainUntilDate", "ObjectLockMode", "ObjectLockLegalHoldStatus", "IntelligentTieringAccessTier",
    "BucketKeyStatus", "ChecksumAlgorithm", "ObjectAccessControlList", "ObjectOwner",
  ],
};

/** OBS names the marker column DeleteMarker (seed 002: "VersionId, IsLatest, and DeleteMarker"). */
const VERSION_COLUMNS: Readonly<Record<FakeVendor, readonly string[]>> = {
  oss: ["VersionId", "IsLatest", "IsDeleteMarker"],
  cos: ["VersionId", "IsLatest", "IsDeleteMarker"],
  obs: ["VersionId", "IsLatest", "DeleteMarker"],
  s3: ["VersionId", "IsLatest", "IsDeleteMarker"],
};

const FIXED_COLUMNS = ["Appid", "Bucket", "Key", "VersionId", "IsLatest", "IsDeleteMarker", "DeleteMarker"];

/**
 * The columns of a vendor's inventory file, in file order: COS leads with Appid; then Bucket, Key; the version
 * columns when all versions are listed (OSS: only on a versioned bucket, seed 003); then the optional fields in
 * the vendor's order. A field that is already a fixed column is not repeated.
 */
export function inventoryColumns(vendor: FakeVendor, config: ReportConfig, sourceVersioned = true): string[] {
  const leading = vendor === "cos" ? ["Appid", "Bucket", "Key"] : ["Bucket", "Key"];
  const withVersions = config.includedObjectVersions === "All" && (vendor !== "oss" || sourceVersioned);
  const fixed = [...leading, ...(withVersions ? VERSION_COLUMNS[vendor] : [])];
  const order = OPTIONAL_FIELD_ORDER[vendor];
  // OSS takes Key, VersionId and IsDeleteMarker as optional fields (seed 004), but they are fixed columns (seed 003).
  const configured = config.optionalFields.filter((f) => !FIXED_COLUMNS.includes(f));
  const optional = [
    ...order.filter((f) => configured.includes(f)),
    ...configured.filter((f, i) => !order.includes(f) && configured.indexOf(f) === i),
  ];
  return [...fixed, ...optional];
}

export interface CellContext {
  vendor: FakeVendor;
  /** The source bucket as the file names it (COS: without -appid). */
  bucket: string;
  appId?: string;
}

/** OSS writes flags capitalized (seed 003: "the value is True ... Otherwise, the value is False"). */
function flag(value: boolean, context: CellContext): string {
  if (context.vendor === "oss") return value ? "True" : "False";
  return String(value);
}

/**
 * One cell's text. Sizes in bytes, dates ISO 8601, ETags without quotes, flags as the vendor writes them, keys
 * URL-encoded; a field the fake has no data for (ReplicationStatus, ObjectAcl, Crc64 ...) is empty, and so is
 * every object attribute of a delete marker.
 */
export function cellValue(column: string, record: ObjectRecord, context: CellContext): string {
  switch (column) {
    case "Appid": return context.appId ?? "";
    case "Bucket": return context.bucket;
    case "Key": return encodeInventoryKey(record.key);
    case "VersionId": return record.versionId ?? "";
    case "IsLatest": return flag(record.isLatest, context);
    case "IsDeleteMarker":
    case "DeleteMarker": return flag(record.isDeleteMarker, context);
    case "LastModifiedDate": return record.lastModified;
  }
  if (record.isDeleteMarker) return "";
  switch (column) {
    case "Size": return String(record.size);
    case "ETag": return record.etag.replace(/^"|"$/g, "");
    case "StorageClass": return record.storageClass;
    case "IsMultipartUploaded": return flag(record.multipart, context);
    case "EncryptionStatus": return encryptionStatus(record.encrypted, context);
    default: return "";
  }
}

/** S3 names the encryption ("SSE-S3" or "NOT-SSE", per its inventory list fields); the others write a flag. */
function encryptionStatus(encrypted: boolean, context: CellContext): string {
  if (context.vendor === "s3") return encrypted ? "SSE-S3" : "NOT-SSE";
  return flag(encrypted, context);
}

/**
 * Keys are percent-encoded UTF-8 (RFC 3986 unreserved characters kept) with "/" left as is, so
 * `decodeURIComponent` gives the key back.
 */
export function encodeInventoryKey(key: string): string {
  return encodeURIComponent(key)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%2F/g, "/");
}
