import { Agent, request as undiciRequest, type Dispatcher } from "undici";
import { ProtocolError, TransportError } from "../errors";
import type { HttpRequest, HttpResponse } from "./httpTypes";
import { requestUrl } from "./requestUrl";

/** Responses larger than this are refused: inventory documents are a few KiB, 100 configurations well under 1 MiB. */
export const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 30_000;

export interface SendOptions {
  /** Whole exchange: connect, headers and body each, and the exchange as a whole, end by this deadline. */
  timeoutMs: number;
  /** From createHttpAgent; a shared default agent otherwise. */
  dispatcher?: Dispatcher;
  maxBodyBytes?: number;
}

/** undici's own defaults are 300 s per phase: every agent we use sets them explicitly. */
export function createHttpAgent(timeoutMs: number = DEFAULT_TIMEOUT_MS): Agent {
  return new Agent({
    connect: { timeout: timeoutMs },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    keepAliveTimeout: 4_000,
  });
}

let sharedAgent: Agent | undefined;

/** The only I/O in the provider: one HTTP exchange, no retries, no interpretation of the status. */
export async function send(request: HttpRequest, options: SendOptions): Promise<HttpResponse> {
  const dispatcher = options.dispatcher ?? (sharedAgent ??= createHttpAgent());
  const limit = options.maxBodyBytes ?? MAX_RESPONSE_BYTES;
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), options.timeoutMs);
  timer.unref?.();
  const where = `${request.method} ${request.origin}${request.path}`;
  try {
    const response = await undiciRequest(requestUrl(request), {
      method: request.method,
      headers: request.headers,
      body: request.body,
      dispatcher,
      signal: deadline.signal,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
    const body = await readBody(response.body, limit, where, response.statusCode);
    return { status: response.statusCode, headers: flattenHeaders(response.headers), body };
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw transportError(error, where, deadline.signal.aborted ? options.timeoutMs : undefined);
  } finally {
    clearTimeout(timer);
  }
}

async function readBody(body: Dispatcher.ResponseData["body"], limit: number, where: string, status: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += buf.length;
    if (size > limit) {
      body.destroy();
      throw new ProtocolError(`${where}: response body exceeds ${limit} bytes`, status);
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

const REASONS: Record<string, string> = {
  UND_ERR_CONNECT_TIMEOUT: "connect timed out",
  UND_ERR_HEADERS_TIMEOUT: "no response headers in time",
  UND_ERR_BODY_TIMEOUT: "response body stalled",
  UND_ERR_SOCKET: "connection closed by the other side",
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: "response body cut short",
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed",
};

const TIMEOUT_CODES = new Set(["UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);

/** Says what failed where, from the error's code only: never a header, so never a credential or signature. */
function transportError(error: unknown, where: string, timedOutAfterMs?: number): TransportError {
  const code = findCode(error);
  const reason =
    timedOutAfterMs !== undefined ? `timed out after ${timedOutAfterMs} ms` : (code && REASONS[code]) || "request failed";
  const timedOut = timedOutAfterMs !== undefined || (code !== undefined && TIMEOUT_CODES.has(code));
  return new TransportError(`${where}: ${reason}${code ? ` (${code})` : ""}`, { cause: error, timedOut });
}

function findCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}
