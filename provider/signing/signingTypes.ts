import type { HttpRequest } from "../http/httpTypes";

/** Credentials as the provider holds them in memory. Never logged, never put in state or a message. */
export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** STS token: x-oss-security-token, x-cos-security-token, x-obs-security-token, x-amz-security-token. */
  securityToken?: string;
}

/** What every signer takes besides the request: the clock and the keys are inputs, so output is deterministic. */
export interface SigningInput {
  credentials: Credentials;
  now: Date;
  /** The vendor's region as used in scopes (OSS without the "oss-" prefix). */
  region: string;
  /** The bucket the request addresses: OSS V1 and OBS put it in the canonical resource even when virtual-hosted. */
  bucket: string;
}

/**
 * The shape every scheme's `sign<Scheme>` has: returns a new request with the date header(s), the
 * security-token header (when a token is given) and the Authorization header added; the input is not changed.
 */
export type RequestSigner = (request: HttpRequest, input: SigningInput) => HttpRequest | Promise<HttpRequest>;
