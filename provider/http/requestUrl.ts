import type { HttpRequest } from "./httpTypes";

/** RFC 3986 encoding: encodeURIComponent leaves !'()* alone, signers and servers expect them encoded. */
export function encodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The query as sent: an empty value is a bare sub-resource key (`?inventory&id=x`), the docs' spelling. */
export function queryString(query: HttpRequest["query"]): string {
  return query.map(([k, v]) => (v === "" ? encodeRfc3986(k) : `${encodeRfc3986(k)}=${encodeRfc3986(v)}`)).join("&");
}

/** Path and query exactly as they go on the request line. */
export function requestTarget(request: Pick<HttpRequest, "path" | "query">): string {
  const qs = queryString(request.query);
  return qs ? `${request.path}?${qs}` : request.path;
}

export function requestUrl(request: Pick<HttpRequest, "origin" | "path" | "query">): string {
  return request.origin + requestTarget(request);
}
