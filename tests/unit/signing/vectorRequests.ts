import type { HttpRequest } from "../../../provider/http/httpTypes";
import type { SigningInput } from "../../../provider/signing/signingTypes";

/** A request as the vector files spell it (query as [key, value] pairs, header names in any case). */
export interface VectorRequest {
  method: string;
  origin: string;
  path: string;
  query: string[][];
  /** JSON-inferred vector types mark a header another vector has as `undefined`: those are dropped. */
  headers: Record<string, string | undefined>;
  body?: string;
}

export function toRequest(v: VectorRequest): HttpRequest {
  return {
    method: v.method as HttpRequest["method"],
    origin: v.origin,
    path: v.path,
    query: v.query.map(([k, val]) => [k, val] as [string, string]),
    headers: Object.fromEntries(Object.entries(v.headers).filter((e): e is [string, string] => e[1] !== undefined)),
    ...(v.body !== undefined ? { body: v.body } : {}),
  };
}

/** `/srcbucket?inventory=&id=x` → path as sent and decoded query pairs (`k` and `k=` both give an empty value). */
export function splitUrl(url: string): { path: string; query: [string, string][] } {
  const at = url.indexOf("?");
  if (at < 0) return { path: url, query: [] };
  const query = url
    .slice(at + 1)
    .split("&")
    .filter((part) => part !== "")
    .map((part) => {
      const eq = part.indexOf("=");
      const key = eq < 0 ? part : part.slice(0, eq);
      const value = eq < 0 ? "" : part.slice(eq + 1);
      return [decodeURIComponent(key), decodeURIComponent(value)] as [string, string];
    });
  return { path: url.slice(0, at), query };
}

/** A signing input from plain vector fields. */
export function inputOf(v: {
  credentials: { accessKeyId: string; secretAccessKey: string; securityToken?: string };
  now?: string;
  region?: string;
  bucket?: string;
}): SigningInput {
  return {
    credentials: { ...v.credentials },
    now: new Date(v.now ?? "2026-01-01T00:00:00Z"),
    region: v.region ?? "",
    bucket: v.bucket ?? "",
  };
}

