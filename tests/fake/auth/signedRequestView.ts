import type { QueryParam } from "../fakeRequest";

/** What a signature verifier may look at: the request as sent, and how it addressed its bucket. */
export interface SignedRequestView {
  method: string;
  /** The path as sent, still URI-encoded. */
  rawPath: string;
  /** The decoded path. */
  path: string;
  query: QueryParam[];
  /** Lower-case names. */
  headers: Record<string, string>;
  body: Buffer;
  /** The bucket as addressed (virtual-hosted or path-style); absent for service-level requests. */
  bucket?: string;
  /** The decoded object key; absent for bucket-level requests. */
  key?: string;
  style: "virtual" | "path";
}

export interface VerifyResult {
  ok: boolean;
  /** What the fake signed; sent back in SignatureDoesNotMatch documents as the services do (never a secret). */
  stringToSign: string;
  canonicalRequest?: string;
}

/** "/bucket/key", "/bucket/" for bucket-level requests, "/" for service-level ones (OSS and OBS resources). */
export function canonicalResourcePath(view: SignedRequestView): string {
  if (view.bucket === undefined) return "/";
  return `/${view.bucket}/${view.key ?? ""}`;
}
