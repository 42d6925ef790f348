import { FakeError, noSuchKey } from "../errors";
import { queryValue } from "../fakeRequest";
import { emptyResponse, type FakeResponse } from "../fakeResponse";
import type { ObjectRecord } from "../objects/objectRecord";
import { ObjectStoreError } from "../objects/objectStoreError";
import { checkContentMd5 } from "./contentMd5";
import { getVersioning, listObjects, listVersions } from "./objectListXml";
import type { Operation } from "./operations";
import type { BucketContext, VendorDialect } from "./vendorDialect";

/** Object and listing requests, answered from C2's ObjectStore; undefined for operations that are not these. */
export function handleObjectOperation(operation: Operation, ctx: BucketContext, dialect: VendorDialect): FakeResponse | undefined {
  try {
    switch (operation) {
      case "PutObject":
        return putObject(ctx, dialect);
      case "GetObject":
      case "HeadObject":
        return getObject(ctx, dialect, operation === "GetObject");
      case "DeleteObject":
        return deleteObject(ctx, dialect);
      case "ListObjects":
      case "ListObjectsV2":
        return listObjects(ctx, dialect, operation === "ListObjectsV2");
      case "ListObjectVersions":
        return listVersions(ctx, dialect);
      case "GetBucketVersioning":
        return getVersioning(ctx, dialect);
      default:
        return undefined;
    }
  } catch (error) {
    if (error instanceof ObjectStoreError) throw new FakeError(400, error.code, error.message);
    throw error;
  }
}

function putObject(ctx: BucketContext, dialect: VendorDialect): FakeResponse {
  const { req, store, vendor } = ctx;
  const prefix = dialect.headerPrefix(ctx.scheme);
  checkContentMd5(req, vendor, { required: false });
  const result = store.objects.putObject(vendor, ctx.bucket.name, ctx.address.key ?? "", req.body, {
    origin: { requester: ctx.account.accountId, requestId: req.id, sourceIp: "127.0.0.1" },
    contentType: req.headers["content-type"],
    storageClass: req.headers[`${prefix}storage-class`],
  });
  store.persist();
  const headers: Record<string, string> = { etag: result.etag };
  if (result.versionId !== undefined) headers[`${prefix}version-id`] = result.versionId;
  return emptyResponse(200, headers);
}

function getObject(ctx: BucketContext, dialect: VendorDialect, withBody: boolean): FakeResponse {
  const key = ctx.address.key ?? "";
  const versionId = queryValue(ctx.req, "versionId");
  const prefix = dialect.headerPrefix(ctx.scheme);
  const found = ctx.store.objects.getObject(ctx.vendor, ctx.bucket.name, key, versionId === undefined ? {} : { versionId });
  if (!found) {
    if (versionId !== undefined) {
      throw new FakeError(404, "NoSuchVersion", "The specified version does not exist.", { Key: key, VersionId: versionId });
    }
    throw noSuchKey(key);
  }
  if (found.record.isDeleteMarker) {
    if (versionId === undefined) throw noSuchKey(key);
    throw new FakeError(405, "MethodNotAllowed", "The specified method is not allowed against a delete marker.");
  }
  const headers = objectHeaders(found.record, prefix);
  if (!withBody) return { status: 200, headers: { ...headers, "content-length": String(found.record.size) } };
  const ifMatch = ctx.req.headers["if-match"];
  if (ifMatch !== undefined && ifMatch !== found.record.etag) {
    throw new FakeError(412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold.");
  }
  const range = byteRange(ctx.req.headers.range, found.body.length);
  if (!range) return { status: 200, headers, body: found.body };
  const [from, to] = range;
  const contentRange = `bytes ${from}-${to}/${found.body.length}`;
  return { status: 206, headers: { ...headers, "content-range": contentRange }, body: found.body.subarray(from, to + 1) };
}

/** "bytes=N-" or "bytes=N-M" within the object (the services' single-range form); anything else: the whole object. */
function byteRange(header: string | undefined, size: number): [number, number] | undefined {
  const m = /^bytes=(\d+)-(\d*)$/.exec(header?.trim() ?? "");
  if (!m) return undefined;
  const from = Number(m[1]);
  const to = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (from >= size || to < from) throw new FakeError(416, "InvalidRange", "The requested range is not satisfiable");
  return [from, to];
}

function deleteObject(ctx: BucketContext, dialect: VendorDialect): FakeResponse {
  const versionId = queryValue(ctx.req, "versionId");
  const prefix = dialect.headerPrefix(ctx.scheme);
  const key = ctx.address.key ?? "";
  const origin = { requester: ctx.account.accountId, requestId: ctx.req.id, sourceIp: "127.0.0.1" };
  const result = ctx.store.objects.deleteObject(ctx.vendor, ctx.bucket.name, key, versionId === undefined ? { origin } : { versionId, origin });
  ctx.store.persist();
  const headers: Record<string, string> = {};
  if (result.deleteMarker) headers[`${prefix}delete-marker`] = "true";
  if (result.versionId !== undefined) headers[`${prefix}version-id`] = result.versionId;
  return emptyResponse(204, headers);
}

function objectHeaders(record: ObjectRecord, prefix: string): Record<string, string> {
  const headers: Record<string, string> = {
    "content-type": record.contentType || "application/octet-stream",
    etag: record.etag,
    "last-modified": new Date(record.lastModified).toUTCString(),
    [`${prefix}storage-class`]: record.storageClass,
  };
  if (record.versionId !== undefined) headers[`${prefix}version-id`] = record.versionId;
  return headers;
}
