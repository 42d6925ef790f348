import { DIALECTS } from "../../../provider/dialects/dialectFor";
import { dialectFor } from "../../../provider/dialects/dialectFor";
import { ConfigError, InputError, ProtocolError } from "../../../provider/errors";
import type { HttpRequest } from "../../../provider/http/httpTypes";
import { VENDORS } from "../../../provider/model/inventoryConfig";
import type { BucketRef, Vendor } from "../../../provider/model/inventoryConfig";
import { FULL, REFS } from "./configs";

const origin = (ref: BucketRef) => DIALECTS[ref.vendor].buildGetInventory(ref, "a");

describe("addressing", () => {
  test.each([
    ["oss", "https://photos.oss-cn-hangzhou.aliyuncs.com"],
    ["cos", "https://photos-1250000000.cos.ap-guangzhou.myqcloud.com"],
    ["obs", "https://photos.obs.cn-north-4.myhuaweicloud.com"],
    ["s3", "https://photos.s3.us-east-1.amazonaws.com"],
  ] as [Vendor, string][])("%s uses its public virtual-hosted endpoint by default", (vendor, expected) => {
    const request = origin(REFS[vendor]);
    expect(request.origin).toBe(expected);
    expect(request.path).toBe("/");
    expect(request.headers.host).toBe(new URL(expected).host);
  });

  test("OSS accepts the region with its oss- prefix and signs without it", () => {
    const ref: BucketRef = { ...REFS.oss, region: "oss-cn-shanghai" };
    expect(origin(ref).origin).toBe("https://photos.oss-cn-shanghai.aliyuncs.com");
    expect(DIALECTS.oss.signingRegion(ref)).toBe("cn-shanghai");
  });

  test("an endpoint override is used as origin, path-style, with its host and port", () => {
    const request = origin({ ...REFS.cos, endpoint: "http://127.0.0.1:9000/" });
    expect(request).toMatchObject({ origin: "http://127.0.0.1:9000", path: "/photos-1250000000/" });
    expect(request.headers.host).toBe("127.0.0.1:9000");
  });

  test.each(["not a url", "ftp://127.0.0.1:21", "http://127.0.0.1:9000/prefix", "http://user:pw@127.0.0.1:9000"])("refuses the endpoint %s", (endpoint) => {
    expect(() => origin({ ...REFS.s3, endpoint })).toThrow(ConfigError);
  });

  test("a user-info endpoint is refused without repeating the password", () => {
    expect(() => origin({ ...REFS.s3, endpoint: "http://user:hunter2@127.0.0.1:9000" })).toThrow(/^(?!.*hunter2)/);
  });

  test("an unknown vendor is an InputError naming the vendors", () => {
    expect(() => dialectFor("gcs" as Vendor)).toThrow(InputError);
    expect(() => dialectFor("gcs" as Vendor)).toThrow(/vendor: "gcs" is not one of oss, cos, obs, s3/);
  });
});

/** Every request a dialect builds for a ref: the inventory operations and each bucket look-up step. */
function everyRequest(ref: BucketRef): (() => HttpRequest)[] {
  const d = DIALECTS[ref.vendor];
  return [
    () => d.buildPutInventory(ref, FULL[ref.vendor]),
    () => d.buildGetInventory(ref, "a"),
    () => d.buildListInventories(ref),
    () => d.buildDeleteInventory(ref, "a"),
    ...d.describeBucketSteps.map((step) => () => step.build(ref, {})),
  ];
}

const HOSTILE_BUCKETS = ["127.0.0.1:9/x#", "a b", "a+b", "a/b", "a?b", "u@evil.example", "..", "a..b", "-a", "A", "%2e%2e", "a\r\nb", ""];

describe("the request builder refuses, never encodes around, what would change the host or path", () => {
  test.each(VENDORS.flatMap((v) => HOSTILE_BUCKETS.map((b) => [v, b] as [Vendor, string])))("%s bucket %j", (vendor, bucket) => {
    for (const endpoint of [undefined, "http://127.0.0.1:9000"]) {
      for (const build of everyRequest({ ...REFS[vendor], bucket, endpoint })) {
        expect(build).toThrow(InputError);
        expect(build).toThrow(/^bucket: .* cannot be addressed: a bucket name is part of the request's host name or path/);
      }
    }
  });

  test.each(VENDORS.flatMap((v) => ["us-east-1.evil.example#", "us east 1", "US-EAST-1", "a/b"].map((r) => [v, r] as [Vendor, string])))("%s region %j", (vendor, region) => {
    for (const build of everyRequest({ ...REFS[vendor], region })) expect(build).toThrow(/^region: .* cannot be addressed/);
  });

  test.each(VENDORS.map((v) => [v]))("%s: an id that is not text (a lone surrogate) or holds a control character is refused, not mangled", (vendor) => {
    const d = DIALECTS[vendor];
    for (const id of ["a\ud800", "a\u0001"]) {
      expect(() => d.buildGetInventory(REFS[vendor], id)).toThrow(/^inventoryId: /);
      expect(() => d.buildDeleteInventory(REFS[vendor], id)).toThrow(InputError);
      expect(() => d.buildPutInventory(REFS[vendor], { ...FULL[vendor], id })).toThrow(InputError);
    }
  });

  test("a continuation token the service sent that cannot be sent back is a ProtocolError", () => {
    expect(() => DIALECTS.s3.buildListInventories(REFS.s3, "tok\ud800")).toThrow(ProtocolError);
  });

  test.each(VENDORS.map((v) => [v]))("%s: a body value XML cannot carry (U+0001) is refused by the XML builder, not dropped", (vendor) => {
    const config = { ...FULL[vendor], destination: { ...FULL[vendor].destination, prefix: "a\u0001b" } };
    expect(() => DIALECTS[vendor].serializeInventory(config, REFS[vendor])).toThrow(/^<Prefix>: the value has U\+0001, which XML cannot carry/);
  });

  test.each(VENDORS.map((v) => [v]))("%s: host-safe names are sent as they are, path-style without encoding", (vendor) => {
    const bucket = vendor === "cos" ? "my-photos-1250000000" : vendor === "oss" ? "my-photos-2" : "my.photos-2";
    const request = DIALECTS[vendor].buildGetInventory({ ...REFS[vendor], bucket, endpoint: "http://127.0.0.1:9000" }, "a");
    expect(request.path).toBe(`/${bucket}/`);
  });
});
