/**
 * Content-MD5 on PutInventory, as each service checks it (sources: tests/fake/README.md, "Content-MD5"). The
 * OSS V1, OSS V4, COS and OBS signatures cover the header but not the body: a body swapped under a valid signature
 * is caught only by comparing the body with the header, and nothing of it is stored.
 */
import { createHash } from "node:crypto";
import { BUCKETS, configXml, idQuery, MAIN } from "./support/fixtures";
import { inventoryCalls } from "./support/inventoryCalls";
import { errorCode, sendRaw, signedCall, signedRequest, type Scheme, type Vendor } from "./support/signedClient";
import { useFakeCloud } from "./support/startTestCloud";
import { parseXml } from "./support/xmlBody";

const cloud = useFakeCloud();
const md5 = (text: string) => createHash("md5").update(text).digest("base64");
const xmlHeaders = (vendor: Vendor): Record<string, string> => (vendor === "obs" ? {} : { "content-type": "application/xml" });
const mismatchCode: Record<Vendor, string> = { oss: "InvalidDigest", cos: "BadDigest", obs: "BadDigest", s3: "BadDigest" };

describe.each([
  ["oss", "oss-v1"], ["oss", "oss-v4"], ["cos", "cos"], ["obs", "obs"], ["obs", "aws-v2"], ["s3", "aws-v4"],
] as [Vendor, Scheme][])("%s PutInventory signed %s", (vendor, scheme) => {
  const original = configXml(vendor, { id: "daily", frequency: "Daily" });
  // S3 would catch the swap by its signed body hash first: with UNSIGNED-PAYLOAD only Content-MD5 guards the body.
  const extra: Record<string, string> = vendor === "s3" ? { "x-amz-content-sha256": "UNSIGNED-PAYLOAD", "content-md5": md5(original) } : {};
  const call = { account: MAIN[vendor], bucket: BUCKETS[vendor].source, query: idQuery(vendor, "daily"), scheme, method: "PUT" as const };

  it(`a body swapped under a valid signature is 400 ${mismatchCode[vendor]}, and nothing is stored`, async () => {
    const signed = await signedRequest(cloud.url, { ...call, headers: { ...xmlHeaders(vendor), ...extra }, body: original });
    const swapped = original.replace("<Frequency>Daily</Frequency>", "<Frequency>Evily</Frequency>");
    expect(swapped.length).toBe(original.length);
    const res = await sendRaw(cloud.url, { ...signed, body: swapped });
    expect([res.status, errorCode(res.body)]).toEqual([400, mismatchCode[vendor]]);
    expect((await inventoryCalls(() => cloud.url, vendor).get("daily")).status).toBe(404);
    expect((await sendRaw(cloud.url, { ...signed, body: original })).status).toBe(200);
  });

  it("a Content-MD5 that is not the base64 of 16 bytes is 400 InvalidDigest", async () => {
    const res = await signedCall(cloud.url, { ...call, headers: { ...xmlHeaders(vendor), ...extra, "content-md5": "not-an-md5" }, body: original });
    expect([res.status, errorCode(res.body)]).toEqual([400, "InvalidDigest"]);
    expect((parseXml(res.body).Error as Record<string, string>).Message).toMatch(/Content-MD5/);
  });
});

describe("a PutInventory without Content-MD5", () => {
  it("is 400 InvalidRequest on COS, which requires the header on a PUT with a body", async () => {
    const body = configXml("cos", { id: "daily" });
    const res = await signedCall(cloud.url, {
      account: MAIN.cos, bucket: BUCKETS.cos.source, query: idQuery("cos", "daily"), method: "PUT", headers: { "content-type": "application/xml" }, noContentMd5: true, body,
    });
    expect([res.status, errorCode(res.body)]).toEqual([400, "InvalidRequest"]);
    expect(res.body).toContain("<Message>Missing required header for this request: Content-MD5</Message>");
  });

  it.each(["oss", "obs", "s3"] as const)("is taken by %s, where the header is optional", async (vendor) => {
    const body = configXml(vendor, { id: "daily" });
    const res = await signedCall(cloud.url, {
      account: MAIN[vendor], bucket: BUCKETS[vendor].source, query: idQuery(vendor, "daily"), method: "PUT", headers: xmlHeaders(vendor), noContentMd5: true, body,
    });
    expect(res.status).toBe(200);
  });
});
