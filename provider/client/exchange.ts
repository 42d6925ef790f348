import type { Dispatcher } from "undici";
import type { Dialect, OperationName } from "../dialects/dialect";
import type { HttpRequest, HttpResponse } from "../http/httpTypes";
import { send } from "../http/send";
import type { BucketRef } from "../model/inventoryConfig";
import type { Credentials } from "../signing/signingTypes";
import type { ClientOptions } from "./inventoryClient";
import { ProtocolError } from "../errors";
import { readErrorDocument } from "../dialects/serviceErrorFrom";
import { redactSecrets, secretScrubber } from "./redactSecrets";
import type { Signer } from "./signerFor";

export const USER_AGENT = "pulumi-bucket-inventory";

/** What one vendor's exchanges need; built once per call, used by every attempt. */
export interface ExchangeContext {
  dialect: Dialect;
  credentials: Credentials;
  signer: Signer;
  now: () => Date;
  timeoutMs: number;
  dispatcher?: Dispatcher;
  onExchange?: ClientOptions["onExchange"];
}

/** Built request → user agent → signed with the clock's current time (so every retry carries a fresh date). */
export async function prepareRequest(
  request: HttpRequest,
  ref: BucketRef,
  ctx: Pick<ExchangeContext, "dialect" | "credentials" | "signer" | "now">,
): Promise<HttpRequest> {
  const unsigned: HttpRequest = { ...request, headers: { ...request.headers, "user-agent": USER_AGENT } };
  const input = { credentials: ctx.credentials, now: ctx.now(), region: ctx.dialect.signingRegion(ref), bucket: ref.bucket };
  return ctx.signer(unsigned, input);
}

/**
 * One attempt: sign, send, report to onExchange, turn anything but a 2xx (or a status `answers` accepts) into
 * the error class the vendor's table gives it, else `read` the response. What is read, and errors made from what
 * the service sent back, are scrubbed of anything it may have copied from our request, in any letter case.
 */
export async function exchange<T>(
  ctx: ExchangeContext,
  ref: BucketRef,
  operation: OperationName,
  request: HttpRequest,
  read: (response: HttpResponse) => T,
  answers?: (response: HttpResponse) => boolean,
): Promise<T> {
  const signed = await prepareRequest(request, ref, ctx);
  let response: HttpResponse | undefined;
  try {
    response = await send(signed, { timeoutMs: ctx.timeoutMs, dispatcher: ctx.dispatcher });
    if (!(response.status >= 200 && response.status < 300) && !answers?.(response)) {
      throw ctx.dialect.deserializeError(response, operation);
    }
    refuseErrorDocument(response);
    // What a service sends back may repeat our credentials anywhere (an owner, a prefix): none of it goes further.
    return secretScrubber(ctx.credentials, signed.headers.authorization).value(read(response));
  } catch (error) {
    throw redactSecrets(error, ctx.credentials, signed.headers.authorization);
  } finally {
    notify(ctx.onExchange, signed, response);
  }
}

/**
 * A 2xx whose body is an `<Error>` document did not succeed, whatever the status says (a proxy or an overloaded
 * front end can answer so). Bodiless answers (PUT, DELETE) would otherwise pass as success: check them all here.
 */
function refuseErrorDocument(response: HttpResponse): void {
  if (!/^\s*(<\?xml[^>]*\?>\s*)?<Error[\s>]/.test(response.body)) return;
  const e = readErrorDocument(response.body);
  const what = e ? `${e.code ?? ""} ${e.message ?? ""}`.trim() : "";
  throw new ProtocolError(`a ${response.status} response carried an error document: ${what}`, response.status, e?.requestId, {
    retryable: true,
  });
}

/** The observer sees method, origin, path, query and status only, and cannot break the exchange. */
function notify(onExchange: ExchangeContext["onExchange"], request: HttpRequest, response?: HttpResponse): void {
  if (!onExchange) return;
  try {
    const { method, origin, path, query } = request;
    onExchange({ method, origin, path, query: query.map(([k, v]) => [k, v]) }, response && { status: response.status });
  } catch {
    // An observer's failure is not the operation's failure.
  }
}
