import { Agent, request as undiciRequest, type Dispatcher } from "undici";
import { ConfigError, ProtocolError } from "../errors";
import { headerNameProblem, headerValueProblem } from "./headerValues";
import type { HttpRequest, HttpResponse } from "./httpTypes";
import { requestUrl } from "./requestUrl";
import { transportError } from "./transportError";

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

/**
 * The only I/O in the provider: one HTTP exchange, no retries, no interpretation of the status. Headers are checked
 * before anything is sent; the exchange ends by `timeoutMs` whatever the dispatcher does (undici has been seen to
 * leave a request on a TLS connection unsettled, deaf to its abort signal, after refusing a header).
 */
export async function send(request: HttpRequest, options: SendOptions): Promise<HttpResponse> {
  const where = `${request.method} ${request.origin}${request.path}`;
  refuseBadHeaders(request.headers, where);
  const dispatcher = options.dispatcher ?? (sharedAgent ??= createHttpAgent());
  const deadline = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      deadline.abort();
      reject(transportError(undefined, where, options.timeoutMs));
    }, options.timeoutMs);
  });
  const exchange = exchangeOnce(request, options, dispatcher, deadline.signal, where);
  // Once the deadline has won, a late failure of the exchange has no one waiting for it.
  exchange.catch(() => undefined);
  try {
    return await Promise.race([exchange, expired]);
  } finally {
    clearTimeout(timer);
  }
}

async function exchangeOnce(request: HttpRequest, options: SendOptions, dispatcher: Dispatcher, signal: AbortSignal, where: string): Promise<HttpResponse> {
  const limit = options.maxBodyBytes ?? MAX_RESPONSE_BYTES;
  try {
    const response = await undiciRequest(requestUrl(request), {
      method: request.method,
      headers: request.headers,
      body: request.body,
      dispatcher,
      signal,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
    const body = await readBody(response.body, limit, where, response.statusCode);
    return { status: response.statusCode, headers: flattenHeaders(response.headers), body };
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw transportError(error, where, signal.aborted ? options.timeoutMs : undefined);
  }
}

/** A header undici would refuse mid-flight is refused here, naming the header but never its value. */
function refuseBadHeaders(headers: Record<string, string>, where: string): void {
  for (const [name, value] of Object.entries(headers)) {
    const problem = headerNameProblem(name) ?? (typeof value === "string" ? headerValueProblem(value) : "is not a string");
    if (problem) throw new ConfigError(`${where}: header ${JSON.stringify(name)} ${problem}, which HTTP does not allow; nothing was sent`);
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
