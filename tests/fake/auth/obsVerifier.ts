import { hmac, sameSignature } from "./hashing";
import type { SignedRequestView, VerifyResult } from "./signedRequestView";

/** OBS's fixed sub-resource list (obs docs, obs-go, esdk-obs-nodejs), compared case-insensitively. `id` is not in it. */
const SUBRESOURCES = new Set([
  "acl", "backtosource", "policy", "torrent", "logging", "location", "storageinfo", "quota", "storageclass",
  "storagepolicy", "requestpayment", "versions", "versioning", "versionid", "uploads", "uploadid", "partnumber",
  "website", "notification", "replication", "lifecycle", "deletebucket", "delete", "cors", "restore", "tagging",
  "append", "position", "response-content-type", "response-content-language", "response-expires",
  "response-cache-control", "response-content-disposition", "response-content-encoding", "x-image-process",
  "x-oss-process", "x-image-save-object", "x-image-save-bucket", "encryption", "directcoldaccess", "rename",
  "name", "metadata", "modify", "attname", "truncate", "x-obs-security-token", "customdomain", "inventory",
  "object-lock", "retention", "mirrorbacktosource", "obscompresspolicy", "length", "publicaccessblock",
  "bucketstatus", "policystatus", "obsbucketalias", "obsalias",
]);

/**
 * The OBS signature and its S3-compatible V2 twin share one layout; only the header prefix differs. The Date slot is
 * empty when x-obs-date (x-amz-date) is sent. The resource is /bucket + path virtual-hosted, and the path as sent
 * path-style (esdk-obs-nodejs signs "/srcbucket?inventory", without a trailing slash).
 */
export function obsStringToSign(view: SignedRequestView, mode: "obs" | "aws-v2", path: string): string {
  const prefix = mode === "obs" ? "x-obs-" : "x-amz-";
  const h = view.headers;
  const dateSlot = h[`${prefix}date`] !== undefined ? "" : (h.date ?? "");
  const canonicalHeaders = Object.keys(h)
    .filter((k) => k.startsWith(prefix))
    .sort()
    .map((k) => `${k}:${h[k]}\n`)
    .join("");
  const sub = view.query
    .filter((p) => SUBRESOURCES.has(p.key.toLowerCase()))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((p) => (p.value === "" ? p.key : `${p.key}=${p.value}`));
  const base = view.style === "virtual" && view.bucket !== undefined ? `/${view.bucket}${path}` : path;
  const resource = base + (sub.length > 0 ? `?${sub.join("&")}` : "");
  return [view.method, h["content-md5"] ?? "", h["content-type"] ?? "", dateSlot].join("\n") + "\n" + canonicalHeaders + resource;
}

/**
 * The request time the signature covers: x-obs-date (x-amz-date) when sent, as a signed header (the Date slot is then
 * empty and an added Date header is not signed), else the Date header in its slot.
 */
export function obsSignedTime(headers: Record<string, string>, mode: "obs" | "aws-v2"): string | undefined {
  return headers[mode === "obs" ? "x-obs-date" : "x-amz-date"] ?? headers.date;
}

export function verifyObs(view: SignedRequestView, mode: "obs" | "aws-v2", signature: string, secret: string): VerifyResult {
  // Clients disagree on whether the object part is signed encoded or decoded: both come from the request itself.
  const candidates = [...new Set([view.path, view.rawPath])].map((p) => obsStringToSign(view, mode, p));
  const ok = candidates.some((sts) => sameSignature(hmac("sha1", secret, sts).toString("base64"), signature));
  return { ok, stringToSign: candidates[0] };
}
