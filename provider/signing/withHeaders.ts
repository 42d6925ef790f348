import type { HttpRequest } from "../http/httpTypes";

/** Header names lower-cased (the HttpRequest contract), in a fresh object. */
export function lowerCaseHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = value;
  return out;
}

/** A copy of `request` with `added` headers set; the input (headers, query pairs) is never touched. */
export function withHeaders(request: HttpRequest, added: Record<string, string>): HttpRequest {
  return {
    ...request,
    query: request.query.map(([k, v]) => [k, v] as [string, string]),
    headers: { ...lowerCaseHeaders(request.headers), ...lowerCaseHeaders(added) },
  };
}

/** Case-insensitive header lookup; `""` when absent (the value every string-to-sign uses for a missing header). */
export function headerValue(headers: Record<string, string>, name: string): string {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return "";
}

/** Byte-order comparison (what the vendors' Go and Java signers sort with), independent of locale. */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
