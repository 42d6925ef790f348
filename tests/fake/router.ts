import { safeDecode, type FakeRequest } from "./fakeRequest";
import type { Scheme } from "./auth/authorizationHeader";
import type { Vendor } from "./seed";

/** The reserved, unsigned path prefix of the admin API. */
export const ADMIN_PREFIX = "/__fake/";

export interface BucketAddress {
  bucket?: string;
  /** Decoded object key; undefined for bucket-level requests. */
  key?: string;
  style: "virtual" | "path";
}

export function isAdminPath(rawPath: string): boolean {
  return rawPath.startsWith(ADMIN_PREFIX) || rawPath === ADMIN_PREFIX.slice(0, -1);
}

/** First host labels of the services' own endpoints: such a host addresses the service, not a bucket. */
const SERVICE_LABEL = /^(s3|s3[-.].*|obs|cos|oss|oss-.*|service|www|localhost)$/;

/**
 * Virtual-hosted (`Host: <bucket>.<anything>`) or path-style (`/<bucket>/<key>`). A first host label that names a
 * bucket of the vendor always wins; an IP, a dotless host or a service endpoint host means path-style.
 */
export function resolveAddress(host: string, rawPath: string, isBucket: (name: string) => boolean): BucketAddress {
  const dot = host.indexOf(".");
  const isIp = /^\d+\.\d+\.\d+\.\d+$/.test(host) || host.startsWith("[");
  const label = dot > 0 && !isIp ? host.slice(0, dot) : undefined;
  if (label !== undefined && (isBucket(label) || !SERVICE_LABEL.test(label))) {
    const key = safeDecode(rawPath.replace(/^\//, ""));
    return { bucket: label, key: key === "" ? undefined : key, style: "virtual" };
  }
  const rest = rawPath.replace(/^\//, "");
  if (rest === "") return { style: "path" };
  const slash = rest.indexOf("/");
  const bucket = safeDecode(slash >= 0 ? rest.slice(0, slash) : rest);
  const key = slash >= 0 ? safeDecode(rest.slice(slash + 1)) : "";
  return { bucket, key: key === "" ? undefined : key, style: "path" };
}

/**
 * Which vendor's voice to answer in when no seed account names the request's key: the signature scheme first,
 * then the endpoint the host names, then the vendor headers; S3 when nothing says.
 */
export function guessVendor(req: FakeRequest, scheme?: Scheme): Vendor {
  if (scheme === "oss-v1" || scheme === "oss-v4") return "oss";
  if (scheme === "cos") return "cos";
  if (scheme === "obs" || scheme === "aws-v2") return "obs";
  const host = req.host;
  if (/aliyuncs\.com$/.test(host)) return "oss";
  if (/myqcloud\.com$/.test(host)) return "cos";
  if (/(myhuaweicloud|huaweicloud|otc\.t-systems)\.com$/.test(host) || /(^|\.)obs\./.test(host)) return "obs";
  if (/amazonaws\.com$/.test(host)) return "s3";
  const names = Object.keys(req.headers);
  if (names.some((n) => n.startsWith("x-oss-"))) return "oss";
  if (names.some((n) => n.startsWith("x-cos-"))) return "cos";
  if (names.some((n) => n.startsWith("x-obs-"))) return "obs";
  return "s3";
}
