import { hasQuery, queryValue, type FakeRequest } from "../fakeRequest";
import type { BucketAddress } from "../router";

export type Operation =
  | "PutInventory" | "GetInventory" | "ListInventory" | "DeleteInventory"
  | "GetBucketInfo" | "GetBucketLocation" | "GetBucketAcl" | "HeadBucket" | "GetBucketVersioning"
  | "ListObjects" | "ListObjectsV2" | "ListObjectVersions"
  | "PutObject" | "GetObject" | "HeadObject" | "DeleteObject"
  | "ListBuckets" | "Unsupported";

/** Query keys that only shape a listing (or are SDK bookkeeping such as aws-sdk's x-id): not sub-resources. */
const LISTING_PARAMS = new Set([
  "prefix", "delimiter", "marker", "max-keys", "encoding-type", "list-type", "continuation-token", "start-after",
  "fetch-owner", "key-marker", "version-id-marker", "x-id",
]);
/** Query keys an object request may carry without changing the operation. */
const OBJECT_PARAMS = new Set(["versionId", "x-id", "response-content-type", "response-cache-control",
  "response-content-disposition", "response-content-encoding", "response-content-language", "response-expires"]);

/** A Map, not an object: a sub-resource named `constructor` or `__proto__` is simply unsupported. */
const BUCKET_LOOKUPS = new Map<string, Operation>([
  ["bucketInfo", "GetBucketInfo"], ["location", "GetBucketLocation"], ["acl", "GetBucketAcl"],
  ["versioning", "GetBucketVersioning"], ["versions", "ListObjectVersions"],
]);

/** What a request asks for, from method, addressing and sub-resources; `idParam` is the vendor's inventory id key. */
export function detectOperation(req: FakeRequest, address: BucketAddress, idParam: string): Operation {
  const m = req.method;
  if (address.bucket === undefined) return m === "GET" ? "ListBuckets" : "Unsupported";
  if (address.key !== undefined) {
    if (req.query.some((p) => !OBJECT_PARAMS.has(p.key))) return "Unsupported";
    return ({ PUT: "PutObject", GET: "GetObject", HEAD: "HeadObject", DELETE: "DeleteObject" } as const)[m as "PUT"] ?? "Unsupported";
  }
  if (hasQuery(req, "inventory")) {
    if (m === "GET") return hasQuery(req, idParam) ? "GetInventory" : "ListInventory";
    return ({ PUT: "PutInventory", DELETE: "DeleteInventory" } as const)[m as "PUT"] ?? "Unsupported";
  }
  if (m === "HEAD") return req.query.length === 0 ? "HeadBucket" : "Unsupported";
  if (m !== "GET") return "Unsupported";
  const sub = req.query.filter((p) => !LISTING_PARAMS.has(p.key)).map((p) => p.key);
  if (sub.length === 0) return queryValue(req, "list-type") === "2" ? "ListObjectsV2" : "ListObjects";
  if (sub.length > 1) return "Unsupported";
  return BUCKET_LOOKUPS.get(sub[0]) ?? "Unsupported";
}
