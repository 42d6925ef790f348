import { hmac, sameSignature } from "./hashing";
import { canonicalResourcePath, type SignedRequestView, type VerifyResult } from "./signedRequestView";

/**
 * Query keys OSS V1 signs as sub-resources (oss-go-v2's fixed list, oss2's additions and the inventory ones);
 * every `x-oss-*` key is signed too. Anything else (prefix, marker, max-keys...) is not part of the signature.
 */
const SUBRESOURCES = new Set([
  "acl", "bucketInfo", "location", "stat", "delete", "append", "tagging", "objectMeta", "uploads", "uploadId",
  "partNumber", "security-token", "position", "response-content-type", "response-content-language",
  "response-expires", "response-cache-control", "response-content-disposition", "response-content-encoding",
  "restore", "callback", "callback-var", "versions", "versioning", "versionId", "sequential", "continuation-token",
  "regionList", "cloudboxes", "symlink", "inventory", "inventoryId", "lifecycle", "referer", "cors", "logging",
  "website", "qos", "policy", "replication", "encryption", "worm", "wormId", "wormExtend", "requestPayment",
  "resourceGroup", "transferAcceleration", "live", "status", "comp", "img", "vod", "startTime", "endTime",
  "resourcePool", "resourcePoolInfo", "resourcePoolBuckets", "processConfiguration", "x-oss-process",
]);

/**
 * VERB, Content-MD5, Content-Type, Date, the x-oss-* headers, then /bucket/key?sub-resources (raw values). The Date
 * slot holds the Date header, or x-oss-date when only that is sent (ali-oss); both are tried when both are present.
 */
export function ossV1StringToSign(view: SignedRequestView, dateSlot: string): string {
  const h = view.headers;
  const ossHeaders = Object.keys(h)
    .filter((k) => k.startsWith("x-oss-"))
    .sort()
    .map((k) => `${k}:${h[k].trim()}\n`)
    .join("");
  const sub = view.query
    .filter((p) => SUBRESOURCES.has(p.key) || p.key.startsWith("x-oss-"))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((p) => (p.value === "" ? p.key : `${p.key}=${p.value}`));
  const resource = canonicalResourcePath(view) + (sub.length > 0 ? `?${sub.join("&")}` : "");
  return [view.method, h["content-md5"] ?? "", h["content-type"] ?? "", dateSlot].join("\n") + "\n" + ossHeaders + resource;
}

/**
 * The request time the signature covers: x-oss-date whenever it is sent (every x-oss-* header is signed, whichever
 * value fills the Date slot), else the Date header in the slot. A Date header added beside a signed x-oss-date is
 * not covered by the signature (ali-oss signs x-oss-date in the slot and sends no Date), so it never counts.
 */
export function ossV1SignedTime(headers: Record<string, string>): string | undefined {
  return headers["x-oss-date"] ?? headers.date;
}

export function verifyOssV1(view: SignedRequestView, signature: string, secret: string): VerifyResult {
  const slots = [view.headers.date, view.headers["x-oss-date"]].filter((d): d is string => d !== undefined);
  const candidates = (slots.length > 0 ? [...new Set(slots)] : [""]).map((slot) => ossV1StringToSign(view, slot));
  const ok = candidates.some((sts) => sameSignature(hmac("sha1", secret, sts).toString("base64"), signature));
  return { ok, stringToSign: candidates[0] };
}
