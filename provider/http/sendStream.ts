import type { Readable } from "node:stream";
import { request as undiciRequest, type Dispatcher } from "undici";
import type { HttpRequest, HttpResponse } from "./httpTypes";
import { requestUrl } from "./requestUrl";
import { createHttpAgent } from "./send";
import { transportError } from "./transportError";

/** An answer whose body is still on the wire: the caller reads (or destroys) it. */
export interface StreamedResponse {
  status: number;
  headers: Record<string, string>;
  body: Readable;
}

export interface StreamOptions {
  /** Connect and headers each; afterwards, the longest the body may stall (no deadline on the whole download). */
  timeoutMs: number;
  dispatcher?: Dispatcher;
}

let sharedAgent: Dispatcher | undefined;

/**
 * One GET whose body is streamed rather than buffered (report data files can be gigabytes): a 2xx hands the body
 * over as it arrives; anything else is read (bounded, as `send` reads) so the vendor's error table can class it.
 * Large bodies get no whole-exchange deadline, only the stall timeout.
 */
export async function sendStream(request: HttpRequest, options: StreamOptions): Promise<StreamedResponse | HttpResponse> {
  const dispatcher = options.dispatcher ?? (sharedAgent ??= createHttpAgent(options.timeoutMs));
  const where = `${request.method} ${request.origin}${request.path}`;
  let response: Dispatcher.ResponseData;
  try {
    response = await undiciRequest(requestUrl(request), {
      method: request.method,
      headers: request.headers,
      dispatcher,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
  } catch (error) {
    throw transportError(error, where);
  }
  const headers = flatten(response.headers);
  if (response.statusCode >= 200 && response.statusCode < 300) {
    return { status: response.statusCode, headers, body: response.body as unknown as Readable };
  }
  const text = await response.body.text().catch(() => "");
  return { status: response.statusCode, headers, body: text.slice(0, 64 * 1024) };
}

export function isStreamed(response: StreamedResponse | HttpResponse): response is StreamedResponse {
  return typeof response.body !== "string";
}

function flatten(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}
