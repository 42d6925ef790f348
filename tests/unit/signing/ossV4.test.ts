import published from "../../vectors/signing/ossV4-published.json";
import pinned from "../../vectors/signing/pinned-inventory-vectors.json";
import {
  ossV4CanonicalQuery,
  ossV4CanonicalRequest,
  ossV4Scope,
  ossV4StringToSign,
  signOssV4,
} from "../../../provider/signing/ossV4";
import { inputOf, splitUrl, toRequest } from "./vectorRequests";

describe("OSS V4 published vectors (oss-go-v2 TestV4AuthHeader*)", () => {
  it.each(published.vectors.map((v) => [v.name, v] as const))("%s: same Authorization", (_name, v) => {
    const options = "additionalHeaders" in v ? { additionalHeaders: v.additionalHeaders } : {};
    const signed = signOssV4(toRequest(v.request), inputOf(v), options);
    expect(signed.headers.authorization).toBe(v.authorization);
    if ("canonicalQuery" in v) expect(ossV4CanonicalQuery(signed.query)).toBe(v.canonicalQuery);
  });

  it("the STS vector carries its token in x-oss-security-token", () => {
    const v = published.vectors.find((x) => x.credentials.securityToken)!;
    const signed = signOssV4(toRequest(v.request), inputOf(v));
    expect(signed.headers["x-oss-security-token"]).toBe("token");
  });
});

describe("OSS V4 pinned inventory vector (ali-oss authorizationV4)", () => {
  const v = pinned.vectors.ossV4Get;
  const { path, query } = splitUrl(v.path);
  const request = { method: "GET" as const, origin: "https://srcbucket.oss-cn-hangzhou.aliyuncs.com", path, query, headers: { host: "srcbucket.oss-cn-hangzhou.aliyuncs.com" } };
  const input = inputOf({ credentials: { accessKeyId: v.accessKeyId, secretAccessKey: v.accessKeySecret }, now: "2023-12-16T16:20:57Z", region: v.region, bucket: "srcbucket" });

  it("GET inventory gives the pinned canonical request, string-to-sign and Authorization", () => {
    const signed = signOssV4(request, input);
    expect(signed.headers["x-oss-date"]).toBe(v.headers["x-oss-date"]);
    expect(signed.headers["x-oss-content-sha256"]).toBe("UNSIGNED-PAYLOAD");
    const canonical = ossV4CanonicalRequest(signed, "srcbucket", []);
    expect(canonical).toBe(v.canonicalRequest);
    const isoDate = signed.headers["x-oss-date"]!;
    expect(ossV4StringToSign(isoDate, ossV4Scope(isoDate, v.region), canonical)).toBe(v.stringToSign);
    expect(signed.headers.authorization).toBe(v.authorization);
  });

  it("accepts the endpoint spelling of the region (oss-cn-hangzhou) and scopes it as cn-hangzhou", () => {
    const signed = signOssV4(request, { ...input, region: "oss-cn-hangzhou" });
    expect(signed.headers.authorization).toBe(v.authorization);
  });

  it("keeps a body hash the caller already put in x-oss-content-sha256 and signs it", () => {
    const hash = "a".repeat(64);
    const signed = signOssV4({ ...request, headers: { ...request.headers, "x-oss-content-sha256": hash } }, input);
    expect(signed.headers["x-oss-content-sha256"]).toBe(hash);
    expect(ossV4CanonicalRequest(signed, "srcbucket", []).endsWith(`\n${hash}`)).toBe(true);
    expect(signed.headers.authorization).not.toBe(v.authorization);
  });
});
