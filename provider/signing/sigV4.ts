import { createHash, createHmac } from "node:crypto";
import type { HttpRequest } from "../http/httpTypes";
import type { SigningInput } from "./signingTypes";
import { checkSigningInput } from "./checkSigningInput";
import { iso8601BasicDate } from "./signingDates";
import { uriEncode } from "./uriEncode";
import { byCodeUnit, lowerCaseHeaders } from "./withHeaders";

/**
 * AWS Signature V4 on node:crypto, the algorithm @smithy/signature-v4 (aws-sdk-js v3's signer) runs, written out:
 * that package loads ~370 KB of @smithy/core on the first S3 check (issue 13, start-up), and its async hash
 * objects cost CPU on every request. Proven by AWS's published vectors (tests/unit/signing/sigV4.test.ts).
 * For S3: service `s3`, the path signed as sent (`uriEscapePath: false`), and `applyChecksum`, which puts the
 * body's hex SHA-256 in x-amz-content-sha256 and signs it. Every header the request carries is signed except
 * the ones SigV4 never signs (user-agent, connection, ...); `host` is always among them.
 */

export interface SigV4Profile {
  service: string;
  applyChecksum: boolean;
  uriEscapePath: boolean;
}

export const S3_SIGV4_PROFILE: SigV4Profile = { service: "s3", applyChecksum: true, uriEscapePath: false };

const ALGORITHM = "AWS4-HMAC-SHA256";
const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
/** What SigV4 never signs (smithy's ALWAYS_UNSIGNABLE_HEADERS), plus any proxy-* and sec-* header. */
const UNSIGNABLE = new Set(["authorization", "cache-control", "connection", "expect", "from", "keep-alive", "max-forwards", "pragma", "referer", "te", "trailer", "transfer-encoding", "upgrade", "user-agent", "x-amzn-trace-id"]);
/** Headers the signer sets itself: any on the input is dropped. */
const GENERATED = new Set(["authorization", "x-amz-date", "date"]);

const signable = (name: string) => !UNSIGNABLE.has(name) && !name.startsWith("proxy-") && !name.startsWith("sec-");

/** Signed header name → value, whitespace runs folded to one space and the ends trimmed of one. */
function canonicalHeaders(headers: Record<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of Object.keys(headers).sort(byCodeUnit)) {
    const value = headers[name];
    if (value === undefined || value === null || !signable(name)) continue;
    out.set(name, value.replace(/[\r\n]/g, " ").replace(/[ \t]+/g, " ").replace(/^ | $/g, ""));
  }
  return out;
}

/** Keys and values RFC 3986-encoded, sorted by key, a repeated key's pairs sorted; `""` signs as `k=`. */
function canonicalQuery(query: [string, string][]): string {
  const byKey = new Map<string, string[]>();
  for (const [key, value] of query) {
    if (key.toLowerCase() === "x-amz-signature") continue;
    const k = uriEncode(key);
    const pair = `${k}=${uriEncode(value)}`;
    const seen = byKey.get(k);
    if (seen) seen.push(pair);
    else byKey.set(k, [pair]);
  }
  return [...byKey.keys()].sort(byCodeUnit).map((k) => byKey.get(k)!.sort(byCodeUnit).join("&")).join("&");
}

/** The generic suite's path: dot segments and empty segments removed, then encoded twice over. */
function canonicalPath(path: string, escape: boolean): string {
  if (!escape) return path;
  const segments: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(segment);
  }
  const normalized = `${path.startsWith("/") ? "/" : ""}${segments.join("/")}${segments.length > 0 && path.endsWith("/") ? "/" : ""}`;
  return uriEncode(normalized).replace(/%2F/g, "/");
}

function canonicalRequest(method: string, path: string, query: string, headers: Map<string, string>, payloadHash: string): string {
  let lines = "";
  for (const [name, value] of headers) lines += `${name}:${value}\n`;
  return `${method}\n${path}\n${query}\n${lines}\n${[...headers.keys()].join(";")}\n${payloadHash}`;
}

/** Derived keys by secret, date, region and service: four HMACs once per day and scope instead of per request. */
const signingKeys = new Map<string, Buffer>();
const SIGNING_KEYS_KEPT = 50;

function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  const id = `${date}\n${region}\n${service}\n${secret}`;
  let key = signingKeys.get(id);
  if (key) return key;
  key = createHmac("sha256", `AWS4${secret}`).update(date).digest();
  for (const part of [region, service, "aws4_request"]) key = createHmac("sha256", key).update(part).digest();
  if (signingKeys.size >= SIGNING_KEYS_KEPT) signingKeys.delete(signingKeys.keys().next().value!);
  signingKeys.set(id, key);
  return key;
}

/** Signs with any profile; `signSigV4` is the S3 one. Other profiles exist for the generic AWS test suite. */
export function signSigV4With(profile: SigV4Profile, request: HttpRequest, input: SigningInput): HttpRequest {
  checkSigningInput(input, "SigV4", ["region"]);
  const { accessKeyId, secretAccessKey, securityToken } = input.credentials;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(lowerCaseHeaders(request.headers))) if (!GENERATED.has(name)) headers[name] = value;
  const longDate = iso8601BasicDate(input.now);
  const shortDate = longDate.slice(0, 8);
  headers["x-amz-date"] = longDate;
  if (securityToken) headers["x-amz-security-token"] = securityToken;
  const given = headers["x-amz-content-sha256"];
  const payloadHash = given ?? (request.body === undefined ? EMPTY_SHA256 : createHash("sha256").update(request.body, "utf8").digest("hex"));
  if (given === undefined && profile.applyChecksum) headers["x-amz-content-sha256"] = payloadHash;
  const signed = canonicalHeaders(headers);
  const canonical = canonicalRequest(request.method, canonicalPath(request.path, profile.uriEscapePath), canonicalQuery(request.query), signed, payloadHash);
  const scope = `${shortDate}/${input.region}/${profile.service}/aws4_request`;
  const stringToSign = sigV4StringToSign(longDate, input.region, profile.service, canonical);
  const signature = createHmac("sha256", signingKey(secretAccessKey, shortDate, input.region, profile.service)).update(stringToSign, "utf8").digest("hex");
  headers.authorization = `${ALGORITHM} Credential=${accessKeyId}/${scope}, SignedHeaders=${[...signed.keys()].join(";")}, Signature=${signature}`;
  return { ...request, query: request.query.map(([k, v]) => [k, v] as [string, string]), headers };
}

/**
 * S3 SigV4: adds x-amz-date, x-amz-content-sha256, x-amz-security-token (STS) and the Authorization header.
 * A Date header on the input is dropped (the signer owns the dates); S3 requests need none.
 */
export function signSigV4(request: HttpRequest, input: SigningInput): HttpRequest {
  return signSigV4With(S3_SIGV4_PROFILE, request, input);
}

/** The S3 canonical request for a request that already carries x-amz-date and x-amz-content-sha256: what `signSigV4` signs. */
export function sigV4CanonicalRequest(request: HttpRequest): string {
  const headers = lowerCaseHeaders(request.headers);
  return canonicalRequest(request.method, request.path, canonicalQuery(request.query), canonicalHeaders(headers), headers["x-amz-content-sha256"] ?? "UNSIGNED-PAYLOAD");
}

/** `AWS4-HMAC-SHA256 \n <x-amz-date> \n <date>/<region>/<service>/aws4_request \n hex(sha256(canonical))`. */
export function sigV4StringToSign(amzDate: string, region: string, service: string, canonicalRequest: string): string {
  const hashed = createHash("sha256").update(canonicalRequest, "utf8").digest("hex");
  return `${ALGORITHM}\n${amzDate}\n${amzDate.slice(0, 8)}/${region}/${service}/aws4_request\n${hashed}`;
}
