import { derivedSigningKey, hashHex, hmac, sameSignature } from "./hashing";
import type { SignedRequestView, VerifyResult } from "./signedRequestView";
import { encodePath, rfc3986 } from "./uriEncoding";

export interface SigV4Scope {
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
}

/**
 * AWS SigV4 canonical request, S3 flavour: the path encoded once (not twice), every query pair encoded and sorted
 * (`k=` for empty values; aws-sdk's signed `x-id` included like any other), the headers the client chose.
 */
export function sigV4CanonicalRequest(view: SignedRequestView, signedHeaders: string[]): string {
  const query = view.query
    .filter((p) => p.key !== "X-Amz-Signature")
    .map((p) => [rfc3986(p.key), rfc3986(p.value)] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  const headers = signedHeaders
    .map((name) => `${name}:${(view.headers[name] ?? "").trim().replace(/\s+/g, " ")}\n`)
    .join("");
  const payload = view.headers["x-amz-content-sha256"] ?? hashHex("sha256", view.body);
  return [view.method, encodePath(view.path), query, headers, signedHeaders.join(";"), payload].join("\n");
}

/** The request time the string to sign carries: x-amz-date, or the Date header when x-amz-date is absent. */
export function sigV4SignedTime(headers: Record<string, string>): string | undefined {
  return headers["x-amz-date"] ?? headers.date;
}

export function verifySigV4(view: SignedRequestView, scope: SigV4Scope, signature: string, secret: string): VerifyResult {
  const canonicalRequest = sigV4CanonicalRequest(view, scope.signedHeaders);
  const credentialScope = `${scope.date}/${scope.region}/${scope.service}/aws4_request`;
  const amzDate = sigV4SignedTime(view.headers) ?? "";
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, credentialScope, hashHex("sha256", canonicalRequest)].join("\n");
  const key = derivedSigningKey(`AWS4${secret}`, [scope.date, scope.region, scope.service, "aws4_request"]);
  const expected = hmac("sha256", key, stringToSign).toString("hex");
  return { ok: sameSignature(expected, signature), stringToSign, canonicalRequest };
}
