import { TransportError } from "../errors";

/** What each failure code means, in words; codes not listed are said as "request failed (<code>)". */
const REASONS: Record<string, string> = {
  UND_ERR_CONNECT_TIMEOUT: "connect timed out",
  UND_ERR_HEADERS_TIMEOUT: "no response headers in time",
  UND_ERR_BODY_TIMEOUT: "response body stalled",
  UND_ERR_SOCKET: "connection closed by the other side",
  UND_ERR_CLOSED: "connection closed",
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: "response body cut short",
  UND_ERR_INVALID_ARG: "the request could not be sent as built",
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  ECONNABORTED: "connection aborted",
  EPIPE: "connection closed while sending",
  ETIMEDOUT: "connection timed out",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ENOTFOUND: "host not found (check the endpoint and region)",
  EAI_AGAIN: "host name lookup failed",
  DEPTH_ZERO_SELF_SIGNED_CERT: "the server's certificate is self-signed and not trusted",
  SELF_SIGNED_CERT_IN_CHAIN: "the server's certificate chain is not trusted",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "the server's certificate cannot be verified",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "the server's certificate issuer is not trusted",
  CERT_HAS_EXPIRED: "the server's certificate has expired",
  ERR_TLS_CERT_ALTNAME_INVALID: "the server's certificate is for another host name",
  EPROTO: "the TLS handshake failed",
};

const TIMEOUT_CODES = new Set(["UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT", "ETIMEDOUT"]);

/**
 * Failures a second attempt can get past: the connection broke or was refused, or the answer was slow. Anything
 * else (a request undici refuses to send, an untrusted certificate, a host that does not exist, a bug) fails the
 * same way every time, so it is not retried.
 */
const TRANSIENT_CODES = new Set([
  ...TIMEOUT_CODES,
  "UND_ERR_SOCKET",
  "UND_ERR_CLOSED",
  "UND_ERR_RES_CONTENT_LENGTH_MISMATCH",
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);

/**
 * Says what failed where, from the error's code only: never a header, so never a credential or signature.
 * `timedOutAfterMs` is set when our own deadline ended the exchange.
 */
export function transportError(error: unknown, where: string, timedOutAfterMs?: number): TransportError {
  const code = findCode(error);
  if (timedOutAfterMs !== undefined) {
    return new TransportError(`${where}: timed out after ${timedOutAfterMs} ms${code ? ` (${code})` : ""}`, { cause: error, timedOut: true });
  }
  const reason = (code && REASONS[code]) || "request failed";
  const retryable = code !== undefined && TRANSIENT_CODES.has(code);
  const timedOut = code !== undefined && TIMEOUT_CODES.has(code);
  const hint = retryable ? "" : "; not retried: another attempt would fail the same way";
  return new TransportError(`${where}: ${reason}${code ? ` (${code})` : ""}${hint}`, { cause: error, timedOut, retryable });
}

function findCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}
