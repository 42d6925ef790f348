import type { HttpRequest } from "../http/httpTypes";
import { encodeRfc3986 } from "../http/requestUrl";
import type { BucketAddress } from "./bucketAddress";
import { bucketRequest } from "./bucketAddress";
import type { ObjectPageRequest } from "./objectDialect";

/** The object's path under the bucket's address: each key segment RFC 3986-encoded, "/" kept. */
export function objectPath(address: BucketAddress, key: string): string {
  return address.path + key.split("/").map(encodeRfc3986).join("/");
}

/** GET of one object; `range` ("bytes=N-") resumes a download where it was cut. */
export function getObjectRequest(address: BucketAddress, key: string, range?: string): HttpRequest {
  const request = bucketRequest(address, "GET", [], range ? { headers: { range } } : {});
  return { ...request, path: objectPath(address, key) };
}

/** ListObjectsV2: `list-type=2`, `continuation-token`. */
export function listObjectsV2Request(address: BucketAddress, page: ObjectPageRequest): HttpRequest {
  const query: [string, string][] = [["list-type", "2"]];
  if (page.prefix) query.push(["prefix", page.prefix]);
  if (page.delimiter) query.push(["delimiter", page.delimiter]);
  if (page.token !== undefined) query.push(["continuation-token", page.token]);
  if (page.maxKeys !== undefined) query.push(["max-keys", String(page.maxKeys)]);
  return bucketRequest(address, "GET", query);
}

/** ListObjects (v1): `marker` names the last key or prefix already seen. */
export function listObjectsV1Request(address: BucketAddress, page: ObjectPageRequest): HttpRequest {
  const query: [string, string][] = [];
  if (page.prefix) query.push(["prefix", page.prefix]);
  if (page.delimiter) query.push(["delimiter", page.delimiter]);
  if (page.token !== undefined) query.push(["marker", page.token]);
  if (page.maxKeys !== undefined) query.push(["max-keys", String(page.maxKeys)]);
  return bucketRequest(address, "GET", query);
}
