import { createInventoryClient, type ClosableInventoryClient } from "../../../provider/client/createInventoryClient";
import { AccessDeniedError, ProtocolError } from "../../../provider/errors";
import { VENDORS, type BucketRef, type Vendor } from "../../../provider/model/inventoryConfig";
import { REFS } from "../dialects/configs";
import { startLoopbackServer, type LoopbackServer, type Received } from "../http/loopbackServer";

const CREDENTIALS = Object.fromEntries(VENDORS.map((v) => [v, { accessKeyId: `${v}-key-id`, secretAccessKey: `${v}-secret` }]));

let server: LoopbackServer;
let client: ClosableInventoryClient;
beforeEach(async () => {
  server = await startLoopbackServer();
  client = createInventoryClient({ credentials: CREDENTIALS, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 } });
});
afterEach(async () => {
  await client.close();
  await server.close();
});

const refFor = (vendor: Vendor): BucketRef => ({ ...REFS[vendor], endpoint: server.url });
const sub = (r: Received) => r.url.split("?")[1] ?? "";

/** Bucket look-up answers as each vendor documents them (OSS GetBucketInfo, COS HEAD/acl, OBS location/acl, S3 HEAD). */
const OSS_BUCKET_INFO = `<?xml version="1.0" encoding="UTF-8"?><BucketInfo><Bucket><CreationDate>2013-07-31T10:56:21.000Z</CreationDate><ExtranetEndpoint>oss-cn-hangzhou.aliyuncs.com</ExtranetEndpoint><Location>oss-cn-hangzhou</Location><Name>photos</Name><Owner><DisplayName>1000000000000001</DisplayName><ID>1000000000000001</ID></Owner><StorageClass>Standard</StorageClass></Bucket></BucketInfo>`;
const COS_ACL = `<AccessControlPolicy><Owner><ID>qcs::cam::uin/100000000001:uin/100000000001</ID><DisplayName>qcs::cam::uin/100000000001:uin/100000000001</DisplayName></Owner><AccessControlList><Grant><Grantee><ID>qcs::cam::uin/100000000001:uin/100000000001</ID></Grantee><Permission>FULL_CONTROL</Permission></Grant></AccessControlList></AccessControlPolicy>`;
const OBS_LOCATION = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Location xmlns="http://obs.cn-north-4.myhuaweicloud.com/doc/2015-06-30/">cn-north-4</Location>`;
const OBS_ACL = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><AccessControlPolicy xmlns="http://obs.myhwclouds.com/doc/2015-06-30/"><Owner><ID>0a1b2c3d4e5f60718293a4b5c6d7e8f9</ID></Owner><AccessControlList/></AccessControlPolicy>`;

describe("describeBucket", () => {
  test("OSS: region without oss- and the owner, from GetBucketInfo", async () => {
    server.handle(() => ({ body: OSS_BUCKET_INFO }));
    expect(await client.describeBucket(refFor("oss"))).toStrictEqual({ region: "cn-hangzhou", ownerId: "1000000000000001" });
    expect(server.requests.map((r) => `${r.method} ${sub(r)}`)).toEqual(["GET bucketInfo"]);
  });

  test("COS: region from HEAD's x-cos-bucket-region, owner uin from the acl", async () => {
    server.handle((r) => (r.method === "HEAD" ? { headers: { "x-cos-bucket-region": "ap-guangzhou" } } : { body: COS_ACL }));
    expect(await client.describeBucket(refFor("cos"))).toStrictEqual({ region: "ap-guangzhou", ownerId: "100000000001" });
    expect(server.requests.map((r) => `${r.method} ${sub(r)}`)).toEqual(["HEAD ", "GET acl"]);
  });

  test("OBS: region from ?location, owner from ?acl", async () => {
    server.handle((r) => ({ body: sub(r) === "location" ? OBS_LOCATION : OBS_ACL }));
    expect(await client.describeBucket(refFor("obs"))).toStrictEqual({ region: "cn-north-4", ownerId: "0a1b2c3d4e5f60718293a4b5c6d7e8f9" });
  });

  test("S3: HEAD names the region; an expected owner that the 200 confirms becomes the owner", async () => {
    server.handle(() => ({ headers: { "x-amz-bucket-region": "eu-west-1" } }));
    expect(await client.describeBucket(refFor("s3"))).toStrictEqual({ region: "eu-west-1" });
    expect(await client.describeBucket(refFor("s3"), { expectedOwner: "111111111111" })).toStrictEqual({ region: "eu-west-1", ownerId: "111111111111" });
    expect(server.requests[1].headers["x-amz-expected-bucket-owner"]).toBe("111111111111");
    expect(server.requests).toHaveLength(2);
  });

  test("S3: a 301 naming another region still answers", async () => {
    server.handle(() => ({ status: 301, headers: { "x-amz-bucket-region": "ap-south-1" } }));
    expect(await client.describeBucket(refFor("s3"))).toStrictEqual({ region: "ap-south-1" });
  });

  test("S3: without a region header, GetBucketLocation is asked (empty means us-east-1)", async () => {
    server.handle((r) => (r.method === "HEAD" ? { status: 200 } : { body: `<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/"/>` }));
    expect(await client.describeBucket(refFor("s3"))).toStrictEqual({ region: "us-east-1" });
    expect(server.requests.map((r) => `${r.method} ${sub(r)}`)).toEqual(["HEAD ", "GET location"]);
  });

  test("S3: a bare 403 with an expected owner is AccessDenied that says the owner may differ", async () => {
    server.handle(() => ({ status: 403 }));
    const error = await client.describeBucket(refFor("s3"), { expectedOwner: "222222222222" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AccessDeniedError);
    expect((error as Error).message).toMatch(/^looking up bucket s3:us-east-1:photos: AccessDenied .*expected owner/);
  });

  const REQUEST_ID: Record<Vendor, string> = { oss: "x-oss-request-id", cos: "x-cos-request-id", obs: "x-obs-request-id", s3: "x-amz-request-id" };
  const noSuchBucket = (vendor: Vendor) =>
    vendor === "cos" || vendor === "s3"
      ? { status: 404, headers: { [REQUEST_ID[vendor]]: "r1" } }
      : { status: 404, headers: { [REQUEST_ID[vendor]]: "r1" }, body: "<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist.</Message></Error>" };

  test.each(VENDORS.map((v) => [v]))("%s: a missing bucket (the vendor's NoSuchBucket: a document, or a bodyless HEAD 404 with its request id) is undefined", async (vendor) => {
    server.handle(() => noSuchBucket(vendor));
    expect(await client.describeBucket(refFor(vendor))).toBeUndefined();
    expect(server.requests).toHaveLength(1);
  });

  test.each(VENDORS.map((v) => [v]))("%s: a bare 404 the vendor did not send (no request id, no error document) is an error, not a missing bucket", async (vendor) => {
    server.handle(() => ({ status: 404, headers: { server: "nginx" } }));
    const error = await client.describeBucket(refFor(vendor)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BI_ERR_SERVICE", vendorCode: "HTTP404", retryable: false });
    expect((error as Error).message).toMatch(/^looking up bucket .*: HTTP404 \(a 404 answer from server "nginx" without .*Nothing is taken as gone\)$/);
    expect(server.requests).toHaveLength(1);
  });

  test("COS: a HEAD 200 without its region header is retried, then reported as a ProtocolError", async () => {
    server.handle((r, i) => (r.method === "HEAD" ? (i === 0 ? { status: 200 } : { headers: { "x-cos-bucket-region": "ap-guangzhou" } }) : { body: COS_ACL }));
    expect(await client.describeBucket(refFor("cos"))).toStrictEqual({ region: "ap-guangzhou", ownerId: "100000000001" });
    server.handle((r) => (r.method === "HEAD" ? { status: 200 } : { body: COS_ACL }));
    const error = await client.describeBucket(refFor("cos")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProtocolError);
    expect((error as Error).message).toMatch(/without x-cos-bucket-region/);
  });

  test("OBS: a look-up that never learns the region is a ProtocolError", async () => {
    // S3 reads an empty LocationConstraint as us-east-1; OBS has no such rule.
    server.handle((r) => ({ body: r.url.includes("location") ? "<Location></Location>" : "<AccessControlPolicy><Owner><ID>x</ID></Owner></AccessControlPolicy>" }));
    expect(await client.describeBucket(refFor("obs")).catch((e: unknown) => e)).toBeInstanceOf(ProtocolError);
  });
});
