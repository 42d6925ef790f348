import { createHash, createHmac } from "node:crypto";
import type { HttpRequest } from "../http/httpTypes";
import type { SigningInput } from "./signingTypes";
import { bucketPath } from "./bucketPath";
import { checkSigningInput } from "./checkSigningInput";
import { iso8601BasicDate } from "./signingDates";
import { uriDecodePath, uriEncode, uriEncodePath } from "./uriEncode";
import { byCodeUnit, headerValue, lowerCaseHeaders, withHeaders } from "./withHeaders";

/**
 * OSS signature V4 (OSS4-HMAC-SHA256), header form:
 * `OSS4-HMAC-SHA256 Credential=<ak>/<yyyymmdd>/<region>/oss/aliyun_v4_request[,AdditionalHeaders=a;b],Signature=<hex>`.
 */

export const OSS_V4_ALGORITHM = "OSS4-HMAC-SHA256";
const UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

export interface OssV4Options {
  /** Extra header names to sign (host, say). Default: none; the scheme always signs content-type/-md5 and x-oss-*. */
  additionalHeaders?: string[];
}

function signedByDefault(name: string): boolean {
  return name === "content-type" || name === "content-md5" || name.startsWith("x-oss-");
}

/** The AdditionalHeaders list as OSS defines it: lower-cased, present on the request, not already signed, sorted. */
export function ossV4AdditionalHeaders(headers: Record<string, string>, requested: string[] = []): string[] {
  const present = lowerCaseHeaders(headers);
  const names = requested.map((n) => n.toLowerCase()).filter((n) => n in present && !signedByDefault(n));
  return [...new Set(names)].sort(byCodeUnit);
}

/** Every query pair, key and value RFC 3986-encoded, sorted; an empty value gives the bare key. */
export function ossV4CanonicalQuery(query: [string, string][]): string {
  return query
    .map(([k, v]) => [uriEncode(k), uriEncode(v)] as const)
    .sort(([ka, va], [kb, vb]) => byCodeUnit(ka, kb) || byCodeUnit(va, vb))
    .map(([k, v]) => (v === "" ? k : `${k}=${v}`))
    .join("&");
}

/** content-type, content-md5, x-oss-* and the additional headers: `name:trimmed value\n`, sorted. */
export function ossV4CanonicalHeaders(headers: Record<string, string>, additional: string[]): string {
  return Object.entries(lowerCaseHeaders(headers))
    .filter(([name]) => signedByDefault(name) || additional.includes(name))
    .sort(([a], [b]) => byCodeUnit(a, b))
    .map(([name, value]) => `${name}:${value.trim()}\n`)
    .join("");
}

/** VERB \n /bucket/key (encoded, `/` kept) \n query \n headers \n additional list \n hashed payload. */
export function ossV4CanonicalRequest(request: HttpRequest, bucket: string, additional: string[]): string {
  const { key } = bucketPath(request, bucket);
  const uri = uriEncodePath(`/${bucket}/${uriDecodePath(key)}`);
  const payload = headerValue(request.headers, "x-oss-content-sha256") || UNSIGNED_PAYLOAD;
  return [
    request.method,
    uri,
    ossV4CanonicalQuery(request.query),
    ossV4CanonicalHeaders(request.headers, additional),
    additional.join(";"),
    payload,
  ].join("\n");
}

/** The V4 scope region: `cn-hangzhou`, even when configured as the endpoint's `oss-cn-hangzhou`. */
export function ossV4Region(region: string): string {
  return region.replace(/^oss-/, "");
}

/** `<yyyymmdd>/<region>/oss/aliyun_v4_request`. */
export function ossV4Scope(isoDate: string, region: string): string {
  return `${isoDate.slice(0, 8)}/${ossV4Region(region)}/oss/aliyun_v4_request`;
}

export function ossV4StringToSign(isoDate: string, scope: string, canonicalRequest: string): string {
  const hashed = createHash("sha256").update(canonicalRequest, "utf8").digest("hex");
  return `${OSS_V4_ALGORITHM}\n${isoDate}\n${scope}\n${hashed}`;
}

/** HMAC chain: "aliyun_v4"+sk → date → region → "oss" → "aliyun_v4_request"; hex HMAC-SHA256 of the string. */
export function ossV4Signature(secret: string, scope: string, stringToSign: string): string {
  let key: Buffer | string = `aliyun_v4${secret}`;
  for (const part of scope.split("/")) key = createHmac("sha256", key).update(part, "utf8").digest();
  return createHmac("sha256", key).update(stringToSign, "utf8").digest("hex");
}

/**
 * Sets x-oss-date (ISO basic) and x-oss-content-sha256 (UNSIGNED-PAYLOAD unless the request already carries a
 * body hash), x-oss-security-token for an STS token, then the Authorization header.
 */
export function signOssV4(request: HttpRequest, input: SigningInput, options: OssV4Options = {}): HttpRequest {
  checkSigningInput(input, "OSS V4", ["bucket", "region"]);
  const isoDate = iso8601BasicDate(input.now);
  const added: Record<string, string> = { "x-oss-date": isoDate };
  if (!headerValue(request.headers, "x-oss-content-sha256")) added["x-oss-content-sha256"] = UNSIGNED_PAYLOAD;
  if (input.credentials.securityToken) added["x-oss-security-token"] = input.credentials.securityToken;
  const dated = withHeaders(request, added);

  const additional = ossV4AdditionalHeaders(dated.headers, options.additionalHeaders);
  const scope = ossV4Scope(isoDate, input.region);
  const canonical = ossV4CanonicalRequest(dated, input.bucket, additional);
  const signature = ossV4Signature(input.credentials.secretAccessKey, scope, ossV4StringToSign(isoDate, scope, canonical));
  const extra = additional.length > 0 ? `,AdditionalHeaders=${additional.join(";")}` : "";
  const authorization = `${OSS_V4_ALGORITHM} Credential=${input.credentials.accessKeyId}/${scope}${extra},Signature=${signature}`;
  return withHeaders(dated, { authorization });
}
