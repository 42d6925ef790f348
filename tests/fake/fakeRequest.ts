/**
 * A request as the fake cloud sees it: the raw target kept for signature checks (each scheme canonicalizes the
 * path and query its own way), plus decoded views for routing. Plain data built once per request.
 */

export interface QueryParam {
  /** Decoded key. */
  key: string;
  /** Decoded value; "" when absent. */
  value: string;
  /** Whether the raw pair had "=" (`inventory=` vs `inventory`). */
  hasEquals: boolean;
}

export interface FakeRequest {
  /** Our request id, also sent back in the vendor's request-id header. */
  id: string;
  method: string;
  /** The request target as received: origin-form ("/a?b") or absolute-form ("http://h/a?b", proxy style). */
  rawUrl: string;
  /** The path as sent, still URI-encoded. */
  rawPath: string;
  /** The decoded path. */
  path: string;
  /** The query string as sent, without "?". */
  rawQuery: string;
  query: QueryParam[];
  /** Lower-case names; repeated headers joined with ",". */
  headers: Record<string, string>;
  /** The host the client addressed (Host header, or the authority of an absolute-form target), without port. */
  host: string;
  body: Buffer;
  /** The body went over the server's limit; `body` is then empty and the request is refused. */
  bodyTooLarge?: boolean;
}

export function buildFakeRequest(
  id: string,
  method: string,
  rawUrl: string,
  rawHeaders: string[],
  body: Buffer,
): FakeRequest {
  const headers = headersFromRaw(rawHeaders);
  const target = splitTarget(rawUrl);
  const host = stripPort(headers.host ?? target.authority ?? "");
  return {
    id,
    method: method.toUpperCase(),
    rawUrl,
    rawPath: target.rawPath,
    path: safeDecode(target.rawPath),
    rawQuery: target.rawQuery,
    query: parseQuery(target.rawQuery),
    headers,
    host,
    body,
  };
}

/**
 * Node lower-cases and joins with ", "; signature schemes join repeated headers with "," and need raw values.
 * No prototype: a header named `constructor` or `__proto__` is a header like any other, never Object's.
 */
export function headersFromRaw(rawHeaders: string[]): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i].toLowerCase();
    out[name] = name in out ? `${out[name]},${rawHeaders[i + 1]}` : rawHeaders[i + 1];
  }
  return out;
}

function splitTarget(rawUrl: string): { authority?: string; rawPath: string; rawQuery: string } {
  let rest = rawUrl;
  let authority: string | undefined;
  const absolute = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/([^/?#]*)/.exec(rest);
  if (absolute) {
    authority = absolute[1].replace(/^.*@/, "");
    rest = rest.slice(absolute[0].length) || "/";
  }
  const hash = rest.indexOf("#");
  if (hash >= 0) rest = rest.slice(0, hash);
  const q = rest.indexOf("?");
  const rawPath = q >= 0 ? rest.slice(0, q) : rest;
  return { authority, rawPath: rawPath.startsWith("/") ? rawPath : `/${rawPath}`, rawQuery: q >= 0 ? rest.slice(q + 1) : "" };
}

export function parseQuery(rawQuery: string): QueryParam[] {
  if (rawQuery === "") return [];
  return rawQuery
    .split("&")
    .filter((pair) => pair !== "")
    .map((pair) => {
      const eq = pair.indexOf("=");
      const rawKey = eq >= 0 ? pair.slice(0, eq) : pair;
      const rawValue = eq >= 0 ? pair.slice(eq + 1) : "";
      return { key: safeDecode(rawKey), value: safeDecode(rawValue), hasEquals: eq >= 0 };
    });
}

/** A malformed %-sequence stays as sent rather than failing the request. "+" is kept literally, as SDKs send %20. */
export function safeDecode(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function stripPort(host: string): string {
  const trimmed = host.trim().toLowerCase();
  if (trimmed.startsWith("[")) return trimmed.slice(0, trimmed.indexOf("]") + 1);
  const colon = trimmed.lastIndexOf(":");
  return colon >= 0 ? trimmed.slice(0, colon) : trimmed;
}

export function hasQuery(req: Pick<FakeRequest, "query">, key: string): boolean {
  return req.query.some((p) => p.key === key);
}

export function queryValue(req: Pick<FakeRequest, "query">, key: string): string | undefined {
  return req.query.find((p) => p.key === key)?.value;
}
