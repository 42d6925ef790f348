import { ConfigError, InputError, ProtocolError } from "../errors";
import { endpointForMessages } from "../model/normalize";
import { isHostSafeBucket } from "../model/bucketNames";
import { textProblem } from "../model/textRules";
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
  refuseUnaddressable(ref);
  if (ref.endpoint === undefined || ref.endpoint === "") {
    const host = virtualHost(ref.bucket, ref.region);
    return { origin: `https://${host}`, host, path: "/" };
  }
  const url = parseEndpoint(ref.endpoint);
  return { origin: url.origin, host: url.host, path: `/${ref.bucket}/` };
}

const shown = (value: string) => JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);

/**
 * The bucket becomes a host name label or a path segment, the region part of a host name: a value that would change
 * either (`127.0.0.1:9/x#`, `a/b`, `a b`) is refused here, whatever check let through, never percent-encoded into
 * something the service would read as another bucket.
 */
function refuseUnaddressable(ref: BucketRef): void {
  if (typeof ref.bucket !== "string" || !isHostSafeBucket(ref.bucket)) {
    throw new InputError("bucket", `${shown(String(ref.bucket))} cannot be addressed: a bucket name is part of the request's host name or path, and this one would change them; nothing was sent`);
  }
  if (typeof ref.region !== "string" || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(ref.region)) {
    throw new InputError("region", `${shown(String(ref.region))} cannot be addressed: a region is part of the request's host name, and this one would change it; nothing was sent`);
  }
}

/** Endpoints parsed and accepted, by their text: every request of a client addresses the same one or few. */
const accepted = new Map<string, { origin: string; host: string }>();
const ACCEPTED_KEPT = 64;

function parseEndpoint(endpoint: string): { origin: string; host: string } {
  let known = accepted.get(endpoint);
  if (known === undefined) {
    const url = parseEndpointUrl(endpoint);
    known = { origin: url.origin, host: url.host };
    if (accepted.size >= ACCEPTED_KEPT) accepted.clear();
    accepted.set(endpoint, known);
  }
  return known;
}

function parseEndpointUrl(endpoint: string): URL {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new ConfigError(`endpoint ${shown(endpointForMessages(endpoint))} is not a URL: expected e.g. http://127.0.0.1:9000`);
  }
  const plain = (url.pathname === "/" || url.pathname === "") && !url.search && !url.username && !url.password;
  if ((url.protocol !== "http:" && url.protocol !== "https:") || !plain) {
    throw new ConfigError(`endpoint ${shown(`${url.protocol}//${url.host}${url.pathname}`)} must be an http(s) origin without path, query or user info`);
  }
  return url;
}

/**
 * Query values are sent percent-encoded as UTF-8: one that is not text (a lone surrogate) or holds control
 * characters would be mangled or refused on the way. An id is the user's (InputError); a continuation token came
 * from the service (ProtocolError).
 */
function refuseUnsendable(query: [string, string][]): void {
  for (const [key, value] of query) {
    const problem = textProblem(value);
    if (!problem) continue;
    if (key === "id" || key === "inventoryId") throw new InputError("inventoryId", `${shown(value)} ${problem}; nothing was sent`);
    throw new ProtocolError(`the service sent a ${key} that cannot be sent back: it ${problem}`);
  }
}

/** A bucket-level request: the address's host header plus any extra headers; the signer adds the rest. */
export function bucketRequest(
  address: BucketAddress,
  method: HttpRequest["method"],
  query: [string, string][],
  extra: { headers?: Record<string, string>; body?: string } = {},
): HttpRequest {
  refuseUnsendable(query);
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
