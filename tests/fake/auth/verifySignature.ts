import { accessDenied, FakeError } from "../errors";
import type { SeedAccount } from "../seed";
import type { ParsedAuthorization } from "./authorizationHeader";
import { verifyCosQSign } from "./cosQSignVerifier";
import { hashHex } from "./hashing";
import { obsSignedTime, verifyObs } from "./obsVerifier";
import { ossV1SignedTime, verifyOssV1 } from "./ossV1Verifier";
import { ossV4SignedTime, verifyOssV4 } from "./ossV4Verifier";
import { sigV4SignedTime, verifySigV4 } from "./sigV4Verifier";
import type { SignedRequestView, VerifyResult } from "./signedRequestView";

/** The services refuse a request whose time is more than 15 minutes away from theirs. */
export const MAX_SKEW_MS = 15 * 60 * 1000;

/**
 * Checks the request time, then the signature, with the account's secret. Returns the vendor-neutral error to
 * answer with, or undefined when the request is authentic. A security-token header is accepted as it comes.
 */
export function verifySignature(
  auth: ParsedAuthorization,
  account: SeedAccount,
  view: SignedRequestView,
  now: Date,
): FakeError | undefined {
  const timeError = checkTime(auth, view, now);
  if (timeError) return timeError;
  const result = verifyWith(auth, view, account.secretAccessKey);
  if (!result.ok) {
    const details: Record<string, string> = { StringToSign: maskTokens(result.stringToSign) };
    if (auth.scheme === "aws-v4" && result.canonicalRequest) details.CanonicalRequest = maskTokens(result.canonicalRequest);
    return new FakeError(
      403,
      "SignatureDoesNotMatch",
      "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
      details,
    );
  }
  if (auth.scheme === "aws-v4") return checkPayloadHash(view, account);
  return undefined;
}

/** The services echo what they signed; a security token in it is a credential, so the fake masks it. */
function maskTokens(text: string): string {
  return text.replace(/(security-token[:=])[^\n&]*/gi, "$1***");
}

function verifyWith(auth: ParsedAuthorization, view: SignedRequestView, secret: string): VerifyResult {
  switch (auth.scheme) {
    case "oss-v1":
      return verifyOssV1(view, auth.signature, secret);
    case "oss-v4":
      return verifyOssV4(view, auth, auth.signature, secret);
    case "cos":
      return verifyCosQSign(view, auth, auth.signature, secret);
    case "obs":
    case "aws-v2":
      return verifyObs(view, auth.scheme, auth.signature, secret);
    case "aws-v4":
      return verifySigV4(view, auth, auth.signature, secret);
  }
}

/**
 * The request time checked is the one the signature covers, taken by the same function each verifier builds its
 * string to sign with: an old signed request cannot be replayed by adding a fresh, unsigned Date header.
 */
function signedTime(auth: ParsedAuthorization, headers: Record<string, string>): string | undefined {
  switch (auth.scheme) {
    case "oss-v1":
      return ossV1SignedTime(headers);
    case "oss-v4":
      return ossV4SignedTime(headers);
    case "obs":
    case "aws-v2":
      return obsSignedTime(headers, auth.scheme);
    case "aws-v4":
      return sigV4SignedTime(headers);
    case "cos":
      return undefined;
  }
}

function checkTime(auth: ParsedAuthorization, view: SignedRequestView, now: Date): FakeError | undefined {
  if (auth.scheme === "cos") return checkCosWindow(auth.signTime, now);
  const raw = signedTime(auth, view.headers);
  if (raw === undefined) return accessDenied("The request carries no Date or x-*-date header, which signed requests require.");
  const time = parseRequestTime(raw);
  if (time === undefined) return accessDenied(`The request date "${raw}" is not a valid HTTP or ISO 8601 basic date.`);
  if (Math.abs(time - now.getTime()) > MAX_SKEW_MS) {
    return new FakeError(403, "RequestTimeTooSkewed", "The difference between the request time and the current time is too large.", {
      RequestTime: raw,
      ServerTime: now.toISOString(),
      MaxAllowedSkewMilliseconds: String(MAX_SKEW_MS),
    });
  }
  return undefined;
}

/** COS signs a validity window instead of a date: outside it the request has expired (403 AccessDenied). */
function checkCosWindow(signTime: string, now: Date): FakeError | undefined {
  const match = /^(\d+);(\d+)$/.exec(signTime);
  if (!match) return accessDenied(`q-sign-time "${signTime}" must be <start>;<end> in epoch seconds.`);
  const seconds = now.getTime() / 1000;
  if (seconds > Number(match[2]) || seconds + MAX_SKEW_MS / 1000 < Number(match[1])) return accessDenied("Request has expired");
  return undefined;
}

/** RFC 1123 dates ("Sat, 21 Nov 2026 23:18:32 GMT") and ISO 8601 basic ("20261121T231832Z"). */
export function parseRequestTime(raw: string): number | undefined {
  const basic = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(raw.trim());
  if (basic) {
    const [, y, mo, d, h, mi, s] = basic.map(Number);
    return Date.UTC(y, mo - 1, d, h, mi, s);
  }
  const parsed = Date.parse(raw);
  return Number.isNaN(parsed) ? undefined : parsed;
}

/** S3 requires x-amz-content-sha256, and a hex value must be the body's hash. */
function checkPayloadHash(view: SignedRequestView, account: SeedAccount): FakeError | undefined {
  const declared = view.headers["x-amz-content-sha256"];
  if (declared === undefined) {
    if (account.vendor !== "s3") return undefined;
    return new FakeError(400, "InvalidRequest", "Missing required header for this request: x-amz-content-sha256");
  }
  if (!/^[0-9a-f]{64}$/.test(declared)) return undefined;
  const computed = hashHex("sha256", view.body);
  if (computed === declared) return undefined;
  return new FakeError(400, "XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed.", {
    ClientComputedContentSHA256: declared,
    S3ComputedContentSHA256: computed,
  });
}
