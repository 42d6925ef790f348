import published from "../../vectors/signing/obs-published.json";
import pinned from "../../vectors/signing/pinned-inventory-vectors.json";
import {
  OBS_AWS_V2_FLAVOR,
  obsAuthorization,
  obsCanonicalResource,
  obsStringToSign,
  signObs,
  signObsAwsV2,
} from "../../../provider/signing/obsSignature";
import { inputOf, splitUrl, toRequest } from "./vectorRequests";
import type { HttpRequest } from "../../../provider/http/httpTypes";

describe("OBS published string-to-sign examples (obs-docs obs_04_0010 Tables 2-7)", () => {
  it.each(published.obsStringToSign.map((v) => [v.name, v] as const))("%s", (_name, v) => {
    expect(obsStringToSign(toRequest(v.request), v.bucket)).toBe(v.stringToSign);
  });
});

describe("OBS S3-compatible V2 against the AWS S3 REST authentication examples", () => {
  it.each(published.awsV2.map((v) => [v.name, v] as const))("%s", (_name, v) => {
    const request = toRequest(v.request);
    if ("stringToSign" in v) expect(obsStringToSign(request, v.bucket, OBS_AWS_V2_FLAVOR)).toBe(v.stringToSign);
    expect(obsAuthorization(request, { credentials: v.credentials, bucket: v.bucket }, OBS_AWS_V2_FLAVOR)).toBe(v.authorization);
  });
});

describe("OBS pinned inventory vector (independent verifier, 8/8 live esdk captures)", () => {
  const v = pinned.vectors.obsPut;
  const { path, query } = splitUrl(v.path);
  const request: HttpRequest = {
    method: "PUT", origin: `https://${v.host}`, path, query, body: v.body,
    headers: { host: v.host, "content-md5": v.headers["Content-MD5"] },
  };
  const input = inputOf({ credentials: { accessKeyId: v.ak, secretAccessKey: v.sk }, now: v.headers.Date, bucket: "examplebucket" });

  it("PUT inventory signs /{bucket}/?inventory with the Date header", () => {
    const signed = signObs(request, input);
    expect(signed.headers.date).toBe(v.headers.Date);
    expect(obsStringToSign(signed, "examplebucket")).toBe(v.stringToSign);
    expect(signed.headers.authorization).toBe(v.authorization);
  });

  it("does not sign the id parameter: GET with id and List sign the same resource", () => {
    const get = { ...request, method: "GET" as const, query: splitUrl("/?inventory&id=test_id").query };
    const list = { ...request, method: "GET" as const, query: splitUrl("/?inventory").query };
    expect(obsCanonicalResource(get, "examplebucket")).toBe("/examplebucket/?inventory");
    expect(signObs(get, input).headers.authorization).toBe(signObs(list, input).headers.authorization);
  });

  it("the S3-compatible mode uses the same layout with the AWS prefix", () => {
    const signed = signObsAwsV2(request, input);
    expect(signed.headers.authorization).toBe(v.authorization.replace(/^OBS /, "AWS "));
  });
});

describe("OBS canonical resource addressing", () => {
  const base: HttpRequest = { method: "GET", origin: "https://obs.cn-north-4.myhuaweicloud.com", path: "/srcbucket", query: [["inventory", ""]], headers: { host: "obs.cn-north-4.myhuaweicloud.com" } };

  it("signs a path-style path exactly as sent", () => {
    expect(obsCanonicalResource(base, "srcbucket")).toBe("/srcbucket?inventory");
    expect(obsCanonicalResource({ ...base, path: "/srcbucket/" }, "srcbucket")).toBe("/srcbucket/?inventory");
  });

  it("puts the bucket in front of a virtual-hosted path", () => {
    const vhost = { ...base, origin: "https://srcbucket.obs.cn-north-4.myhuaweicloud.com", path: "/", headers: { host: "srcbucket.obs.cn-north-4.myhuaweicloud.com" } };
    expect(obsCanonicalResource(vhost, "srcbucket")).toBe("/srcbucket/?inventory");
  });
});
