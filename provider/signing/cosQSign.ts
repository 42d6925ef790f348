import { createHash, createHmac } from "node:crypto";
import type { HttpRequest } from "../http/httpTypes";
import type { Credentials, SigningInput } from "./signingTypes";
import { checkSigningInput } from "./checkSigningInput";
import { uriDecodePath, uriEncode } from "./uriEncode";
import { byCodeUnit, lowerCaseHeaders, withHeaders } from "./withHeaders";

/**
 * COS XML request signature (q-sign-algorithm=sha1, COS doc 436/7778). The client chooses which headers and
 * query parameters it signs and lists them in the Authorization header; the service recomputes over those lists.
 */

/** A `start;end` validity window in epoch seconds. */
export interface CosKeyTime {
  start: number;
  end: number;
}

export interface CosSignOptions {
  /** Overrides the default window (replaying a captured request, say). */
  keyTime?: CosKeyTime;
}

/** Everything the signature depends on; `headerNames`/`paramNames` are lower-case names to sign. */
export interface CosSignatureInput {
  method: string;
  /** As sent (percent-encoded); COS signs the decoded form. */
  path: string;
  query: [string, string][];
  headers: Record<string, string>;
  headerNames: string[];
  paramNames: string[];
  keyTime: CosKeyTime;
  secretKey: string;
}

export interface CosSignature {
  headerList: string;
  paramList: string;
  httpString: string;
  stringToSign: string;
  signKey: string;
  signature: string;
}

/**
 * now-60 … now+900: the minute before now absorbs a client clock running ahead of COS's (a window starting in
 * the service's future is rejected); 15 minutes ahead matches the skew window the other vendors allow and
 * leaves room for a slow body upload after signing.
 */
export function cosKeyTime(now: Date): CosKeyTime {
  const seconds = Math.floor(now.getTime() / 1000);
  return { start: seconds - 60, end: seconds + 900 };
}

/** The headers we choose to sign: host, content-type/-md5/-length when present, and every x-cos-* header. */
export function cosSignedHeaderNames(headers: Record<string, string>): string[] {
  const always = new Set(["host", "content-type", "content-md5", "content-length"]);
  return Object.keys(lowerCaseHeaders(headers)).filter((n) => always.has(n) || n.startsWith("x-cos-"));
}

/** `k=v&...` and `k;k;...` over the selected pairs: key encoded then lower-cased, value encoded, sorted by key. */
export function cosPairs(pairs: [string, string][], names: string[]): { list: string; joined: string } {
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  const encoded = pairs
    .filter(([k]) => wanted.has(k.toLowerCase()))
    .map(([k, v]) => [uriEncode(k).toLowerCase(), uriEncode(v)] as const)
    .sort(([ka, va], [kb, vb]) => byCodeUnit(ka, kb) || byCodeUnit(va, vb));
  return { list: encoded.map(([k]) => k).join(";"), joined: encoded.map(([k, v]) => `${k}=${v}`).join("&") };
}

/** lower(method) \n decoded path \n params \n headers \n */
export function cosHttpString(input: Omit<CosSignatureInput, "keyTime" | "secretKey">): string {
  const params = cosPairs(input.query, input.paramNames).joined;
  const headers = cosPairs(Object.entries(input.headers), input.headerNames).joined;
  return `${input.method.toLowerCase()}\n${uriDecodePath(input.path)}\n${params}\n${headers}\n`;
}

export function cosKeyTimeText(keyTime: CosKeyTime): string {
  return `${keyTime.start};${keyTime.end}`;
}

/** The full computation for a given key time, header list and parameter list. */
export function cosSignature(input: CosSignatureInput): CosSignature {
  const keyTime = cosKeyTimeText(input.keyTime);
  const httpString = cosHttpString(input);
  const stringToSign = `sha1\n${keyTime}\n${createHash("sha1").update(httpString, "utf8").digest("hex")}\n`;
  // The hex text of SignKey (not its bytes) is the key of the second HMAC.
  const signKey = createHmac("sha1", input.secretKey).update(keyTime, "utf8").digest("hex");
  const signature = createHmac("sha1", signKey).update(stringToSign, "utf8").digest("hex");
  const headerList = cosPairs(Object.entries(input.headers), input.headerNames).list;
  const paramList = cosPairs(input.query, input.paramNames).list;
  return { headerList, paramList, httpString, stringToSign, signKey, signature };
}

/** The Authorization header value for a computed signature. */
export function cosAuthorization(credentials: Pick<Credentials, "accessKeyId">, keyTime: CosKeyTime, s: CosSignature): string {
  const kt = cosKeyTimeText(keyTime);
  return (
    `q-sign-algorithm=sha1&q-ak=${credentials.accessKeyId}&q-sign-time=${kt}&q-key-time=${kt}` +
    `&q-header-list=${s.headerList}&q-url-param-list=${s.paramList}&q-signature=${s.signature}`
  );
}

/** Signs every query parameter and the headers cosSignedHeaderNames picks; STS token in x-cos-security-token. */
export function signCos(request: HttpRequest, input: SigningInput, options: CosSignOptions = {}): HttpRequest {
  checkSigningInput(input, "COS", []);
  const added: Record<string, string> = {};
  if (input.credentials.securityToken) added["x-cos-security-token"] = input.credentials.securityToken;
  const withToken = withHeaders(request, added);
  const keyTime = options.keyTime ?? cosKeyTime(input.now);
  const signature = cosSignature({
    method: withToken.method,
    path: withToken.path,
    query: withToken.query,
    headers: withToken.headers,
    headerNames: cosSignedHeaderNames(withToken.headers),
    paramNames: withToken.query.map(([k]) => k),
    keyTime,
    secretKey: input.credentials.secretAccessKey,
  });
  return withHeaders(withToken, { authorization: cosAuthorization(input.credentials, keyTime, signature) });
}
