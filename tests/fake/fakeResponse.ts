/** What a handler answers: plain data the server writes; faults may change how it is delivered. */
export interface FakeResponse {
  status: number;
  headers: Record<string, string>;
  body?: Buffer;
  /** Set by faults: cut the connection after part of the body, or send only part of it. */
  delivery?: { kind: "reset-mid-body" } | { kind: "truncate"; bytes?: number };
  /** Set by faults: destroy the connection without answering. */
  reset?: boolean;
  /** For the request log: the error code carried by the body, if any. */
  errorCode?: string;
}

export function xmlResponse(status: number, xml: string, headers: Record<string, string> = {}): FakeResponse {
  return { status, headers: { "content-type": "application/xml", ...headers }, body: Buffer.from(xml, "utf8") };
}

export function emptyResponse(status: number, headers: Record<string, string> = {}): FakeResponse {
  return { status, headers };
}

export function jsonResponse(status: number, value: unknown): FakeResponse {
  return {
    status,
    headers: { "content-type": "application/json" },
    body: Buffer.from(`${JSON.stringify(value, null, 2)}\n`, "utf8"),
  };
}
