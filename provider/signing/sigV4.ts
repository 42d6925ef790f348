import { createHash, createHmac, type Hash, type Hmac } from "node:crypto";
import { SignatureV4, getCanonicalHeaders, getCanonicalQuery } from "@smithy/signature-v4";
import type { HttpRequest } from "../http/httpTypes";
import type { SigningInput } from "./signingTypes";
import { checkSigningInput } from "./checkSigningInput";
import { lowerCaseHeaders } from "./withHeaders";

/**
 * AWS Signature V4 through @smithy/signature-v4 (what aws-sdk-js v3 itself uses), wrapped to our HttpRequest.
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

type SourceData = string | ArrayBuffer | ArrayBufferView;

function toBytes(data: SourceData): string | Uint8Array {
  if (typeof data === "string") return data;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

/** SHA-256 / HMAC-SHA256 on node:crypto, in the shape smithy asks for (its node hash package is not a dependency). */
class NodeSha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash("sha256") : createHmac("sha256", toBytes(secret));
  }
  update(data: SourceData): void {
    this.hash.update(toBytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

/** Decoded query pairs → smithy's map: one value a string, repeats an array; `""` signs as `k=`. */
function toSmithyQuery(query: [string, string][]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of query) {
    const seen = out[key];
    out[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return out;
}

function toSmithyRequest(request: HttpRequest) {
  const url = new URL(request.origin);
  return {
    method: request.method,
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    path: request.path,
    query: toSmithyQuery(request.query),
    headers: lowerCaseHeaders(request.headers),
    body: request.body,
  };
}

/** Signs with any profile; `signSigV4` is the S3 one. Other profiles exist for the generic AWS test suite. */
export async function signSigV4With(profile: SigV4Profile, request: HttpRequest, input: SigningInput): Promise<HttpRequest> {
  checkSigningInput(input, "SigV4", ["region"]);
  const { accessKeyId, secretAccessKey, securityToken } = input.credentials;
  const signer = new SignatureV4({
    service: profile.service,
    region: input.region,
    credentials: { accessKeyId, secretAccessKey, ...(securityToken ? { sessionToken: securityToken } : {}) },
    sha256: NodeSha256,
    uriEscapePath: profile.uriEscapePath,
    applyChecksum: profile.applyChecksum,
  });
  const signed = await signer.sign(toSmithyRequest(request), { signingDate: input.now });
  return {
    ...request,
    query: request.query.map(([k, v]) => [k, v] as [string, string]),
    headers: { ...(signed.headers as Record<string, string>) },
  };
}

/**
 * S3 SigV4: adds x-amz-date, x-amz-content-sha256, x-amz-security-token (STS) and the Authorization header.
 * A Date header on the input is dropped (smithy owns the dates); S3 requests need none.
 */
export function signSigV4(request: HttpRequest, input: SigningInput): Promise<HttpRequest> {
  return signSigV4With(S3_SIGV4_PROFILE, request, input);
}

/**
 * The S3 canonical request for a request that already carries x-amz-date and x-amz-content-sha256, built from
 * smithy's own query and header canonicalizers, so it is what `signSigV4` signs.
 */
export function sigV4CanonicalRequest(request: HttpRequest): string {
  const smithy = toSmithyRequest(request);
  const headers = getCanonicalHeaders(smithy);
  const names = Object.keys(headers).sort();
  return [
    request.method,
    request.path,
    getCanonicalQuery(smithy),
    ...names.map((n) => `${n}:${headers[n]}`),
    "",
    names.join(";"),
    smithy.headers["x-amz-content-sha256"] ?? "UNSIGNED-PAYLOAD",
  ].join("\n");
}

/** `AWS4-HMAC-SHA256 \n <x-amz-date> \n <date>/<region>/<service>/aws4_request \n hex(sha256(canonical))`. */
export function sigV4StringToSign(amzDate: string, region: string, service: string, canonicalRequest: string): string {
  const hashed = createHash("sha256").update(canonicalRequest, "utf8").digest("hex");
  return `AWS4-HMAC-SHA256\n${amzDate}\n${amzDate.slice(0, 8)}/${region}/${service}/aws4_request\n${hashed}`;
}
