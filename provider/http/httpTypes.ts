/** A request as the dialects build it and the signers sign it: plain data, no I/O. */
export interface HttpRequest {
  method: "GET" | "PUT" | "DELETE" | "HEAD" | "POST";
  /** "https://photos.oss-cn-hangzhou.aliyuncs.com" or, with an endpoint override, "http://127.0.0.1:9000". */
  origin: string;
  /** The path exactly as sent (already URI-encoded): "/" virtual-hosted, "/photos/" path-style. */
  path: string;
  /** Query parameters in send order, decoded. An empty value is a bare sub-resource such as `inventory`. */
  query: [string, string][];
  /** Lower-case names. `host` is always present. */
  headers: Record<string, string>;
  body?: string;
}

export interface HttpResponse {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: string;
}
