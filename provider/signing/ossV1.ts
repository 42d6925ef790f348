import { createHmac } from "node:crypto";
import type { HttpRequest } from "../http/httpTypes";
import type { SigningInput } from "./signingTypes";
import { bucketPath } from "./bucketPath";
import { checkSigningInput } from "./checkSigningInput";
import { rfc1123Date } from "./signingDates";
import { uriDecodePath } from "./uriEncode";
import { byCodeUnit, headerValue, withHeaders } from "./withHeaders";

/**
 * OSS signature V1: `Authorization: OSS <ak>:base64(HMAC-SHA1(sk, StringToSign))`.
 * StringToSign = VERB \n Content-MD5 \n Content-Type \n Date \n CanonicalizedOSSHeaders CanonicalizedResource.
 */

/**
 * Query keys OSS puts in the canonical resource: the SDKs' fixed list (oss-go-v2 signer/v1.go, oss-py-v2
 * signer/v1.py with resourceGroup), the inventory sub-resources that oss2 and ali-oss sign, plus any `x-oss-*`
 * key (handled in code). Anything else (e.g. `x-id`, `max-keys`) is left out, as the service does.
 */
export const OSS_V1_SUB_RESOURCES: ReadonlySet<string> = new Set([
  "acl", "append", "bucketInfo", "callback", "callback-var", "cloudboxes", "continuation-token", "delete",
  "inventory", "inventoryId", "location", "objectMeta", "partNumber", "position", "regionList", "resourceGroup",
  "response-cache-control", "response-content-disposition", "response-content-encoding", "response-content-language",
  "response-content-type", "response-expires", "restore", "security-token", "sequential", "stat", "symlink",
  "tagging", "uploadId", "uploads", "versionId", "versioning", "versions",
]);

const OSS_HEADER_PREFIX = "x-oss-";

/** The signed sub-resources, sorted, first value per key, values decoded (as they sit in `request.query`). */
export function ossV1SubResources(query: [string, string][]): [string, string][] {
  const picked = new Map<string, string>();
  for (const [key, value] of query) {
    const signed = OSS_V1_SUB_RESOURCES.has(key) || key.startsWith(OSS_HEADER_PREFIX);
    if (signed && !picked.has(key)) picked.set(key, value);
  }
  return [...picked.entries()].sort(([a], [b]) => byCodeUnit(a, b));
}

/** `/{bucket}/{decoded key}` then `?k&k=v...`: a bare key when the value is empty. */
export function ossV1CanonicalResource(request: HttpRequest, bucket: string): string {
  const { key } = bucketPath(request, bucket);
  const base = `/${bucket}/${uriDecodePath(key)}`;
  const subs = ossV1SubResources(request.query).map(([k, v]) => (v === "" ? k : `${k}=${v}`));
  return subs.length > 0 ? `${base}?${subs.join("&")}` : base;
}

/** Every `x-oss-*` header, lower-cased, value trimmed, sorted, one `k:v\n` each (x-oss-date included). */
export function ossV1CanonicalHeaders(headers: Record<string, string>): string {
  return Object.entries(headers)
    .map(([name, value]) => [name.toLowerCase(), value.trim()] as const)
    .filter(([name]) => name.startsWith(OSS_HEADER_PREFIX))
    .sort(([a], [b]) => byCodeUnit(a, b))
    .map(([name, value]) => `${name}:${value}\n`)
    .join("");
}

/** The string OSS V1 signs. The Date slot holds x-oss-date when present (ali-oss sends no Date), else Date. */
export function ossV1StringToSign(request: HttpRequest, bucket: string): string {
  const h = request.headers;
  const date = headerValue(h, "x-oss-date") || headerValue(h, "date");
  return [
    request.method,
    headerValue(h, "content-md5"),
    headerValue(h, "content-type"),
    date,
    ossV1CanonicalHeaders(h) + ossV1CanonicalResource(request, bucket),
  ].join("\n");
}

/** `OSS ak:signature` for a request that already carries its date headers. */
export function ossV1Authorization(request: HttpRequest, input: Pick<SigningInput, "credentials" | "bucket">): string {
  const stringToSign = ossV1StringToSign(request, input.bucket);
  const signature = createHmac("sha1", input.credentials.secretAccessKey).update(stringToSign, "utf8").digest("base64");
  return `OSS ${input.credentials.accessKeyId}:${signature}`;
}

/** Signs like ali-oss: sets x-oss-date (RFC 1123) and no Date header; the STS token goes in x-oss-security-token. */
export function signOssV1(request: HttpRequest, input: SigningInput): HttpRequest {
  checkSigningInput(input, "OSS V1", ["bucket"]);
  const added: Record<string, string> = { "x-oss-date": rfc1123Date(input.now) };
  if (input.credentials.securityToken) added["x-oss-security-token"] = input.credentials.securityToken;
  const dated = withHeaders(request, added);
  return withHeaders(dated, { authorization: ossV1Authorization(dated, input) });
}
