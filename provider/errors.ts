/**
 * The small error tree every layer speaks. Each class has a stable `code` (like undici's UND_ERR_*), says whether
 * a retry can help, and keeps its `cause`. Service errors keep the vendor's code, HTTP status and request id.
 * Messages never carry a credential, a signature or an Authorization header: nothing here ever receives one.
 */

export type ErrorCode =
  | "BI_ERR_INPUT"
  | "BI_ERR_CONFIG"
  | "BI_ERR_NOT_FOUND"
  | "BI_ERR_ACCESS_DENIED"
  | "BI_ERR_CONFLICT"
  | "BI_ERR_LIMIT_EXCEEDED"
  | "BI_ERR_THROTTLED"
  | "BI_ERR_INVALID_ARGUMENT"
  | "BI_ERR_SERVICE"
  | "BI_ERR_TRANSPORT"
  | "BI_ERR_PROTOCOL";

export abstract class BucketInventoryError extends Error {
  abstract readonly code: ErrorCode;
  readonly retryable: boolean = false;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A configuration or argument that breaks a rule; `property` is the path users wrote, e.g. "destination.bucket". */
export class InputError extends BucketInventoryError {
  readonly code = "BI_ERR_INPUT";
  constructor(
    readonly property: string,
    readonly reason: string,
  ) {
    super(`${property}: ${reason}`);
  }
}

/** The provider itself is not set up: missing credentials, bad endpoint, bad retry settings. */
export class ConfigError extends BucketInventoryError {
  readonly code = "BI_ERR_CONFIG";
}

export interface ServiceErrorDetails {
  /** The vendor's own code, e.g. "NoSuchInventory", "TooManyConfigurations". */
  vendorCode: string;
  vendorMessage: string;
  status: number;
  requestId?: string;
  /** OSS's EC, e.g. "0020-00000042". */
  ec?: string;
  /** Seconds, from a Retry-After header. */
  retryAfterSeconds?: number;
}

/** The service answered with an error document. Subclasses say what kind; the vendor's code stays available. */
export class ServiceError extends BucketInventoryError {
  readonly code: ErrorCode = "BI_ERR_SERVICE";
  readonly vendorCode: string;
  readonly vendorMessage: string;
  readonly status: number;
  readonly requestId?: string;
  readonly ec?: string;
  readonly retryAfterSeconds?: number;

  constructor(details: ServiceErrorDetails, context?: string) {
    super(ServiceError.describe(details, context));
    this.vendorCode = details.vendorCode;
    this.vendorMessage = details.vendorMessage;
    this.status = details.status;
    this.requestId = details.requestId;
    this.ec = details.ec;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }

  get details(): ServiceErrorDetails {
    const { vendorCode, vendorMessage, status, requestId, ec, retryAfterSeconds } = this;
    return { vendorCode, vendorMessage, status, requestId, ec, retryAfterSeconds };
  }

  /** "<context>: <code> <message> (request id <id>)", the format every service failure is reported in. */
  static describe(d: ServiceErrorDetails, context?: string): string {
    const ec = d.ec ? ` [EC ${d.ec}]` : "";
    const id = d.requestId ? ` (request id ${d.requestId})` : "";
    const text = `${d.vendorCode} ${d.vendorMessage}`.trim() + ec + id;
    return context ? `${context}: ${text}` : text;
  }
}

export class NotFoundError extends ServiceError {
  override readonly code = "BI_ERR_NOT_FOUND";
}
export class AccessDeniedError extends ServiceError {
  override readonly code = "BI_ERR_ACCESS_DENIED";
}
/** Already exists, or another change is in the way (OSS InventoryAlreadyExist). */
export class ConflictError extends ServiceError {
  override readonly code = "BI_ERR_CONFLICT";
}
export class LimitExceededError extends ServiceError {
  override readonly code = "BI_ERR_LIMIT_EXCEEDED";
}
export class ThrottledError extends ServiceError {
  override readonly code = "BI_ERR_THROTTLED";
  override readonly retryable = true;
}
export class InvalidArgumentError extends ServiceError {
  override readonly code = "BI_ERR_INVALID_ARGUMENT";
}
/** 5xx without a more specific meaning: retryable. */
export class ServerError extends ServiceError {
  override readonly retryable = true;
}

/**
 * The request did not complete: connection refused or reset, timeout, body cut short (retryable); or it could not
 * be sent at all, which no retry changes (an untrusted certificate, a host that does not exist: `retryable` false).
 */
export class TransportError extends BucketInventoryError {
  readonly code = "BI_ERR_TRANSPORT";
  override readonly retryable: boolean;
  /** No answer in time: unlike a refused or reset connection, the request may still be carried out later. */
  readonly timedOut: boolean;
  constructor(message: string, options?: { cause?: unknown; timedOut?: boolean; retryable?: boolean }) {
    super(message, options);
    this.timedOut = options?.timedOut ?? false;
    this.retryable = options?.retryable ?? true;
  }
}

/** The service answered something we cannot read: not XML, wrong root, a 200 carrying an error document. */
export class ProtocolError extends BucketInventoryError {
  readonly code = "BI_ERR_PROTOCOL";
  constructor(
    message: string,
    readonly status?: number,
    readonly requestId?: string,
    options?: { cause?: unknown; retryable?: boolean },
  ) {
    super(message, options);
    this.retryable = options?.retryable ?? false;
  }
  override readonly retryable: boolean;
}

export type ServiceErrorClass = new (details: ServiceErrorDetails, context?: string) => ServiceError;

/** The same error with "<context>: " in front, same class and fields, original as cause. */
export function withContext<E extends BucketInventoryError>(error: E, context: string): E {
  if (error instanceof ServiceError) {
    const Cls = error.constructor as ServiceErrorClass;
    const wrapped = new Cls(error.details, context);
    (wrapped as { cause?: unknown }).cause = error;
    return wrapped as unknown as E;
  }
  const copy = Object.create(Object.getPrototypeOf(error)) as E;
  Object.assign(copy, error);
  Object.defineProperty(copy, "message", { value: `${context}: ${error.message}`, enumerable: false, writable: true });
  Object.defineProperty(copy, "stack", { value: `${error.name}: ${context}: ${error.message}`, enumerable: false, writable: true });
  (copy as { cause?: unknown }).cause = error;
  return copy;
}
