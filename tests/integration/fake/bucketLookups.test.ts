import { MAIN } from "./support/fixtures";
import { errorCode, signedCall, type SignedCall, type Vendor } from "./support/signedClient";
import { useFakeCloud } from "./support/startTestCloud";
import { parseXml } from "./support/xmlBody";

const cloud = useFakeCloud();
const call = (vendor: Vendor, bucket: string, more: Partial<SignedCall>) =>
  signedCall(cloud.url, { account: MAIN[vendor], method: "GET", bucket, ...more });

describe("OSS", () => {
  it("GetBucketInfo gives the location as oss-<region> and the owner's UID", async () => {
    const res = await call("oss", "reports-beijing", { query: { bucketInfo: "" } });
    expect(res.status).toBe(200);
    const bucket = (parseXml(res.body).BucketInfo as { Bucket: Record<string, unknown> }).Bucket;
    expect(bucket).toMatchObject({ Name: "reports-beijing", Location: "oss-cn-beijing", Owner: { ID: MAIN.oss.accountId } });
    expect(bucket.Versioning).toBeUndefined();
    const versioned = (parseXml((await call("oss", "photos", { query: { bucketInfo: "" } })).body).BucketInfo as { Bucket: Record<string, unknown> }).Bucket;
    expect(versioned.Versioning).toBe("Enabled");
  });

  it("GetBucketLocation", async () => {
    const res = await call("oss", "photos", { query: { location: "" } });
    expect(parseXml(res.body).LocationConstraint).toBe("oss-cn-hangzhou");
  });
});

describe("COS", () => {
  it("HEAD bucket answers x-cos-bucket-region", async () => {
    const res = await call("cos", "reports-bj-1250000000", { method: "HEAD" });
    expect([res.status, res.headers["x-cos-bucket-region"]]).toEqual([200, "ap-beijing"]);
  });

  it("GET ?acl names the owner qcs::cam::uin/<uin>:uin/<uin>", async () => {
    const res = await call("cos", "photos-1250000000", { query: { acl: "" } });
    const owner = (parseXml(res.body).AccessControlPolicy as { Owner: { ID: string } }).Owner;
    expect(owner.ID).toBe(`qcs::cam::uin/${MAIN.cos.accountId}:uin/${MAIN.cos.accountId}`);
  });

  it("HEAD on a missing bucket is a bodiless 404", async () => {
    const res = await call("cos", "missing-1250000000", { method: "HEAD" });
    expect([res.status, res.body]).toEqual([404, ""]);
  });
});

describe("OBS", () => {
  it("GET ?location answers <Location> with the OBS signature, LocationConstraint in S3-compatible mode", async () => {
    const obs = await call("obs", "reports-shanghai", { query: { location: "" } });
    expect(parseXml(obs.body).Location).toBe("cn-east-3");
    const v2 = await call("obs", "reports-shanghai", { query: { location: "" }, scheme: "aws-v2", style: "path" });
    expect(parseXml(v2.body).CreateBucketConfiguration).toEqual({ LocationConstraint: "cn-east-3" });
  });

  it("GET ?acl names the owner's domain id, HEAD answers x-obs-bucket-location", async () => {
    const acl = await call("obs", "photos", { query: { acl: "" } });
    expect((parseXml(acl.body).AccessControlPolicy as { Owner: { ID: string } }).Owner.ID).toBe(MAIN.obs.accountId);
    const head = await call("obs", "photos", { method: "HEAD" });
    expect(head.headers["x-obs-bucket-location"]).toBe("cn-north-4");
  });
});

describe("S3", () => {
  it("GetBucketLocation: empty for us-east-1, the region otherwise", async () => {
    expect(parseXml((await call("s3", "photos", { query: { location: "" } })).body).LocationConstraint).toBe("");
    expect(parseXml((await call("s3", "reports-eu", { query: { location: "" }, region: "eu-west-1" })).body).LocationConstraint).toBe("eu-west-1");
  });

  it("HeadBucket answers x-amz-bucket-region; an expected owner that differs is 403", async () => {
    const head = await call("s3", "reports-eu", { method: "HEAD", region: "eu-west-1" });
    expect([head.status, head.headers["x-amz-bucket-region"]]).toEqual([200, "eu-west-1"]);
    const wrong = await call("s3", "photos", { method: "HEAD", headers: { "x-amz-expected-bucket-owner": "999999999999" } });
    expect(wrong.status).toBe(403);
  });

  it("a request signed for another region than the bucket's is 400 AuthorizationHeaderMalformed naming the region; GetBucketLocation is served from any region", async () => {
    const head = await call("s3", "reports-eu", { method: "HEAD" });
    expect([head.status, head.headers["x-amz-bucket-region"], head.body]).toEqual([400, "eu-west-1", ""]);
    const get = await call("s3", "reports-eu", { query: { inventory: "" } });
    expect([get.status, errorCode(get.body)]).toEqual([400, "AuthorizationHeaderMalformed"]);
    expect(get.body).toContain("<Region>eu-west-1</Region>");
    expect(get.body).toContain("the region &apos;us-east-1&apos; is wrong; expecting &apos;eu-west-1&apos;");
    const location = await call("s3", "reports-eu", { query: { location: "" } });
    expect([location.status, parseXml(location.body).LocationConstraint]).toEqual([200, "eu-west-1"]);
  });

  it("GetBucketAcl has the owner's canonical id", async () => {
    const res = await call("s3", "photos", { query: { acl: "" } });
    const policy = parseXml(res.body).AccessControlPolicy as { Owner: { ID: string }; AccessControlList: { Grant: { Permission: string } } };
    expect(policy.Owner.ID).toMatch(/^[0-9a-f]{64}$/);
    expect(policy.AccessControlList.Grant.Permission).toBe("FULL_CONTROL");
  });

  it("an operation the fake does not implement is 501 NotImplemented in the vendor's shape", async () => {
    const res = await call("s3", "photos", { query: { lifecycle: "" } });
    expect([res.status, errorCode(res.body)]).toEqual([501, "NotImplemented"]);
  });
});
