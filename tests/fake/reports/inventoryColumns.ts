import type { FakeVendor, ObjectRecord } from "../objects/objectRecord";
import type { ReportConfig } from "./reportTypes";

const VERSION_COLUMNS = ["VersionId", "IsLatest", "IsDeleteMarker"];
const FIXED_COLUMNS = ["Bucket", "Key", ...VERSION_COLUMNS];

/** OBS writes its optional fields in this fixed order whatever order they were configured in (its fileSchema). */
const OBS_FIELD_ORDER = [
  "Size", "LastModifiedDate", "ETag", "StorageClass", "IsMultipartUploaded", "ReplicationStatus", "EncryptionStatus",
];

/**
 * The columns of a vendor's inventory file, in file order: COS leads with Appid; then Bucket, Key; the version
 * columns only when all versions are listed; then the optional fields (configured order, except OBS).
 */
export function inventoryColumns(vendor: FakeVendor, config: ReportConfig): string[] {
  const leading = vendor === "cos" ? ["Appid", "Bucket", "Key"] : ["Bucket", "Key"];
  const versions = config.includedObjectVersions === "All" ? VERSION_COLUMNS : [];
  // OSS takes Key, VersionId and IsDeleteMarker as optional fields (seed 004), but they are fixed columns (seed 003).
  const fields = config.optionalFields.filter((f) => !FIXED_COLUMNS.includes(f));
  const optional = vendor === "obs"
    ? [
      ...OBS_FIELD_ORDER.filter((f) => fields.includes(f)),
      ...fields.filter((f) => !OBS_FIELD_ORDER.includes(f)),
    ]
    : fields;
  return [...leading, ...versions, ...optional];
}

export interface CellContext {
  /** The source bucket as the file names it (COS: without -appid). */
  bucket: string;
  appId?: string;
}

/**
 * One cell's text. Sizes in bytes, dates ISO 8601, ETags without quotes, flags "true"/"false", keys URL-encoded;
 * a field the fake has no data for (ReplicationStatus, ObjectAcl, Crc64 ...) is empty, and so is every object
 * attribute of a delete marker.
 */
export function cellValue(column: string, record: ObjectRecord, context: CellContext): string {
  switch (column) {
    case "Appid": return context.appId ?? "";
    case "Bucket": return context.bucket;
    case "Key": return encodeInventoryKey(record.key);
    case "VersionId": return record.versionId ?? "";
    case "IsLatest": return String(record.isLatest);
    case "IsDeleteMarker": return String(record.isDeleteMarker);
    case "LastModifiedDate": return record.lastModified;
  }
  if (record.isDeleteMarker) return "";
  switch (column) {
    case "Size": return String(record.size);
    case "ETag": return record.etag.replace(/^"|"$/g, "");
    case "StorageClass": return record.storageClass;
    case "IsMultipartUploaded": return String(record.multipart);
    case "EncryptionStatus": return String(record.encrypted);
    default: return "";
  }
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
