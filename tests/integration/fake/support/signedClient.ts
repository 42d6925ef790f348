import { createHash, createHmac } from "node:crypto";
import { request, type IncomingHttpHeaders } from "node:http";
import { SignatureV4 } from "@smithy/signature-v4";

/*
 * A small client for the fake-cloud tests. It signs with the official SDKs' own signing functions where they can be
 * called alone (ali-oss signUtils for OSS V1/V4, cos-nodejs-sdk-v5 getAuthorization for COS, @smithy/signature-v4
 * for SigV4), so the fake's verifiers are checked against code they do not share. esdk-obs-nodejs has no separable
 * signer: the OBS/AWS-V2 signature below is a few lines from the OBS docs (the captured esdk requests cover the SDK).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ossSign = require("ali-oss/lib/common/signUtils") as {
  buildCanonicalString(method: string, resource: string, request: { headers: Record<string, string>; parameters: Record<string, string | null> }): string;
  computeSignature(secret: string, canonical: string): string;
  authorizationV4(ak: string, sk: string, region: string, method: string, request: { headers: Record<string, string>; queries: Record<string, string | null> }, bucket?: string, key?: string): string;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const COS = require("cos-nodejs-sdk-v5") as {
  getAuthorization(opt: Record<string, unknown>): string;
};

export type Vendor = "oss" | "cos" | "obs" | "s3";
export type Scheme = "oss-v1" | "oss-v4" | "cos" | "obs" | "aws-v2" | "aws-v4";

export interface TestAccount {
  vendor: Vendor;
  accessKeyId: string;
  secretAccessKey: string;
}

export interface SignedCall {
  account: TestAccount;
  method: "GET" | "PUT" | "DELETE" | "HEAD" | "POST";
  bucket?: string;
  key?: string;
  /** In order; "" is a bare sub-resource (`inventory`). */
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string | Buffer;
  style?: "virtual" | "path";
  scheme?: Scheme;
  region?: string;
  date?: Date;
  /** COS: the q-sign-time/q-key-time window, "<start>;<end>". */
  cosKeyTime?: string;
  /** Send no Authorization header. */
  unsigned?: boolean;
  /** Send empty values as `k=` (cos-node, aws-sdk, ali-oss) instead of the bare `k` (esdk-obs). */
  equalsForEmpty?: boolean;
  /** Sign with this secret instead of the account's. */
  secretOverride?: string;
  /** OBS and AWS V2: carry the signed time in x-obs-date / x-amz-date (the Date slot then stays empty), not in Date. */
  prefixedDate?: boolean;
  /** Send no Content-MD5 (OSS, COS and OBS bodies get one by default, as their SDKs send it). */
  noContentMd5?: boolean;
  /** Headers added after signing (a replay's doctored copy): the signature does not cover them. */
  unsignedHeaders?: Record<string, string>;
}

export interface CallResult {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

const DEFAULT_SCHEME: Record<Vendor, Scheme> = { oss: "oss-v1", cos: "cos", obs: "obs", s3: "aws-v4" };
const DEFAULT_REGION: Record<Vendor, string> = { oss: "cn-hangzhou", cos: "ap-guangzhou", obs: "cn-north-4", s3: "us-east-1" };
const LISTING = new Set(["prefix", "marker", "max-keys", "delimiter", "encoding-type", "list-type", "start-after", "fetch-owner", "key-marker", "version-id-marker"]);
const OBS_SUBRESOURCES = new Set(["acl", "location", "versioning", "versions", "versionId", "inventory", "uploads", "tagging"]);

export function vendorHost(vendor: Vendor, bucket: string, region: string): string {
  return {
    oss: `${bucket}.oss-${region}.aliyuncs.com`,
    cos: `${bucket}.cos.${region}.myqcloud.com`,
    obs: `${bucket}.obs.${region}.myhuaweicloud.com`,
    s3: `${bucket}.s3.${region}.amazonaws.com`,
  }[vendor];
}

export async function signedCall(baseUrl: string, call: SignedCall): Promise<CallResult> {
  return sendRaw(baseUrl, await signedRequest(baseUrl, call));
}

/** The request signedCall sends, signed but not sent: method, path with query, headers (Host included) and body. */
export async function signedRequest(baseUrl: string, call: SignedCall): Promise<RawRequest> {
  const { vendor } = call.account;
  const region = call.region ?? DEFAULT_REGION[vendor];
  const style = call.bucket === undefined ? "path" : (call.style ?? "virtual");
  const encodedKey = call.key === undefined ? "" : call.key.split("/").map(encodeURIComponent).join("/");
  const path = style === "virtual" ? `/${encodedKey}` : call.bucket === undefined ? "/" : `/${call.bucket}/${encodedKey}`;
  const query = call.query ?? {};
  const queryString = Object.entries(query).map(([k, v]) => encodeURIComponent(k) + (v === "" && !call.equalsForEmpty ? "" : `=${encodeURIComponent(v)}`)).join("&");
  const body = call.body === undefined ? Buffer.alloc(0) : Buffer.from(call.body);
  const host = style === "virtual" && call.bucket !== undefined ? vendorHost(vendor, call.bucket, region) : new URL(baseUrl).host;
  const headers: Record<string, string> = { host, ...(call.headers ?? {}) };
  if (body.length > 0 && vendor !== "s3" && !call.noContentMd5 && headers["content-md5"] === undefined) headers["content-md5"] = createHash("md5").update(body).digest("base64");
  if (body.length > 0) headers["content-length"] = String(body.length);
  if (!call.unsigned) {
    const secret = call.secretOverride ?? call.account.secretAccessKey;
    const signing = { ...call, region, path, query, headers, body, secret, scheme: call.scheme ?? DEFAULT_SCHEME[vendor], date: call.date ?? new Date() };
    headers.authorization = await sign(signing);
  }
  Object.assign(headers, call.unsignedHeaders);
  return { method: call.method, path: queryString ? `${path}?${queryString}` : path, headers, body };
}

interface Signing extends SignedCall {
  region: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: Buffer;
  secret: string;
  scheme: Scheme;
  date: Date;
}

async function sign(s: Signing): Promise<string> {
  const ak = s.account.accessKeyId;
  const h = s.headers;
  switch (s.scheme) {
    case "oss-v1": {
      h["x-oss-date"] = s.date.toUTCString();
      const parameters = Object.fromEntries(Object.entries(s.query).filter(([k]) => !LISTING.has(k)).map(([k, v]) => [k, v === "" ? null : v]));
      const resource = s.bucket === undefined ? "/" : `/${s.bucket}/${s.key ?? ""}`;
      return `OSS ${ak}:${ossSign.computeSignature(s.secret, ossSign.buildCanonicalString(s.method, resource, { headers: h, parameters }))}`;
    }
    case "oss-v4": {
      h["x-oss-date"] = s.date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
      h["x-oss-content-sha256"] = "UNSIGNED-PAYLOAD";
      const queries = Object.fromEntries(Object.entries(s.query).map(([k, v]) => [k, v === "" ? null : v]));
      return ossSign.authorizationV4(ak, s.secret, s.region, s.method, { headers: h, queries }, s.bucket, s.key);
    }
    case "cos":
      return COS.getAuthorization({
        SecretId: ak, SecretKey: s.secret, Method: s.method, Pathname: decodeURIComponent(s.path),
        Query: s.query, Headers: h, KeyTime: s.cosKeyTime,
      });
    case "obs":
    case "aws-v2":
      return obsAuthorization(s);
    case "aws-v4":
      return sigV4Authorization(s);
  }
}

function obsAuthorization(s: Signing): string {
  const prefix = s.scheme === "obs" ? "x-obs-" : "x-amz-";
  const h = s.headers;
  if (s.prefixedDate) h[`${prefix}date`] = s.date.toUTCString();
  else h.date = s.date.toUTCString();
  const canonical = Object.keys(h).filter((k) => k.startsWith(prefix)).sort().map((k) => `${k}:${h[k]}\n`).join("");
  const sub = Object.entries(s.query).filter(([k]) => OBS_SUBRESOURCES.has(k)).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => (v ? `${k}=${v}` : k));
  const resource = (s.style === "path" ? s.path : `/${s.bucket}${s.path}`).replace(/%2F/g, "/");
  const sts = `${s.method}\n${h["content-md5"] ?? ""}\n${h["content-type"] ?? ""}\n${s.prefixedDate ? "" : h.date}\n${canonical}${decodeURIComponent(resource)}${sub.length ? `?${sub.join("&")}` : ""}`;
  return `${s.scheme === "obs" ? "OBS" : "AWS"} ${s.account.accessKeyId}:${createHmac("sha1", s.secret).update(sts).digest("base64")}`;
}

class NodeSha256 {
  private hash;
  constructor(secret?: unknown) {
    this.hash = secret === undefined ? createHash("sha256") : createHmac("sha256", Buffer.from(secret as Uint8Array));
  }
  update(data: Uint8Array | string): void {
    this.hash.update(data);
  }
  async digest(): Promise<Uint8Array> {
    return this.hash.digest();
  }
  reset(): void {}
}

async function sigV4Authorization(s: Signing): Promise<string> {
  s.headers["x-amz-content-sha256"] ??= createHash("sha256").update(s.body).digest("hex");
  const signer = new SignatureV4({
    credentials: { accessKeyId: s.account.accessKeyId, secretAccessKey: s.secret },
    region: s.region,
    service: "s3",
    sha256: NodeSha256,
    uriEscapePath: false,
  });
  const { host, ...rest } = s.headers;
  const signed = await signer.sign(
    { method: s.method, protocol: "http:", hostname: host, path: s.path, query: s.query, headers: { host, ...rest }, body: s.body },
    { signingDate: s.date },
  );
  Object.assign(s.headers, signed.headers);
  return signed.headers.authorization;
}

export interface RawRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
}

/** Plain HTTP with the headers as given (Host included): what virtual-hosted addressing needs on loopback. */
export function sendRaw(baseUrl: string, r: RawRequest): Promise<CallResult> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method: r.method, path: r.path, headers: r.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(r.body);
  });
}

/** The `<Code>` of an error document. */
export function errorCode(body: string): string | undefined {
  return /<Code>([^<]*)<\/Code>/.exec(body)?.[1];
}
