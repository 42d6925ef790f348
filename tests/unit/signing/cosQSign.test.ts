import published from "../../vectors/signing/cos-published.json";
import pinned from "../../vectors/signing/pinned-inventory-vectors.json";
import {
  cosAuthorization,
  cosHttpString,
  cosKeyTime,
  cosPairs,
  cosSignature,
  cosSignedHeaderNames,
  signCos,
} from "../../../provider/signing/cosQSign";
import { inputOf, splitUrl, toRequest } from "./vectorRequests";

describe("COS published vectors (COS doc 436/7778)", () => {
  it.each(published.vectors.map((v) => [v.name, v] as const))("%s: same SignKey, HttpString, StringToSign, Authorization", (_name, v) => {
    const request = toRequest(v.request);
    const result = cosSignature({
      ...request,
      headerNames: v.headerNames,
      paramNames: v.paramNames,
      keyTime: v.keyTime,
      secretKey: v.credentials.secretAccessKey,
    });
    expect(result.signKey).toBe(v.signKey);
    expect(result.httpString).toBe(v.httpString);
    expect(result.stringToSign).toBe(v.stringToSign);
    expect(cosAuthorization(v.credentials, v.keyTime, result)).toBe(v.authorization);
  });
});

describe("COS pinned inventory vector (cos-nodejs-sdk-v5 util.getAuth)", () => {
  const v = pinned.vectors.cosGet;
  const [start, end] = v.keyTime.split(";").map(Number) as [number, number];
  const { path, query } = splitUrl(v.path);
  const request = { method: "GET" as const, origin: `https://${v.headers.Host}`, path, query, headers: { host: v.headers.Host } };
  const input = inputOf({ credentials: { accessKeyId: v.secretId, secretAccessKey: v.secretKey } });

  it("the default choice (host, every query param) reproduces the SDK's Authorization", () => {
    const signed = signCos(request, input, { keyTime: { start, end } });
    expect(signed.headers.authorization).toBe(v.authorization);
  });

  it("builds the pinned HttpString with id=list1&inventory= (empty value as k=)", () => {
    const http = cosHttpString({ ...request, headerNames: ["host"], paramNames: ["id", "inventory"] });
    expect(http).toBe(v.httpString);
  });
});

describe("COS signing choices", () => {
  it("key time runs from 60 seconds before now to 900 seconds after", () => {
    expect(cosKeyTime(new Date("2026-11-21T23:18:51Z"))).toEqual({ start: 1795303071, end: 1795304031 });
  });

  it("signCos uses that default window when none is given", () => {
    const input = inputOf({ credentials: { accessKeyId: "AKID", secretAccessKey: "SK" }, now: "2026-11-21T23:18:51Z" });
    const signed = signCos({ method: "GET", origin: "https://b-1250000000.cos.ap-guangzhou.myqcloud.com", path: "/", query: [["inventory", ""]], headers: { host: "b-1250000000.cos.ap-guangzhou.myqcloud.com" } }, input);
    expect(signed.headers.authorization).toContain("&q-sign-time=1795303071;1795304031&q-key-time=1795303071;1795304031&");
  });

  it("signs host, content-type/-md5/-length and x-cos-* headers, and nothing else", () => {
    const names = cosSignedHeaderNames({
      host: "h", "content-type": "application/xml", "content-md5": "m", "content-length": "10",
      "x-cos-security-token": "t", "user-agent": "u", date: "d", connection: "keep-alive",
    });
    expect(names.sort()).toEqual(["content-length", "content-md5", "content-type", "host", "x-cos-security-token"]);
  });

  it("signs a continuation token re-encoded from its decoded value", () => {
    const { path, query } = splitUrl("/?inventory=&continuation-token=tok%2F1%2B2");
    const http = cosHttpString({ method: "GET", path, query, headers: { host: "h" }, headerNames: ["host"], paramNames: ["inventory", "continuation-token"] });
    expect(http).toBe("get\n/\ncontinuation-token=tok%2F1%2B2&inventory=\nhost=h\n");
  });

  it("lower-cases a key after encoding it, value untouched", () => {
    expect(cosPairs([["Max/Keys", "A/B"]], ["max/keys"])).toEqual({ list: "max%2fkeys", joined: "max%2fkeys=A%2FB" });
  });
});
