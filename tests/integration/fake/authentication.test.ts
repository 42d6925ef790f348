import { BUCKETS, idQuery, MAIN, PARTNER } from "./support/fixtures";
import { inventoryCalls } from "./support/inventoryCalls";
import { errorCode, sendRaw, signedCall, vendorHost, type SignedCall, type Vendor } from "./support/signedClient";
import { useFakeCloud } from "./support/startTestCloud";
import { parseXml } from "./support/xmlBody";

const cloud = useFakeCloud();
const VENDORS = ["oss", "cos", "obs", "s3"] as const;
const list = (vendor: Vendor, more: Partial<SignedCall> = {}) =>
  signedCall(cloud.url, { account: MAIN[vendor], method: "GET", bucket: BUCKETS[vendor].source, query: { inventory: "" }, ...more });

describe.each(VENDORS)("%s signatures", (vendor) => {
  it("accepts a correctly signed request", async () => {
    expect((await list(vendor)).status).toBe(200);
  });

  it("answers 403 InvalidAccessKeyId for a key no seed account has", async () => {
    const res = await list(vendor, { account: { ...MAIN[vendor], accessKeyId: "NOSUCHKEY0000000" } });
    expect([res.status, errorCode(res.body)]).toEqual([403, "InvalidAccessKeyId"]);
  });

  it("answers 403 SignatureDoesNotMatch for a wrong secret, never echoing a secret", async () => {
    const res = await list(vendor, { secretOverride: "wrong-secret" });
    expect([res.status, errorCode(res.body)]).toEqual([403, "SignatureDoesNotMatch"]);
    expect(res.body).not.toContain(MAIN[vendor].secretAccessKey);
    expect(res.body).not.toContain("wrong-secret");
  });

  it("answers 403 AccessDenied to an unsigned request", async () => {
    const res = await list(vendor, { unsigned: true });
    expect([res.status, errorCode(res.body)]).toEqual([403, "AccessDenied"]);
  });

  it("answers 403 AccessDenied on another account's bucket", async () => {
    const res = await list(vendor, { account: PARTNER[vendor] });
    expect([res.status, errorCode(res.body)]).toEqual([403, "AccessDenied"]);
  });

  it("accepts a security-token header with temporary credentials, and never echoes the token", async () => {
    const name = { oss: "x-oss-security-token", cos: "x-cos-security-token", obs: "x-obs-security-token", s3: "x-amz-security-token" }[vendor];
    expect((await list(vendor, { headers: { [name]: "sts-token-value" } })).status).toBe(200);
    const wrong = await list(vendor, { headers: { [name]: "sts-token-value" }, secretOverride: "wrong" });
    expect(errorCode(wrong.body)).toBe("SignatureDoesNotMatch");
    expect(wrong.body).not.toContain("sts-token-value");
  });

  it("sends the request id in its header and in the error document", async () => {
    const res = await list(vendor, { secretOverride: "wrong-secret" });
    const header = { oss: "x-oss-request-id", cos: "x-cos-request-id", obs: "x-obs-request-id", s3: "x-amz-request-id" }[vendor];
    const doc = parseXml(res.body).Error as Record<string, string>;
    expect(doc.RequestId).toBe(res.headers[header]);
    const fields = {
      oss: ["Code", "Message", "RequestId", "HostId"],
      cos: ["Code", "Message", "Resource", "RequestId", "TraceId"],
      obs: ["Code", "Message", "RequestId", "HostId"],
      s3: ["Code", "Message", "RequestId", "HostId"],
    }[vendor];
    for (const field of fields) expect(doc[field]).toBeDefined();
    expect(res.headers["content-type"]).toBe("application/xml");
  });
});

describe("request time", () => {
  const late = new Date(Date.now() - 20 * 60 * 1000);

  it.each(["oss", "obs", "s3"] as const)("%s answers 403 RequestTimeTooSkewed beyond 15 minutes", async (vendor) => {
    const res = await list(vendor, { date: late });
    expect([res.status, errorCode(res.body)]).toEqual([403, "RequestTimeTooSkewed"]);
  });

  it("OSS V4 answers RequestTimeTooSkewed too", async () => {
    const res = await list("oss", { date: late, scheme: "oss-v4" });
    expect([res.status, errorCode(res.body)]).toEqual([403, "RequestTimeTooSkewed"]);
  });

  it("COS answers 403 AccessDenied 'Request has expired' after the q-sign-time window", async () => {
    const past = Math.floor(Date.now() / 1000) - 3600;
    const res = await list("cos", { cosKeyTime: `${past};${past + 900}` });
    expect([res.status, errorCode(res.body)]).toEqual([403, "AccessDenied"]);
    expect(res.body).toContain("<Message>Request has expired</Message>");
  });

  it("accepts 10 minutes of skew", async () => {
    expect((await list("s3", { date: new Date(Date.now() - 10 * 60 * 1000) })).status).toBe(200);
  });
});

/**
 * A replay: a request signed 20 minutes ago, sent again with a fresh time in a header the signature does not cover.
 * The time checked is the one the signature covers, for every scheme; the fresh header changes nothing.
 */
describe("an old signed request replayed with a fresh unsigned time header", () => {
  const late = new Date(Date.now() - 20 * 60 * 1000);
  const fresh = new Date().toUTCString();
  const freshIso = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

  it.each([
    ["oss", "oss-v1", "ali-oss style: x-oss-date signed in the Date slot", {}, { date: fresh }],
    ["oss", "oss-v4", "x-oss-date signed", {}, { date: fresh }],
    ["obs", "obs", "Date signed", {}, { "x-obs-date": fresh }],
    ["obs", "obs", "x-obs-date signed", { prefixedDate: true }, { date: fresh }],
    ["obs", "aws-v2", "Date signed", {}, { "x-amz-date": fresh }],
    ["obs", "aws-v2", "x-amz-date signed", { prefixedDate: true }, { date: fresh }],
    ["s3", "aws-v4", "x-amz-date signed", {}, { date: fresh }],
  ] as const)("%s %s (%s) is refused, whatever the added header says", async (vendor, scheme, _how, signing, added) => {
    const honest = await list(vendor, { scheme, date: late, ...signing });
    const replay = await list(vendor, { scheme, date: late, ...signing, unsignedHeaders: added });
    expect([honest.status, errorCode(honest.body)]).toEqual([403, "RequestTimeTooSkewed"]);
    // A prefixed date header added to a Date-signed OBS request changes what is signed: the signature no longer matches.
    const changesWhatIsSigned = "x-obs-date" in added || "x-amz-date" in added;
    expect([replay.status, errorCode(replay.body)]).toEqual([403, changesWhatIsSigned ? "SignatureDoesNotMatch" : "RequestTimeTooSkewed"]);
  });

  it("s3 aws-v4: a fresh x-amz-date in place of the signed one breaks the signature", async () => {
    const replay = await list("s3", { date: late, unsignedHeaders: { "x-amz-date": freshIso } });
    expect([replay.status, errorCode(replay.body)]).toEqual([403, "SignatureDoesNotMatch"]);
  });

  it("cos: a q-sign-time window that has passed stays expired whatever Date header comes with it", async () => {
    const past = Math.floor(late.getTime() / 1000);
    const replay = await list("cos", { cosKeyTime: `${past - 900};${past}`, unsignedHeaders: { date: fresh } });
    expect([replay.status, errorCode(replay.body)]).toEqual([403, "AccessDenied"]);
    expect(replay.body).toContain("<Message>Request has expired</Message>");
  });
});

describe("schemes beyond each SDK's default", () => {
  it("OSS V4 (OSS4-HMAC-SHA256) puts and gets", async () => {
    const api = inventoryCalls(() => cloud.url, "oss", { scheme: "oss-v4" });
    expect((await api.put({ id: "v4" })).status).toBe(200);
    expect((await api.get("v4")).status).toBe(200);
    expect(errorCode((await api.get("v4", { secretOverride: "nope" })).body)).toBe("SignatureDoesNotMatch");
  });

  it.each(["aws-v2", "aws-v4"] as const)("OBS accepts the S3-compatible %s signature, virtual-hosted and path-style", async (scheme) => {
    for (const style of ["virtual", "path"] as const) {
      const api = inventoryCalls(() => cloud.url, "obs", { scheme, style, region: "cn-north-4" });
      expect((await api.put({ id: `${style}-id`, prefix: `${style}/` })).status).toBe(200);
      const got = await api.get(`${style}-id`);
      expect(got.status).toBe(200);
      expect(got.headers["x-amz-request-id"]).toBeDefined();
    }
  });

  it("S3 refuses the AWS V2 signature with 400 InvalidRequest", async () => {
    const res = await list("s3", { scheme: "aws-v2" });
    expect([res.status, errorCode(res.body)]).toEqual([400, "InvalidRequest"]);
  });

  it("an OSS key in a COS signature is unknown to COS", async () => {
    const res = await list("cos", { account: { ...MAIN.oss, vendor: "cos" } });
    expect([res.status, errorCode(res.body)]).toEqual([403, "InvalidAccessKeyId"]);
    expect(res.headers["x-cos-request-id"]).toBeDefined();
  });

  it("S3 checks x-amz-content-sha256 against the body", async () => {
    const res = await signedCall(cloud.url, {
      account: MAIN.s3, method: "PUT", bucket: "photos", query: idQuery("s3", "x"), body: "<a/>",
      headers: { "x-amz-content-sha256": "0".repeat(64) },
    });
    expect([res.status, errorCode(res.body)]).toEqual([400, "XAmzContentSHA256Mismatch"]);
  });
});

describe("garbage in the Authorization header", () => {
  it.each([
    ["oss", "OSS nonsense", 400, "InvalidArgument"],
    ["s3", "AWS4-HMAC-SHA256 Credential=broken", 400, "AuthorizationHeaderMalformed"],
    ["obs", "OBS", 403, "AccessDenied"],
    ["s3", "Bearer abc", 400, "AuthorizationHeaderMalformed"],
  ] as const)("%s: %s → %i %s", async (vendor, authorization, status, code) => {
    const host = vendorHost(vendor, "photos", vendor === "oss" ? "cn-hangzhou" : vendor === "obs" ? "cn-north-4" : "us-east-1");
    const res = await sendRaw(cloud.url, { method: "GET", path: "/?inventory", headers: { host, authorization, date: new Date().toUTCString() } });
    expect([res.status, errorCode(res.body)]).toEqual([status, code]);
  });
});

describe("S3 expected bucket owner", () => {
  it("answers 403 AccessDenied when x-amz-expected-bucket-owner names someone else, and serves the right owner", async () => {
    const wrong = await list("s3", { headers: { "x-amz-expected-bucket-owner": PARTNER.s3.accountId } });
    expect([wrong.status, errorCode(wrong.body)]).toEqual([403, "AccessDenied"]);
    expect((await list("s3", { headers: { "x-amz-expected-bucket-owner": MAIN.s3.accountId } })).status).toBe(200);
  });
});
