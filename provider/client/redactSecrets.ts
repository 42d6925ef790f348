import { ProtocolError, ServiceError, type ServiceErrorClass } from "../errors";
import type { Credentials } from "../signing/signingTypes";

const REDACTED = "<redacted>";

/**
 * What must never be repeated: the credentials and the Authorization header we sent, whole and in pieces
 * (a hostile or buggy server may echo a signature on its own). Short values (a key id "ak" would eat "break")
 * are left alone; the pieces of the header that are long enough to be a signature or key are not.
 */
function secretsOf(credentials: Credentials, authorization: string | undefined): string[] {
  const pieces = (authorization ?? "").split(/[\s,:=&]+/).filter((p) => p.length >= 20);
  return [authorization, credentials.secretAccessKey, credentials.securityToken, credentials.accessKeyId, ...pieces].filter(
    (s): s is string => typeof s === "string" && s.length >= 8,
  );
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Scrubs text and values of the secrets, in any letter case and percent-encoded too (a service may echo either). */
export interface SecretScrubber {
  dirty(text: string | undefined): boolean;
  scrub<T extends string | undefined>(text: T): T;
  /** A copy of a value read from a response (strings, arrays, plain objects) with every secret replaced. */
  value<T>(value: T): T;
}

export function secretScrubber(credentials: Credentials, authorization?: string): SecretScrubber {
  const forms = new Set<string>();
  for (const secret of secretsOf(credentials, authorization)) {
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
  }
  const alternatives = [...forms].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = alternatives.length > 0 ? new RegExp(alternatives.join("|"), "gi") : undefined;
  const dirty = (text: string | undefined) => pattern !== undefined && text !== undefined && new RegExp(pattern.source, "i").test(text);
  const scrub = <T extends string | undefined>(text: T): T => (text === undefined || !pattern ? text : (text.replace(pattern, REDACTED) as T));
  const value = <T>(v: T): T => {
    if (typeof v === "string") return scrub(v) as T;
    if (Array.isArray(v)) return v.map(value) as T;
    if (v !== null && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) {
      return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, value(inner)])) as T;
    }
    return v;
  };
  return { dirty, scrub, value };
}

/**
 * Last line of defence for an error made from a response (before any context is added): our own text never
 * holds a credential, but what a service sends back is free text it may have copied from our request. Returns
 * the same error when it is clean, else one of the same class with the values replaced. Other errors pass.
 */
export function redactSecrets<E>(error: E, credentials: Credentials, authorization?: string): E {
  if (!(error instanceof ServiceError) && !(error instanceof ProtocolError)) return error;
  const { dirty, scrub } = secretScrubber(credentials, authorization);
  if (error instanceof ProtocolError) {
    if (!dirty(error.message) && !dirty(error.requestId)) return error;
    return new ProtocolError(scrub(error.message), error.status, scrub(error.requestId), { retryable: error.retryable }) as E;
  }
  const d = error.details;
  if (![d.vendorMessage, d.vendorCode, d.requestId, d.ec].some(dirty)) return error;
  const Cls = error.constructor as ServiceErrorClass;
  return new Cls({ ...d, vendorCode: scrub(d.vendorCode), vendorMessage: scrub(d.vendorMessage), requestId: scrub(d.requestId), ec: scrub(d.ec) }) as E;
}
