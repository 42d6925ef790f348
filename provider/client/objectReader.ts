import { Readable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { BucketInventoryError, ConfigError, ProtocolError, ServiceError, withContext } from "../errors";
import { dialectFor } from "../dialects/dialectFor";
import type { ObjectPage, ObjectPageRequest } from "../dialects/objectDialect";
import { objectDialectFor } from "../dialects/objectDialectFor";
import { responseMeta } from "../dialects/responseMeta";
import { resolveRetryPolicy, retryDelayMs, withRetry } from "../http/retry";
import { createHttpAgent, DEFAULT_TIMEOUT_MS } from "../http/send";
import { transportError } from "../http/transportError";
import { isStreamed, sendStream, type StreamedResponse } from "../http/sendStream";
import type { BucketRef } from "../model/inventoryConfig";
import { credentialsFor } from "./credentialsFor";
import { exchange, prepareRequest, type ExchangeContext } from "./exchange";
import type { ClientOptions } from "./inventoryClient";
import { redactSecrets } from "./redactSecrets";
import { signerFor } from "./signerFor";

/** A bound on listing pages (1,000 keys each): a report folder holds far fewer. */
export const MAX_OBJECT_PAGES = 10_000;

export interface OpenedObject {
  /** Content-Length of the whole object, when the service sent it. */
  size?: number;
  etag?: string;
  /** The bytes; a connection cut mid-way is resumed from where it stopped (Range + If-Match), up to the retry budget. */
  body: Readable;
}

/** Reading a bucket's objects (a report's destination) with the same signing, retries, timeouts and redaction. */
export interface ObjectReader {
  /** Every page of a listing under `prefix` (with `delimiter`, common prefixes too). */
  listObjects(ref: BucketRef, request: Omit<ObjectPageRequest, "token">): AsyncGenerator<ObjectPage>;
  /** A small object's text (manifests, checksums), at most 4 MiB; undefined when it does not exist. */
  getObjectText(ref: BucketRef, key: string): Promise<string | undefined>;
  /** A stream of a (large) object's bytes; undefined when it does not exist. */
  openObject(ref: BucketRef, key: string): Promise<OpenedObject | undefined>;
  close(): Promise<void>;
}

export function createObjectReader(options: ClientOptions): ObjectReader {
  const policy = resolveRetryPolicy(options.retry);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!(timeoutMs > 0) || !Number.isFinite(timeoutMs)) throw new ConfigError(`timeoutMs is ${timeoutMs}: must be a positive number`);
  const dispatcher = createHttpAgent(timeoutMs);
  const contextFor = (ref: BucketRef): ExchangeContext => {
    const dialect = dialectFor(ref.vendor);
    return {
      dialect, credentials: credentialsFor(options.credentials, dialect), signer: signerFor(ref.vendor, options.ossSignatureVersion),
      now: options.now ?? (() => new Date()), timeoutMs, dispatcher, onExchange: options.onExchange,
    };
  };
  const retry = <T>(attempt: () => Promise<T>) => withRetry(attempt, policy);
  const where = (ref: BucketRef, what: string) => `${what} of ${ref.vendor}:${ref.region}:${ref.bucket}`;

  async function* listObjects(ref: BucketRef, request: Omit<ObjectPageRequest, "token">): AsyncGenerator<ObjectPage> {
    const ctx = contextFor(ref);
    const objects = objectDialectFor(ref.vendor);
    let token: string | undefined;
    for (let page = 1; page <= MAX_OBJECT_PAGES; page++) {
      const sent = token;
      const result = await labelled(where(ref, `listing objects under "${request.prefix ?? ""}"`), () =>
        retry(() => exchange(ctx, ref, "listObjects", objects.buildListObjects(ref, { ...request, token: sent }), (r) => ({
          ...objects.deserializeObjectPage(r.body, responseMeta(r, ctx.dialect.requestIdHeader)),
          serverDate: r.headers.date,
        }))),
      );
      yield result;
      token = result.nextToken;
      if (token === undefined) return;
      if (token === sent) throw new ProtocolError(`the service returned the same listing token twice ("${token}")`);
    }
    throw new ProtocolError(`more than ${MAX_OBJECT_PAGES} pages of objects under "${request.prefix ?? ""}"`);
  }

  async function getObjectText(ref: BucketRef, key: string): Promise<string | undefined> {
    const ctx = contextFor(ref);
    const request = objectDialectFor(ref.vendor).buildGetObject(ref, key);
    return labelled(where(ref, `reading object "${key}"`), () =>
      retry(() => exchange(ctx, ref, "getObject", request, (r) => r.body)).catch(notFoundAsUndefined),
    );
  }

  async function openObject(ref: BucketRef, key: string): Promise<OpenedObject | undefined> {
    const ctx = contextFor(ref);
    const open = (range?: string, ifMatch?: string) =>
      retry(() => openOnce(ctx, ref, key, range, ifMatch));
    const first = await labelled(where(ref, `reading object "${key}"`), () => open().catch(notFoundAsUndefined));
    if (!first) return undefined;
    const etag = first.headers.etag;
    const length = Number(first.headers["content-length"]);
    const resume = async (from: number) => open(`bytes=${from}-`, etag);
    const body = Readable.from(resumableBody(first, resume, policy.maxAttempts, (attempt, error) => retryDelayMs(attempt, policy, error)));
    return { size: Number.isSafeInteger(length) ? length : undefined, etag, body };
  }

  return { listObjects, getObjectText, openObject, close: () => dispatcher.close() };
}

/** One signed GET whose body stays on the wire; errors classed by the vendor's table and scrubbed. */
async function openOnce(ctx: ExchangeContext, ref: BucketRef, key: string, range?: string, ifMatch?: string): Promise<StreamedResponse> {
  const built = objectDialectFor(ref.vendor).buildGetObject(ref, key, { range });
  const request = ifMatch ? { ...built, headers: { ...built.headers, "if-match": ifMatch } } : built;
  const signed = await prepareRequest(request, ref, ctx);
  try {
    const response = await sendStream(signed, { timeoutMs: ctx.timeoutMs, dispatcher: ctx.dispatcher });
    if (!isStreamed(response)) throw ctx.dialect.deserializeError(response, "getObject");
    if (range && response.status !== 206) {
      response.body.destroy();
      throw new ProtocolError(`resuming "${key}" asked for ${range} and got status ${response.status}, not 206`, response.status);
    }
    return response;
  } catch (error) {
    throw redactSecrets(error, ctx.credentials, signed.headers.authorization);
  }
}

/**
 * The object's bytes; when the connection breaks mid-way (a retryable transport failure) the rest is asked for
 * with a Range from the byte reached, up to `maxAttempts` tries in all. What was already passed on is never sent
 * again, so a hash or parser downstream sees one unbroken stream.
 */
async function* resumableBody(
  first: StreamedResponse,
  resume: (from: number) => Promise<StreamedResponse>,
  maxAttempts: number,
  delayMs: (attempt: number, error: unknown) => number,
): AsyncGenerator<Buffer> {
  let response = first;
  let received = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      for await (const chunk of response.body) {
        const buf = chunk as Buffer;
        received += buf.length;
        yield buf;
      }
      return;
    } catch (error) {
      const failure = error instanceof BucketInventoryError ? error : transportError(error, "reading an object's body");
      if (!failure.retryable || attempt >= maxAttempts) throw failure;
      await sleep(delayMs(attempt, failure));
      response = await resume(received);
    }
  }
}

/** Only the object itself being absent (NoSuchKey) reads as undefined; a missing bucket or a gateway's 404 is an error. */
function notFoundAsUndefined(error: unknown): undefined {
  if (error instanceof ServiceError && error.details.status === 404 && error.vendorCode === "NoSuchKey") return undefined;
  throw error;
}

async function labelled<T>(what: string, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    throw error instanceof BucketInventoryError ? withContext(error, what) : error;
  }
}
