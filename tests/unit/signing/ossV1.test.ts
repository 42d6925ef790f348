import published from "../../vectors/signing/ossV1-published.json";
import pinned from "../../vectors/signing/pinned-inventory-vectors.json";
import { ossV1CanonicalResource, ossV1StringToSign, signOssV1 } from "../../../provider/signing/ossV1";
import { inputOf, splitUrl, toRequest } from "./vectorRequests";
import type { HttpRequest } from "../../../provider/http/httpTypes";

const ORIGIN = "https://srcbucket.oss-cn-hangzhou.aliyuncs.com";
const HOST = "srcbucket.oss-cn-hangzhou.aliyuncs.com";
const creds = { accessKeyId: "ak", secretAccessKey: "sk" };

function inventoryRequest(method: HttpRequest["method"], url: string, headers: Record<string, string>, body?: string): HttpRequest {
  const { path, query } = splitUrl(url);
  return { method, origin: ORIGIN, path, query, headers: { host: HOST, ...headers }, ...(body ? { body } : {}) };
}

describe("OSS V1 published vectors (oss-go-v2 TestV1AuthHeader)", () => {
  it.each(published.vectors.map((v) => [v.name, v] as const))("%s: same string-to-sign and Authorization", (_name, v) => {
    const signed = signOssV1(toRequest(v.request), inputOf(v));
    expect(ossV1StringToSign(signed, v.bucket)).toBe(v.stringToSign);
    expect(signed.headers.authorization).toBe(v.authorization);
  });
});

describe("OSS V1 pinned inventory vectors (ali-oss signUtils)", () => {
  const { ossV1Put, ossV1List } = pinned.vectors;
  const now = ossV1Put.headers["x-oss-date"];

  it("PUT inventory signs inventory and inventoryId as sub-resources", () => {
    const headers = { "content-type": ossV1Put.headers["Content-Type"], "content-md5": ossV1Put.headers["Content-MD5"] };
    const request = inventoryRequest("PUT", ossV1Put.path, headers, ossV1Put.body);
    const signed = signOssV1(request, inputOf({ credentials: creds, now, bucket: "srcbucket" }));
    expect(ossV1StringToSign(signed, "srcbucket")).toBe(ossV1Put.stringToSign);
    expect(signed.headers.authorization).toBe(ossV1Put.authorization);
  });

  it("list signs continuation-token before inventory", () => {
    const signed = signOssV1(inventoryRequest("GET", ossV1List.path, {}), inputOf({ credentials: creds, now, bucket: "srcbucket" }));
    expect(ossV1StringToSign(signed, "srcbucket")).toBe(ossV1List.stringToSign);
    expect(signed.headers.authorization).toBe(ossV1List.authorization);
  });
});

describe("OSS V1 request layout", () => {
  const input = inputOf({ credentials: creds, now: "2022-12-28T10:27:41Z", bucket: "srcbucket" });

  it("sets x-oss-date in RFC 1123 form and adds no Date header", () => {
    const signed = signOssV1(inventoryRequest("GET", "/?inventory", {}), input);
    expect(signed.headers["x-oss-date"]).toBe("Wed, 28 Dec 2022 10:27:41 GMT");
    expect(signed.headers.date).toBeUndefined();
  });

  it("signs a continuation token with its decoded value", () => {
    const request = inventoryRequest("GET", "/?inventory=&continuation-token=tok%2F1%2B2", {});
    expect(ossV1CanonicalResource(request, "srcbucket")).toBe("/srcbucket/?continuation-token=tok/1+2&inventory");
  });

  it("leaves query keys that are not sub-resources out of the resource", () => {
    const request = inventoryRequest("GET", "/?inventory&max-keys=10&x-oss-traffic-limit=100&x-id=List", {});
    expect(ossV1CanonicalResource(request, "srcbucket")).toBe("/srcbucket/?inventory&x-oss-traffic-limit=100");
  });

  it("signs a path-style request (endpoint override) exactly like the virtual-hosted one", () => {
    const virtualHosted = inventoryRequest("GET", "/?inventory&inventoryId=report1", {});
    const pathStyle: HttpRequest = { ...virtualHosted, origin: "http://127.0.0.1:9000", path: "/srcbucket/", headers: { host: "127.0.0.1:9000" } };
    expect(ossV1CanonicalResource(pathStyle, "srcbucket")).toBe("/srcbucket/?inventory&inventoryId=report1");
    expect(signOssV1(pathStyle, input).headers.authorization).toBe(signOssV1(virtualHosted, input).headers.authorization);
  });
});
