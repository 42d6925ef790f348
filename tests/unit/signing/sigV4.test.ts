import { createHash, createHmac } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";
import published from "../../vectors/signing/sigV4-published.json";
import pinned from "../../vectors/signing/pinned-inventory-vectors.json";
import { sigV4CanonicalRequest, sigV4StringToSign, signSigV4, signSigV4With } from "../../../provider/signing/sigV4";
import { inputOf, splitUrl, toRequest } from "./vectorRequests";
import type { HttpRequest } from "../../../provider/http/httpTypes";

/** The SigV4 key derivation written out, to check which canonical request was signed. */
function hmacChain(secret: string, date: string, region: string, stringToSign: string): string {
  let key: Buffer | string = `AWS4${secret}`;
  for (const part of [date, region, "s3", "aws4_request"]) key = createHmac("sha256", key).update(part).digest();
  return createHmac("sha256", key).update(stringToSign).digest("hex");
}

/** The generic AWS test suite signs no payload-hash header and escapes the path; S3 does neither. */
const SUITE_PROFILE = { service: "service", applyChecksum: false, uriEscapePath: true };

describe("SigV4 published vectors", () => {
  it.each(published.suite.map((v) => [v.name, v] as const))("AWS test suite %s", async (_name, v) => {
    const signed = await signSigV4With(SUITE_PROFILE, toRequest(v.request), inputOf(v));
    expect(signed.headers.authorization).toBe(v.authorization);
  });

  it.each(published.s3.map((v) => [v.name, v] as const))("AWS S3 example %s", async (_name, v) => {
    const signed = await signSigV4(toRequest(v.request), inputOf(v));
    expect(signed.headers["x-amz-content-sha256"]).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(signed.headers.authorization).toBe(v.authorization);
  });
});

describe("SigV4 pinned inventory vector (independent verifier)", () => {
  const v = pinned.vectors.s3Put;
  const { path, query } = splitUrl(v.path);
  const request: HttpRequest = {
    method: "PUT", origin: `https://${v.headers.host}`, path, query, body: v.body,
    headers: { host: v.headers.host, "content-type": v.headers["content-type"] },
  };
  const input = inputOf({ credentials: { accessKeyId: v.accessKeyId, secretAccessKey: v.secretAccessKey }, now: "2013-05-24T00:00:00Z", region: v.region });

  it("PUT inventory: body hash, canonical request (id=report1&inventory=), string-to-sign and Authorization", async () => {
    const signed = await signSigV4(request, input);
    expect(signed.headers["x-amz-content-sha256"]).toBe(v.headers["x-amz-content-sha256"]);
    expect(signed.headers["x-amz-date"]).toBe(v.headers["x-amz-date"]);
    const canonical = sigV4CanonicalRequest(signed);
    expect(canonical).toBe(v.canonicalRequest);
    expect(sigV4StringToSign(signed.headers["x-amz-date"]!, v.region, "s3", canonical)).toBe(v.stringToSign);
    expect(signed.headers.authorization).toBe(v.headers.authorization);
  });

  it("signs the path as sent, without escaping it again", async () => {
    const pathStyle = { ...request, origin: "http://127.0.0.1:9000", path: "/srcbucket/a%20b", headers: { host: "127.0.0.1:9000" } };
    const signed = await signSigV4(pathStyle, input);
    const canonical = sigV4CanonicalRequest(signed);
    expect(canonical.split("\n")[1]).toBe("/srcbucket/a%20b");
    const stringToSign = sigV4StringToSign(signed.headers["x-amz-date"]!, v.region, "s3", canonical);
    expect(signed.headers.authorization).toContain(`Signature=${hmacChain(v.secretAccessKey, "20130524", v.region, stringToSign)}`);
  });
});

type SourceData = string | ArrayBuffer | ArrayBufferView;
const bytes = (data: SourceData): string | Uint8Array =>
  typeof data === "string" ? data : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);

/** aws-sdk-js v3's signer (a dev dependency only), on node:crypto hashes. */
class Sha256 {
  private readonly hash;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash("sha256") : createHmac("sha256", bytes(secret));
  }
  update(data: SourceData) {
    this.hash.update(bytes(data));
  }
  async digest() {
    return new Uint8Array(this.hash.digest());
  }
}

async function smithySigned(profile: typeof SUITE_PROFILE, request: HttpRequest, input: ReturnType<typeof inputOf>): Promise<Record<string, string>> {
  const { accessKeyId, secretAccessKey, securityToken } = input.credentials;
  const signer = new SignatureV4({
    service: profile.service, region: input.region, sha256: Sha256, uriEscapePath: profile.uriEscapePath, applyChecksum: profile.applyChecksum,
    credentials: { accessKeyId, secretAccessKey, ...(securityToken ? { sessionToken: securityToken } : {}) },
  });
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of request.query) {
    const seen = query[k];
    query[k] = seen === undefined ? v : Array.isArray(seen) ? [...seen, v] : [seen, v];
  }
  const url = new URL(request.origin);
  const signed = await signer.sign(
    { method: request.method, protocol: url.protocol, hostname: url.hostname, path: request.path, query, headers: { ...request.headers }, body: request.body },
    { signingDate: input.now },
  );
  return signed.headers as Record<string, string>;
}

describe("SigV4 signs what @smithy/signature-v4 (aws-sdk-js v3) signs", () => {
  const input = inputOf({ credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" }, now: "2026-03-01T08:09:10Z", region: "eu-west-1" });
  const withToken = { ...input, credentials: { ...input.credentials, securityToken: "FQoGZXIvYXdzE//token+/=" } };
  const base: HttpRequest = { method: "GET", origin: "http://127.0.0.1:9000", path: "/photos", query: [["inventory", ""], ["id", "daily report"]], headers: { host: "127.0.0.1:9000" } };
  const cases: [string, HttpRequest, ReturnType<typeof inputOf>][] = [
    ["a GET with a bare sub-resource and an id with a space", base, input],
    ["a PUT with a body, content-type and content-md5", { ...base, method: "PUT", body: "<InventoryConfiguration>é</InventoryConfiguration>", headers: { ...base.headers, "content-type": "application/xml", "content-md5": "abc==" } }, input],
    ["an STS token", base, withToken],
    ["repeated query keys and keys needing escapes", { ...base, query: [["b", "2"], ["a", "x y"], ["b", "1"], ["c*!", "'()"], ["continuation-token", "a/b+c="]] }, input],
    ["headers never signed, folded whitespace, a caller's Date and x-amz-date dropped", { ...base, headers: { ...base.headers, "user-agent": "ua", "x-amzn-trace-id": "t", "proxy-x": "p", "sec-y": "s", "x-amz-meta-a": "  two   spaces\tand tab ", date: "Tue, 01 Jan 2019 00:00:00 GMT", "x-amz-date": "20190101T000000Z" } }, input],
    ["a body hash the caller set", { ...base, method: "PUT", body: "x", headers: { ...base.headers, "x-amz-content-sha256": "UNSIGNED-PAYLOAD" } }, input],
  ];

  it.each(cases)("S3: %s", async (_name, request, signingInput) => {
    expect(signSigV4(request, signingInput).headers).toEqual(await smithySigned({ service: "s3", applyChecksum: true, uriEscapePath: false }, request, signingInput));
  });

  it.each(cases)("the generic suite's profile: %s", async (_name, request, signingInput) => {
    const dotted = { ...request, path: "/a/./b/../c d/" };
    expect(signSigV4With(SUITE_PROFILE, dotted, signingInput).headers).toEqual(await smithySigned(SUITE_PROFILE, dotted, signingInput));
  });
});
