import { setTimeout as sleep } from "node:timers/promises";
import type { Scheme } from "./auth/authorizationHeader";
import { authenticate, identifyRequest, type Identity } from "./auth/identifyRequest";
import { entityTooLarge, FakeError, internalError } from "./errors";
import type { FakeRequest } from "./fakeRequest";
import type { FakeResponse } from "./fakeResponse";
import { faultError, type FaultSet, type StoredFault } from "./faults";
import type { RequestLog } from "./requestLog";
import type { RequestTracker } from "./requestTracker";
import { resolveAddress, type BucketAddress } from "./router";
import type { FakeStore } from "./store";
import { renderXml } from "./xml/renderXml";
import { dialectFor } from "./vendors/dialects";
import { handleVendorRequest } from "./vendors/handleVendorRequest";
import { detectOperation } from "./vendors/operations";
import type { Operation } from "./vendors/operations";
import type { VendorDialect } from "./vendors/vendorDialect";

export interface CloudState {
  store: FakeStore;
  faults: FaultSet;
  log: RequestLog;
  /** World time: timestamps, the schedule (moves ahead when the admin API advances the clock). */
  now: () => Date;
  /** The clock signatures are checked against (clients sign with theirs); `now` when absent. */
  wallNow?: () => Date;
  newUuid: () => string;
  maxBodyBytes: number;
  /** Requests in flight (index.ts hands the same tracker to the server). */
  tracker?: RequestTracker;
}

/**
 * One cloud request: identify the caller (the key's account picks the vendor), resolve the bucket, let a fault
 * hit, authenticate, serve, then answer in the vendor's voice. Nothing thrown escapes: an unexpected failure is a
 * 500 InternalError document and the server keeps serving.
 */
export async function handleCloudRequest(req: FakeRequest, state: CloudState): Promise<FakeResponse> {
  const identity = identifyRequest(req, state.store);
  const dialect = dialectFor(identity.vendor);
  const address = resolveAddress(req.host, req.rawPath, (name) => state.store.bucket(identity.vendor, name) !== undefined);
  const operation = detectOperation(req, address, dialect.inventory.idParam);
  const fault = state.faults.take({
    vendor: identity.vendor, method: req.method, path: req.rawPath, query: req.rawQuery, bucket: address.bucket, operation,
  });
  if (fault?.delayMs) await sleep(fault.delayMs);
  if (fault?.action.kind === "latency") await sleep(fault.action.ms);
  const response =
    answerInsteadOfServing(fault, req, address, dialect, identity.scheme) ??
    applyDeliveryFault(fault, serve(req, state, identity, address, operation, dialect), req, address, dialect, identity.scheme);
  response.headers = { ...dialect.responseHeaders(req.id, identity.scheme), ...response.headers };
  state.log.add({
    time: state.now().toISOString(), requestId: req.id, method: req.method, vendor: identity.vendor,
    accountId: identity.account?.accountId, operation, bucket: address.bucket, key: address.key, path: req.rawPath,
    query: req.rawQuery, headers: req.headers, status: response.status, errorCode: response.errorCode, fault: fault?.id,
  });
  return response;
}

/** Faults that replace the answer: a reset before it, or an injected error status. */
function answerInsteadOfServing(
  fault: StoredFault | undefined,
  req: FakeRequest,
  address: BucketAddress,
  dialect: VendorDialect,
  scheme?: Scheme,
): FakeResponse | undefined {
  const action = fault?.action;
  if (action?.kind === "reset" && action.when !== "mid-body") return { status: 0, headers: {}, reset: true };
  if (action?.kind !== "status") return undefined;
  const response = errorResponse(faultError(action, action.status), req, address, dialect, scheme);
  if (action.retryAfter !== undefined) response.headers["retry-after"] = String(action.retryAfter);
  return response;
}

function serve(
  req: FakeRequest,
  state: CloudState,
  identity: Identity,
  address: BucketAddress,
  operation: Operation,
  dialect: VendorDialect,
): FakeResponse {
  const now = state.now();
  try {
    if (req.bodyTooLarge) throw entityTooLarge(state.maxBodyBytes);
    const auth = authenticate(identity, { ...req, ...address }, dialect, state.wallNow?.() ?? now);
    if (auth instanceof FakeError) throw auth;
    const { account, scheme } = auth;
    const ctx = { req, vendor: identity.vendor, account, scheme, address, store: state.store, now, newUuid: state.newUuid };
    return handleVendorRequest(operation, ctx, dialect);
  } catch (error) {
    const known = error instanceof FakeError ? error : internalError();
    if (!(error instanceof FakeError)) process.emitWarning(`fake cloud: ${(error as Error)?.stack ?? String(error)}`);
    return errorResponse(known, req, address, dialect, identity.scheme);
  }
}

export function errorResponse(
  error: FakeError,
  req: FakeRequest,
  address: BucketAddress | undefined,
  dialect: VendorDialect,
  scheme?: Scheme,
): FakeResponse {
  const doc = dialect.errorDocument(error, req.id, { req, address, scheme });
  return {
    status: error.status,
    headers: { "content-type": "application/xml", ...(dialect.errorHeaders?.(error) ?? {}), ...error.headers },
    body: Buffer.from(renderXml(doc), "utf8"),
    errorCode: error.code,
  };
}

function applyDeliveryFault(
  fault: StoredFault | undefined,
  response: FakeResponse,
  req: FakeRequest,
  address: BucketAddress,
  dialect: VendorDialect,
  scheme?: Scheme,
): FakeResponse {
  const action = fault?.action;
  if (!action) return response;
  if (action.kind === "reset") return { ...response, delivery: { kind: "reset-mid-body" } };
  if (action.kind === "truncate") return { ...response, delivery: { kind: "truncate", bytes: action.bytes } };
  if (action.kind === "error-body-200") {
    const fallback = internalError();
    const error = new FakeError(200, action.code ?? fallback.code, action.message ?? fallback.message);
    return { ...errorResponse(error, req, address, dialect, scheme), status: 200 };
  }
  return response;
}
