import { createHmac } from "node:crypto";
import published from "../../vectors/signing/sigV4-published.json";
import pinned from "../../vectors/signing/pinned-inventory-vectors.json";
import { sigV4CanonicalRequest, sigV4StringToSign, signSigV4, signSigV4With } from "../../../provider/signing/sigV4";
import { inputOf, splitUrl, toRequest } from "./vectorRequests";
import type { HttpRequest } from "../../../provider/http/httpTypes";

/** The SigV4 key derivation written out, to check which canonical request smithy actually signed. */
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

describe("SigV4 pinned inventory vector (smithy, independent verifier)", () => {
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
