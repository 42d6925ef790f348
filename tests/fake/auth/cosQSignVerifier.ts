import { hashHex, hmac, sameSignature } from "./hashing";
import type { SignedRequestView, VerifyResult } from "./signedRequestView";
import { rfc3986 } from "./uriEncoding";

export interface CosSignFields {
  signTime: string;
  keyTime: string;
  headerList: string[];
  paramList: string[];
}

/**
 * COS q-sign HttpString over exactly the headers and parameters the client listed (keys encoded then lower-cased,
 * values encoded, `k=` for empty values) and the decoded path.
 */
export function cosHttpString(view: SignedRequestView, fields: CosSignFields): string {
  // Only the listed ones are encoded: a request carries a dozen headers, a client lists a few.
  const listed = (names: string[]) => new Set(names.map((n) => n.toLowerCase()));
  const wantedParams = listed(fields.paramList);
  const wantedHeaders = listed(fields.headerList);
  const params = new Map<string, string>();
  for (const p of view.query) {
    const key = rfc3986(p.key).toLowerCase();
    if (wantedParams.has(key)) params.set(key, rfc3986(p.value));
  }
  const headers = new Map<string, string>();
  for (const name of Object.keys(view.headers)) {
    const key = rfc3986(name).toLowerCase();
    if (wantedHeaders.has(key)) headers.set(key, rfc3986(view.headers[name]));
  }
  const pairs = (names: string[], values: Map<string, string>) =>
    names.map((n) => n.toLowerCase()).sort().map((n) => `${n}=${values.get(n) ?? ""}`).join("&");
  return [view.method.toLowerCase(), view.path, pairs(fields.paramList, params), pairs(fields.headerList, headers), ""].join("\n");
}

export function verifyCosQSign(view: SignedRequestView, fields: CosSignFields, signature: string, secret: string): VerifyResult {
  const httpString = cosHttpString(view, fields);
  const signKey = hmac("sha1", secret, fields.keyTime).toString("hex");
  const stringToSign = ["sha1", fields.signTime, hashHex("sha1", httpString), ""].join("\n");
  const expected = hmac("sha1", signKey, stringToSign).toString("hex");
  return { ok: sameSignature(expected, signature), stringToSign, canonicalRequest: httpString };
}
