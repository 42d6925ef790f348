import { gzipSync } from "node:zlib";
import type { ObjectEvent } from "../objects/objectEvents";
import { encodeInventoryKey } from "./inventoryColumns";
import { csvLine } from "./inventoryCsv";
import { md5Hex } from "./md5Hex";
import { joinKey, scanMinuteFolder } from "./reportPaths";
import type { InventoryReport } from "./reportTypes";

/** Seed 004's incremental field list, in its order: the columns follow it whatever the configured order. */
const INCREMENTAL_FIELD_ORDER = [
  "SequenceNumber", "RecordType", "RecordTimestamp", "Requester", "RequestId", "SourceIp", "VersionId", "IsDeleteMarker",
  "Size", "StorageClass", "LastModifiedDate", "ETag", "IsMultipartUploaded", "ObjectType", "ObjectAcl", "Crc64", "EncryptionStatus",
];

/** Kept on a permanent delete's row (seed 004): "only the core columns Bucket, Key, SequenceNumber, RecordType, RecordTimestamp and VersionId". */
const DELETE_CORE = new Set(["Bucket", "Key", "SequenceNumber", "RecordType", "RecordTimestamp", "VersionId"]);

export interface IncrementalInput {
  sourceBucket: string;
  destinationBucket: string;
  destinationPrefix?: string;
  id: string;
  /** IncrementalInventory/OptionalFields/Field, as configured. */
  fields: string[];
  /** The period's changes, oldest first. */
  events: ObjectEvent[];
  periodStart: Date;
  newUuid: () => string;
}

export function incrementalColumns(fields: readonly string[]): string[] {
  const known = INCREMENTAL_FIELD_ORDER.filter((f) => fields.includes(f));
  return ["Bucket", "Key", ...known, ...fields.filter((f, i) => !INCREMENTAL_FIELD_ORDER.includes(f) && f !== "Key" && fields.indexOf(f) === i)];
}

/** "2024-08-25 18:08:01.024": GMT with milliseconds (seed 004, RecordTimestamp). */
export function recordTimestamp(iso: string): string {
  return iso.replace("T", " ").replace(/Z$/, "");
}

/**
 * One 600-second period of OSS incremental inventory (seed 004: "for every period, the system automatically creates
 * a directory prefix and generates a manifest file and several CSV files"). The path is our choice, as seed 004 names
 * none: `<prefix>/<source>/<id>/incremental/<period start YYYY-MM-DDTHH-MMZ>/` with manifest.json, manifest.checksum
 * and `data/<uuid>.csv.gz`, manifest fields as the full inventory's. A period without changes writes nothing.
 */
export function writeOssIncrementalReport(input: IncrementalInput): InventoryReport {
  if (input.events.length === 0) return { files: [], rowCount: 0, skippedReason: "no change in the period" };
  const columns = incrementalColumns(input.fields);
  const rows = input.events.map((e) => csvLine(columns.map((c) => (e.type === "DELETE" && e.permanent && !DELETE_CORE.has(c) ? "" : cell(c, e, input.sourceBucket)))));
  const folder = joinKey(input.destinationPrefix, input.sourceBucket, input.id, "incremental", scanMinuteFolder(input.periodStart));
  const body = gzipSync(Buffer.from(rows.join(""), "utf8"));
  const data = { key: joinKey(folder, "data", `${input.newUuid()}.csv.gz`), body, contentType: "application/x-gzip" };
  const manifest = Buffer.from(JSON.stringify({
    creationTimestamp: String(Math.floor(input.periodStart.getTime() / 1000)),
    destinationBucket: input.destinationBucket,
    fileFormat: "CSV",
    fileSchema: columns.join(", "),
    files: [{ key: data.key, size: body.length, MD5checksum: md5Hex(body, true) }],
    sourceBucket: input.sourceBucket,
    version: "2019-09-01",
  }), "utf8");
  const manifestKey = joinKey(folder, "manifest.json");
  return {
    files: [
      data,
      { key: manifestKey, body: manifest, contentType: "application/json" },
      { key: joinKey(folder, "manifest.checksum"), body: Buffer.from(md5Hex(manifest, true)), contentType: "text/plain" },
    ],
    manifestKey,
    rowCount: rows.length,
  };
}

const flag = (value: boolean | undefined) => (value === undefined ? "" : value ? "True" : "False");

function cell(column: string, e: ObjectEvent, bucket: string): string {
  switch (column) {
    case "Bucket": return bucket;
    case "Key": return encodeInventoryKey(e.key);
    case "SequenceNumber": return String(e.sequence);
    case "RecordType": return e.type;
    case "RecordTimestamp": return recordTimestamp(e.time);
    case "Requester": return e.requester ?? "";
    case "RequestId": return e.requestId ?? "";
    case "SourceIp": return e.sourceIp ?? "";
    case "VersionId": return e.versionId ?? "";
    case "IsDeleteMarker": return flag(e.isDeleteMarker ?? false);
    case "Size": return e.size === undefined ? "" : String(e.size);
    case "StorageClass": return e.storageClass ?? "";
    case "LastModifiedDate": return e.lastModified ?? "";
    case "ETag": return (e.etag ?? "").replace(/^"|"$/g, "");
    case "IsMultipartUploaded": return flag(e.multipart);
    case "ObjectType": return e.type === "DELETE" ? "" : e.multipart ? "Multipart" : "Normal";
    case "EncryptionStatus": return flag(e.encrypted);
    default: return "";
  }
}
