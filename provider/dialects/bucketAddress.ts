import { ConfigError } from "../errors";
import type { HttpRequest } from "../http/httpTypes";
import type { BucketRef } from "../model/inventoryConfig";

/** Where a bucket's sub-resources live: origin, Host header and the path of the bucket itself. */
export interface BucketAddress {
  origin: string;
  host: string;
  /** "/" virtual-hosted, "/<bucket>/" path-style. */
  path: string;
}

/**
 * Virtual-hosted on the vendor's public endpoint by default; with `ref.endpoint` (fake cloud, private endpoint)
 * that origin is used with path-style addressing.
 */
export function bucketAddress(ref: BucketRef, virtualHost: (bucket: string, region: string) => string): BucketAddress {
  if (ref.endpoint === undefined || ref.endpoint === "") {
    const host = virtualHost(ref.bucket, ref.region);
    return { origin: `https://${host}`, host, path: "/" };
  }
  const url = parseEndpoint(ref.endpoint);
  return { origin: url.origin, host: url.host, path: `/${encodeURIComponent(ref.bucket)}/` };
}

function parseEndpoint(endpoint: string): URL {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new ConfigError(`endpoint "${endpoint}" is not a URL: expected e.g. http://127.0.0.1:9000`);
  }
  const plain = (url.pathname === "/" || url.pathname === "") && !url.search && !url.username && !url.password;
  if ((url.protocol !== "http:" && url.protocol !== "https:") || !plain) {
    throw new ConfigError(`endpoint "${url.origin}${url.pathname}" must be an http(s) origin without path, query or user info`);
  }
  return url;
}

/** A bucket-level request: the address's host header plus any extra headers; the signer adds the rest. */
export function bucketRequest(
  address: BucketAddress,
  method: HttpRequest["method"],
  query: [string, string][],
  extra: { headers?: Record<string, string>; body?: string } = {},
): HttpRequest {
  const request: HttpRequest = {
    method,
    origin: address.origin,
    path: address.path,
    query,
    headers: { host: address.host, ...extra.headers },
  };
  if (extra.body !== undefined) request.body = extra.body;
  return request;
}
