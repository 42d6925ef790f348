import { ProtocolError, ServiceError, type ServiceErrorClass } from "../errors";
import type { Credentials } from "../signing/signingTypes";

const REDACTED = "<redacted>";

/**
 * What must never be repeated: the credentials and the Authorization header we sent, whole and in pieces
 * (a hostile or buggy server may echo a signature on its own). Short values (a key id "ak" would eat "break")
 * are left alone; the pieces of the header that are long enough to be a signature or key are not.
 */
function secretsOf(credentials: Credentials, authorization: string | undefined): string[] {
  return [...credentialSecrets(credentials).secrets, ...authorizationSecrets(authorization)];
}

const longEnough = (s: string | undefined): s is string => typeof s === "string" && s.length >= 8;

function authorizationSecrets(authorization: string | undefined): string[] {
  if (authorization === undefined) return [];
  return [authorization, ...authorization.split(/[\s,:=&]+/).filter((p) => p.length >= 20)].filter(longEnough);
}

interface KnownSecrets {
  of: [string, string | undefined, string];
  secrets: string[];
  forms: string[];
}

/** A client signs every request with the same credentials object: their forms are worked out once (again if changed). */
const byCredentials = new WeakMap<Credentials, KnownSecrets>();

function credentialSecrets(credentials: Credentials): KnownSecrets {
  const { secretAccessKey, securityToken, accessKeyId } = credentials;
  let known = byCredentials.get(credentials);
  if (!known || known.of[0] !== secretAccessKey || known.of[1] !== securityToken || known.of[2] !== accessKeyId) {
    const secrets = [secretAccessKey, securityToken, accessKeyId].filter(longEnough);
    known = { of: [secretAccessKey, securityToken, accessKeyId], secrets, forms: lowerForms(secrets) };
    byCredentials.set(credentials, known);
  }
  return known;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Scrubs text and values of the secrets, in any letter case and percent-encoded too (a service may echo either). */
export interface SecretScrubber {
  dirty(text: string | undefined): boolean;
  scrub<T extends string | undefined>(text: T): T;
  /** The value read from a response (strings, arrays, plain objects), or a copy with every secret replaced. */
  value<T>(value: T): T;
}

/** Each secret as sent and percent-encoded, lower-cased: what a lower-cased text is searched for. */
function lowerForms(secrets: string[]): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    forms.add(secret.toLowerCase());
    forms.add(encodeURIComponent(secret).toLowerCase());
  }
  return [...forms];
}

/**
 * Finding is a substring search of the lower-cased text (no pattern is compiled per exchange, and what is clean,
 * nearly everything, is returned as it is, uncopied); replacing, which only a dirty text needs, uses one
 * case-insensitive pattern of every form, longest first.
 */
export function secretScrubber(credentials: Credentials, authorization?: string): SecretScrubber {
  // Worked out when the first text is searched: most answers (a put's, a delete's) hold no text at all.
  let forms: string[] | undefined;
  let shortest = Infinity;
  const formsOf = (): string[] => {
    if (forms === undefined) {
      forms = [...credentialSecrets(credentials).forms, ...lowerForms(authorizationSecrets(authorization))];
      shortest = forms.reduce((min, f) => Math.min(min, f.length), Infinity);
    }
    return forms;
  };
  let pattern: RegExp | undefined;
  const dirty = (text: string | undefined): boolean => {
    if (text === undefined) return false;
    const searched = formsOf();
    if (text.length < shortest) return false;
    const lower = text.toLowerCase();
    return searched.some((form) => lower.includes(form));
  };
  const scrub = <T extends string | undefined>(text: T): T => {
    if (text === undefined || !dirty(text)) return text;
    pattern ??= new RegExp(
      [...new Set(secretsOf(credentials, authorization).flatMap((s) => [s, encodeURIComponent(s)]))].sort((a, b) => b.length - a.length).map(escapeRegExp).join("|"),
      "gi",
    );
    return text.replace(pattern, REDACTED) as T;
  };
  const holdsSecret = (v: unknown): boolean => {
    if (typeof v === "string") return dirty(v);
    if (Array.isArray(v)) return v.some(holdsSecret);
    if (isPlainObject(v)) {
      for (const key in v) if (holdsSecret(v[key])) return true;
    }
    return false;
  };
  const copy = <T>(v: T): T => {
    if (typeof v === "string") return scrub(v) as T;
    if (Array.isArray(v)) return v.map(copy) as T;
    if (isPlainObject(v)) return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, copy(inner)])) as T;
    return v;
  };
  return { dirty, scrub, value: (v) => (holdsSecret(v) ? copy(v) : v) };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype;
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
