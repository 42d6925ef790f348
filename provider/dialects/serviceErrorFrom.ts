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

/** Status alone, for codes nobody listed and for responses without a document. */
export function classForStatus(status: number): ServiceErrorClass {
  if (status === 404) return NotFoundError;
  if (status === 401 || status === 403) return AccessDeniedError;
  if (status === 409) return ConflictError;
  if (status === 429 || status === 503) return ThrottledError;
  if (status >= 500) return ServerError;
  if (status === 400) return InvalidArgumentError;
  return ServiceError;
}

/** What a response without an error document is taken to say; HEAD responses never have one. */
export function bodylessCode(status: number, operation: OperationName): string {
  if (status === 404) return operation === "describeBucket" ? "NoSuchBucket" : "NotFound";
  if (status === 401 || status === 403) return "AccessDenied";
  if (status === 429) return "TooManyRequests";
  if (status === 503) return "ServiceUnavailable";
  if (status >= 500) return "InternalError";
  return `HTTP${status}`;
}

export interface ErrorMapping {
  table: ErrorTable;
  requestIdHeader: string;
  /** OSS: x-oss-ec. */
  ecHeader?: string;
  /** Message used when there is no error document (per vendor, e.g. S3's expected-owner hint on HEAD 403). */
  bodylessMessage?(status: number, operation: OperationName): string | undefined;
}

const parseErrorDocument = createXmlParser({ arrayPaths: [] });

/**
 * Reads `<Error><Code/><Message/><RequestId/>[<EC/>]</Error>` when there is one; only those four fields are
 * kept (vendors also echo StringToSign or SignatureProvided, which never belong in a message).
 */
export function serviceErrorFrom(response: HttpResponse, operation: OperationName, mapping: ErrorMapping): ServiceError {
  const doc = readErrorDocument(response.body);
  const headerId = response.headers[mapping.requestIdHeader];
  const details: ServiceErrorDetails = {
    vendorCode: doc?.code || bodylessCode(response.status, operation),
    vendorMessage:
      doc?.message ??
      mapping.bodylessMessage?.(response.status, operation) ??
      (response.body.trim() === "" ? "(no error document in the response)" : "(the response body is not an error document)"),
    status: response.status,
    requestId: headerId || doc?.requestId || undefined,
    ec: doc?.ec || (mapping.ecHeader ? response.headers[mapping.ecHeader] : undefined) || undefined,
    retryAfterSeconds: parseRetryAfter(response.headers["retry-after"]),
  };
  const Cls = mapping.table[details.vendorCode] ?? COMMON_ERROR_CODES[details.vendorCode] ?? classForStatus(response.status);
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
