import {
  AccessDeniedError,
  ConflictError,
  InvalidArgumentError,
  LimitExceededError,
  NotFoundError,
  ServerError,
  ServiceError,
  ThrottledError,
  type ServiceErrorClass,
  type ServiceErrorDetails,
} from "../errors";
import type { HttpResponse } from "../http/httpTypes";
import { parseRetryAfter } from "../http/parseRetryAfter";
import { createXmlParser } from "../xml/createXmlParser";
import type { OperationName } from "./dialect";

/** Vendor error code → class. A code not in the table is classed by its HTTP status. */
export type ErrorTable = Readonly<Record<string, ServiceErrorClass>>;

/** Codes every vendor shares (same spelling on all four); each vendor's table adds its own on top. */
export const COMMON_ERROR_CODES: ErrorTable = {
  NoSuchBucket: NotFoundError,
  AccessDenied: AccessDeniedError,
  SignatureDoesNotMatch: AccessDeniedError,
  InvalidAccessKeyId: AccessDeniedError,
  RequestTimeTooSkewed: AccessDeniedError,
  InvalidArgument: InvalidArgumentError,
  MalformedXML: InvalidArgumentError,
  SlowDown: ThrottledError,
  ServiceUnavailable: ThrottledError,
  TooManyRequests: ThrottledError,
  RequestLimitExceeded: ThrottledError,
  Throttling: ThrottledError,
  InternalError: ServerError,
};

/**
 * Status alone, for codes nobody listed and for responses without a document. A 404 is not among them: only a
 * vendor's own not-found codes mean "gone" (see `classFor`); any other 404 is a plain ServiceError.
 */
export function classForStatus(status: number): ServiceErrorClass {
  if (status === 401 || status === 403) return AccessDeniedError;
  if (status === 409) return ConflictError;
  if (status === 429 || status === 503) return ThrottledError;
  if (status >= 500) return ServerError;
  if (status === 400) return InvalidArgumentError;
  return ServiceError;
}

/**
 * What a response without an error document is taken to say; HEAD responses never have one. A bodyless HEAD 404
 * is the vendor's "no such bucket" only when the vendor's request-id header shows the vendor answered it.
 */
export function bodylessCode(status: number, operation: OperationName, fromVendor = true): string {
  if (status === 404) return operation === "describeBucket" && fromVendor ? "NoSuchBucket" : "HTTP404";
  if (status === 401 || status === 403) return "AccessDenied";
  if (status === 429) return "TooManyRequests";
  if (status === 503) return "ServiceUnavailable";
  if (status >= 500) return "InternalError";
  return `HTTP${status}`;
}

export interface ErrorMapping {
  /** How messages name the vendor: "OSS", "COS", "OBS", "S3". */
  label: string;
  table: ErrorTable;
  requestIdHeader: string;
  /** OSS: x-oss-ec. */
  ecHeader?: string;
  /** Message used when there is no error document (per vendor, e.g. S3's expected-owner hint on HEAD 403). */
  bodylessMessage?(status: number, operation: OperationName): string | undefined;
}

const parseErrorDocument = createXmlParser();

/** The codes that mean "gone" for this vendor: its table's not-found codes and NoSuchBucket. */
export function notFoundCodes(mapping: Pick<ErrorMapping, "table">): string[] {
  const own = Object.keys(mapping.table).filter((code) => mapping.table[code] === NotFoundError);
  return [...own, ...Object.keys(COMMON_ERROR_CODES).filter((code) => COMMON_ERROR_CODES[code] === NotFoundError)];
}

/**
 * The class for a code and status. A not-found code counts only on a 404, and a 404 counts as not-found only with
 * one of the vendor's own not-found codes: an HTML 404 from a gateway or a wrong endpoint, or a 404 about something
 * else (NoSuchKey), must never make refresh drop a resource or delete report success.
 */
function classFor(code: string, status: number, mapping: ErrorMapping): ServiceErrorClass {
  const listed = mapping.table[code] ?? COMMON_ERROR_CODES[code];
  if (listed === NotFoundError) return status === 404 ? NotFoundError : classForStatus(status);
  return listed ?? classForStatus(status);
}

/** "a 404 text/html answer from server "nginx"": what answered, from headers only (a body may echo our request). */
function describeAnswer(response: HttpResponse): string {
  const clean = (v: string | undefined) => (v ?? "").replace(/[^\x20-\x7e]/g, "").slice(0, 60).trim();
  const type = clean(response.headers["content-type"]?.split(";")[0]);
  const server = clean(response.headers.server);
  return `a ${response.status}${type ? ` ${type}` : ""} answer${server ? ` from server "${server}"` : ""}`;
}

/** The message for a 404 that is not the vendor's not-found: what answered, and that nothing is taken as gone. */
function foreign404Message(response: HttpResponse, mapping: ErrorMapping, doc: ErrorDocument | undefined): string {
  const codes = notFoundCodes(mapping).join(", ");
  if (doc?.code) {
    return `${doc.message ?? ""} (a 404 with code ${doc.code} is not one of ${mapping.label}'s not-found answers (${codes}), so nothing is taken as gone)`.trim();
  }
  const id = response.headers[mapping.requestIdHeader] ? "" : ` and no ${mapping.requestIdHeader} header`;
  return `(${describeAnswer(response)} without ${mapping.label}'s error document${id}: is the endpoint ${mapping.label}'s? Nothing is taken as gone)`;
}

/**
 * Reads `<Error><Code/><Message/><RequestId/>[<EC/>]</Error>` when there is one; only those four fields are
 * kept (vendors also echo StringToSign or SignatureProvided, which never belong in a message).
 */
export function serviceErrorFrom(response: HttpResponse, operation: OperationName, mapping: ErrorMapping): ServiceError {
  const doc = readErrorDocument(response.body);
  const headerId = response.headers[mapping.requestIdHeader];
  const vendorCode = doc?.code || bodylessCode(response.status, operation, Boolean(headerId));
  const Cls = classFor(vendorCode, response.status, mapping);
  const details: ServiceErrorDetails = {
    vendorCode,
    vendorMessage:
      response.status === 404 && Cls !== NotFoundError
        ? foreign404Message(response, mapping, doc)
        : doc?.message ??
          mapping.bodylessMessage?.(response.status, operation) ??
          (response.body.trim() === "" ? "(no error document in the response)" : `(${describeAnswer(response)}, not an error document)`),
    status: response.status,
    requestId: headerId || doc?.requestId || undefined,
    ec: doc?.ec || (mapping.ecHeader ? response.headers[mapping.ecHeader] : undefined) || undefined,
    retryAfterSeconds: parseRetryAfter(response.headers["retry-after"]),
  };
  return new Cls(details);
}

interface ErrorDocument {
  code?: string;
  message?: string;
  requestId?: string;
  ec?: string;
}

/** The error document's fields, or undefined when the body is empty or not an `<Error>` document. */
export function readErrorDocument(body: string): ErrorDocument | undefined {
  if (body.trim() === "") return undefined;
  try {
    const { rootName, root } = parseErrorDocument(body);
    if (rootName !== "Error") return undefined;
    const text = (name: string) => root.textOf(name)?.trim();
    return { code: text("Code"), message: text("Message"), requestId: text("RequestId"), ec: text("EC") };
  } catch {
    return undefined;
  }
}
