import { DIALECTS } from "../../../provider/dialects/dialectFor";
import { dialectFor } from "../../../provider/dialects/dialectFor";
import { ConfigError, InputError } from "../../../provider/errors";
import type { BucketRef, Vendor } from "../../../provider/model/inventoryConfig";
import { REFS } from "./configs";

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
