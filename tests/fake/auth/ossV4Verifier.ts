import { derivedSigningKey, hashHex, hmac, sameSignature } from "./hashing";
import { canonicalResourcePath, type SignedRequestView, type VerifyResult } from "./signedRequestView";
import { encodePath, rfc3986 } from "./uriEncoding";

export interface OssV4Scope {
  date: string;
  region: string;
  product: string;
  additionalHeaders: string[];
}

/**
 * OSS4-HMAC-SHA256 canonical request: encoded /bucket/key, every query pair encoded and sorted (an empty value is
 * the bare key), content-type/content-md5/x-oss-* plus the AdditionalHeaders, then the payload hash header.
 */
export function ossV4CanonicalRequest(view: SignedRequestView, additionalHeaders: string[]): string {
  const query = view.query
    .map((p) => ({ k: rfc3986(p.key), v: p.value === "" ? "" : `=${rfc3986(p.value)}` }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
    .map((p) => p.k + p.v)
    .join("&");
  const extra = [...additionalHeaders].sort();
  const listed = new Set(extra);
  const names = Object.keys(view.headers)
    .filter((k) => k === "content-type" || k === "content-md5" || k.startsWith("x-oss-") || listed.has(k))
    .sort();
  const headers = names.map((k) => `${k}:${view.headers[k].trim()}\n`).join("");
  const payload = view.headers["x-oss-content-sha256"] ?? "UNSIGNED-PAYLOAD";
  return [view.method, encodePath(canonicalResourcePath(view)), query, headers, extra.join(";"), payload].join("\n");
}

/** The request time the string to sign carries: x-oss-date (required by V4). */
export function ossV4SignedTime(headers: Record<string, string>): string | undefined {
  return headers["x-oss-date"];
}

export function verifyOssV4(view: SignedRequestView, scope: OssV4Scope, signature: string, secret: string): VerifyResult {
  const canonicalRequest = ossV4CanonicalRequest(view, scope.additionalHeaders);
  const credentialScope = `${scope.date}/${scope.region}/${scope.product}/aliyun_v4_request`;
  const stringToSign = ["OSS4-HMAC-SHA256", ossV4SignedTime(view.headers) ?? "", credentialScope, hashHex("sha256", canonicalRequest)].join("\n");
  const key = derivedSigningKey(`aliyun_v4${secret}`, [scope.date, scope.region, scope.product, "aliyun_v4_request"]);
  const expected = hmac("sha256", key, stringToSign).toString("hex");
  return { ok: sameSignature(expected, signature), stringToSign, canonicalRequest };
}
