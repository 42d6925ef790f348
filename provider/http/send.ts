import type { Agent, Dispatcher } from "undici";
import { ConfigError, ProtocolError } from "../errors";
import { headerNameProblem, headerValueProblem } from "./headerValues";
import type { HttpRequest, HttpResponse } from "./httpTypes";
import { requestTarget } from "./requestUrl";
import { transportError } from "./transportError";
import { undiciAgent } from "./undiciAgent";

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
  const Agent = undiciAgent();
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
 * leave a request on a TLS connection unsettled, deaf to its abort signal, after refusing a header). It runs on
 * undici's dispatch API with one handler object per exchange: the body is collected as it arrives (capped), and
 * our own timer ends the exchange and aborts the request; no stream, no abort signal, no promise race.
 */
export async function send(request: HttpRequest, options: SendOptions): Promise<HttpResponse> {
  refuseBadHeaders(request);
  const dispatcher = options.dispatcher ?? (sharedAgent ??= createHttpAgent());
  return new Promise<HttpResponse>((resolve, reject) => {
    const exchange = new Exchange(request, options, resolve, reject);
    try {
      dispatcher.dispatch(
        { origin: request.origin, path: requestTarget(request), method: request.method, headers: request.headers, body: request.body ?? null, headersTimeout: options.timeoutMs, bodyTimeout: options.timeoutMs },
        exchange,
      );
    } catch (error) {
      exchange.fail(error);
    }
  });
}

/** Ends an exchange that outlived its deadline: the caller hears of it now, undici is told to stop. */
function expire(exchange: Exchange): void {
  exchange.fail(undefined, true);
}

/** One exchange as undici's dispatch handler; settles its promise exactly once. */
class Exchange implements Dispatcher.DispatchHandler {
  private status = 0;
  private headers: Record<string, string | string[] | undefined> = {};
  private readonly chunks: Buffer[] = [];
  private size = 0;
  private controller: Dispatcher.DispatchController | undefined;
  private settled = false;
  private reason: Error | undefined;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly request: HttpRequest,
    private readonly options: SendOptions,
    private readonly resolve: (response: HttpResponse) => void,
    private readonly reject: (error: Error) => void,
  ) {
    this.timer = setTimeout(expire, options.timeoutMs, this);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    // Our deadline passed (or we gave up) while the request waited for a connection: it never starts.
    if (this.reason) controller.abort(this.reason);
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number, headers: Record<string, string | string[] | undefined>): void {
    this.status = statusCode;
    this.headers = headers;
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.size += chunk.length;
    const limit = this.options.maxBodyBytes ?? MAX_RESPONSE_BYTES;
    if (this.size > limit) {
      const error = new ProtocolError(`${where(this.request)}: response body exceeds ${limit} bytes`, this.status);
      this.settle(error);
      controller.abort(error);
      return;
    }
    this.chunks.push(chunk);
  }

  onResponseEnd(): void {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    const body = this.chunks.length === 1 ? this.chunks[0].toString("utf8") : Buffer.concat(this.chunks).toString("utf8");
    this.resolve({ status: this.status, headers: flattenHeaders(this.headers), body });
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.fail(error);
  }

  /** A failure of the exchange (or, with `timedOut`, our deadline); the first one wins, later ones are dropped. */
  fail(error: unknown, timedOut = false): void {
    if (this.settled) return;
    const failure = error instanceof ProtocolError ? error : transportError(error, where(this.request), timedOut ? this.options.timeoutMs : undefined);
    this.settle(failure);
    if (timedOut) {
      this.reason = failure;
      this.controller?.abort(failure);
    }
  }

  private settle(error: Error): void {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    this.reject(error);
  }
}

/** What failed, for messages: method, origin and path; never the query or a header. */
function where(request: HttpRequest): string {
  return `${request.method} ${request.origin}${request.path}`;
}

/** A header undici would refuse mid-flight is refused here, naming the header but never its value. */
function refuseBadHeaders(request: HttpRequest): void {
  for (const name in request.headers) {
    const value = request.headers[name];
    const problem = headerNameProblem(name) ?? (typeof value === "string" ? headerValueProblem(value) : "is not a string");
    if (problem) throw new ConfigError(`${where(request)}: header ${JSON.stringify(name)} ${problem}, which HTTP does not allow; nothing was sent`);
  }
}

/** undici gives lower-case names, and an array for a header sent more than once: joined as HTTP allows. */
function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) out[name] = typeof value === "string" ? value : value.join(", ");
  }
  return out;
}
