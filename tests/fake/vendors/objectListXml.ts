import { invalidArgument } from "../errors";
import { queryValue } from "../fakeRequest";
import { xmlResponse, type FakeResponse } from "../fakeResponse";
import type { ObjectRecord } from "../objects/objectRecord";
import { versionLabel } from "../objects/objectRecord";
import { renderXml } from "../xml/renderXml";
import { element, leaves, type XmlElement } from "../xml/xmlElement";
import type { BucketContext, VendorDialect } from "./vendorDialect";

/** ListObjects (v1) and ListObjectsV2: the S3-family ListBucketResult every vendor shares. */
export function listObjects(ctx: BucketContext, dialect: VendorDialect, v2: boolean): FakeResponse {
  const q = (name: string) => queryValue(ctx.req, name);
  const maxKeys = maxKeysParam(ctx);
  const result = ctx.store.objects.listObjects(ctx.vendor, ctx.bucket.name, {
    prefix: q("prefix"),
    delimiter: q("delimiter"),
    ...(v2
      ? { continuationToken: q("continuation-token") || undefined, startAfter: q("start-after") }
      : { marker: q("marker") }),
    maxKeys,
  });
  const paging: [string, string | undefined][] = v2
    ? [["ContinuationToken", q("continuation-token")], ["StartAfter", q("start-after")], ["KeyCount", String(result.keyCount)]]
    : [["Marker", q("marker") ?? ""]];
  const head = leaves([
    ["Name", ctx.bucket.name],
    ["Prefix", q("prefix") ?? ""],
    ...paging,
    ["MaxKeys", String(maxKeys ?? 1000)],
    ["Delimiter", q("delimiter")],
    ["IsTruncated", String(result.isTruncated)],
    v2 ? ["NextContinuationToken", result.nextContinuationToken] : ["NextMarker", q("delimiter") ? result.nextMarker : undefined],
  ]);
  const contents = result.objects.map((r) => element("Contents", [...objectLeaves(r), owner(ctx)]));
  return respond(ctx, dialect, "ListBucketResult", [...head, ...contents, ...commonPrefixes(result.commonPrefixes)]);
}

/** ListObjectVersions: Version and DeleteMarker entries, newest first within a key. */
export function listVersions(ctx: BucketContext, dialect: VendorDialect): FakeResponse {
  const q = (name: string) => queryValue(ctx.req, name);
  const maxKeys = maxKeysParam(ctx);
  const result = ctx.store.objects.listVersions(ctx.vendor, ctx.bucket.name, {
    prefix: q("prefix"),
    delimiter: q("delimiter"),
    keyMarker: q("key-marker") || undefined,
    versionIdMarker: q("version-id-marker") || undefined,
    maxKeys,
  });
  const head = leaves([
    ["Name", ctx.bucket.name],
    ["Prefix", q("prefix") ?? ""],
    ["KeyMarker", q("key-marker") ?? ""],
    ["VersionIdMarker", q("version-id-marker") ?? ""],
    ["MaxKeys", String(maxKeys ?? 1000)],
    ["Delimiter", q("delimiter")],
    ["IsTruncated", String(result.isTruncated)],
    ["NextKeyMarker", result.nextKeyMarker],
    ["NextVersionIdMarker", result.nextVersionIdMarker],
  ]);
  const entries = result.versions.map((r) => {
    const common = leaves([["Key", r.key], ["VersionId", versionLabel(r)], ["IsLatest", String(r.isLatest)], ["LastModified", r.lastModified]]);
    if (r.isDeleteMarker) return element("DeleteMarker", [...common, owner(ctx)]);
    return element("Version", [...common, ...leaves([["ETag", r.etag], ["Size", String(r.size)], ["StorageClass", r.storageClass]]), owner(ctx)]);
  });
  return respond(ctx, dialect, "ListVersionsResult", [...head, ...entries, ...commonPrefixes(result.commonPrefixes)]);
}

/** GetBucketVersioning: no Status element until versioning was ever enabled. */
export function getVersioning(ctx: BucketContext, dialect: VendorDialect): FakeResponse {
  const status = ctx.store.objects.getVersioning(ctx.vendor, ctx.bucket.name);
  return respond(ctx, dialect, "VersioningConfiguration", status === "Off" ? [] : [element("Status", status)]);
}

function objectLeaves(r: ObjectRecord): XmlElement[] {
  return leaves([["Key", r.key], ["LastModified", r.lastModified], ["ETag", r.etag], ["Size", String(r.size)], ["StorageClass", r.storageClass]]);
}

function owner(ctx: BucketContext): XmlElement {
  return element("Owner", leaves([["ID", ctx.bucket.accountId], ["DisplayName", ctx.bucket.accountId]]));
}

function commonPrefixes(prefixes: string[]): XmlElement[] {
  return prefixes.map((p) => element("CommonPrefixes", [element("Prefix", p)]));
}

function respond(ctx: BucketContext, dialect: VendorDialect, root: string, children: XmlElement[]): FakeResponse {
  const ns = dialect.namespace(ctx.scheme);
  return xmlResponse(200, renderXml(element(root, children, ns ? { xmlns: ns } : undefined)));
}

/** max-keys: an integer 0-1000 (larger values are capped, as the services do). */
function maxKeysParam(ctx: BucketContext): number | undefined {
  const raw = queryValue(ctx.req, "max-keys");
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw invalidArgument(`max-keys "${raw}": must be an integer from 0 to 1000.`, "max-keys", raw);
  return Math.min(Number(raw), 1000);
}
