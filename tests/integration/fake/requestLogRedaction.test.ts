/**
 * The request log (`GET /__fake/requests`, `fake.admin.requests()`) keeps what a request was, never a credential it
 * carried: signatures (header or query, any scheme, any spelling of the name), security tokens (a user's real STS
 * token may be inherited from their environment) and access key ids are masked; everything else is kept as sent.
 */
import { BUCKETS, idQuery, MAIN } from "./support/fixtures";
import { sendRaw, signedCall, vendorHost, type Scheme, type Vendor } from "./support/signedClient";
import { useFakeCloud } from "./support/startTestCloud";

const cloud = useFakeCloud();
const TOKEN = "SENTINELTOKEN0123456789";
const logged = async () => (await sendRaw(cloud.url, { method: "GET", path: "/__fake/requests" })).body;

const TOKEN_HEADER: Record<Vendor, string> = {
  oss: "x-oss-security-token", cos: "x-cos-security-token", obs: "x-obs-security-token", s3: "x-amz-security-token",
};

describe.each([
  ["oss", "oss-v1"], ["oss", "oss-v4"], ["cos", "cos"], ["obs", "obs"], ["obs", "aws-v2"], ["obs", "aws-v4"], ["s3", "aws-v4"],
] as [Vendor, Scheme][])("%s signed %s", (vendor, scheme) => {
  it("is logged with its Authorization scheme and field names, never its signature, key id or token", async () => {
    const res = await signedCall(cloud.url, {
      account: MAIN[vendor], method: "GET", bucket: BUCKETS[vendor].source, query: idQuery(vendor, "daily"), scheme,
      headers: { [TOKEN_HEADER[vendor]]: TOKEN, "x-amz-security-token": TOKEN },
      ...(vendor === "obs" ? { region: "cn-north-4" } : {}),
    });
    expect(res.status).toBe(404);
    const text = await logged();
    const [entry] = JSON.parse(text);
    const signature = /(?:Signature=|q-signature=|:)([0-9a-zA-Z+/=]{20,})/.exec(entry.headers.authorization ?? "");
    expect(signature).toBeNull();
    for (const secret of [TOKEN, MAIN[vendor].accessKeyId, MAIN[vendor].secretAccessKey]) expect(text).not.toContain(secret);
    expect(entry.headers[TOKEN_HEADER[vendor]]).toBe("***");
    expect(entry.headers.authorization).toMatch(
      { "oss-v1": /^OSS \*\*\*:\*\*\*$/, "oss-v4": /^OSS4-HMAC-SHA256 Credential=\*\*\*, .*Signature=\*\*\*$/, cos: /^q-sign-algorithm=sha1&q-ak=\*\*\*&q-sign-time=\d+;\d+&.*&q-signature=\*\*\*$/, obs: /^OBS \*\*\*:\*\*\*$/, "aws-v2": /^AWS \*\*\*:\*\*\*$/, "aws-v4": /^AWS4-HMAC-SHA256 Credential=\*\*\*, SignedHeaders=[a-z0-9;-]+, Signature=\*\*\*$/ }[scheme],
    );
    expect(entry.query).toBe(vendor === "oss" ? "inventory&inventoryId=daily" : "inventory&id=daily");
  });
});

it.each([
  ["S3 presigned", "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=KEY%2F20260101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Security-Token=T&X-Amz-Signature=S"],
  ["OSS V1 presigned", "OSSAccessKeyId=KEY&Expires=1&Signature=S&security-token=T"],
  ["OSS V4 presigned", "x-oss-signature-version=OSS4-HMAC-SHA256&x-oss-credential=KEY&x-oss-signature=S&x-oss-security-token=T"],
  ["COS presigned, fields", "q-sign-algorithm=sha1&q-ak=KEY&q-sign-time=1;2&q-key-time=1;2&q-header-list=&q-url-param-list=&q-signature=S&x-cos-security-token=T"],
  ["COS presigned, sign=", "sign=q-sign-algorithm%3Dsha1%26q-ak%3DKEY%26q-signature%3DS&x-cos-security-token=T&token=T"],
  ["names spelled other ways", "X%2DAmz%2DSignature=S&Q-SIGNATURE=S&x-obs-security-token=T&AWSAccessKeyId=KEY"],
])("a query with credentials (%s) is logged with each one masked, the rest as sent", async (_what, credentials) => {
  const query = `prefix=a%2Fb&continuation-token=next&${credentials.replace(/\b(KEY|S|T)\b/g, (m) => ({ KEY: "SENTINELKEYID", S: "SENTINELSIGNATURE", T: TOKEN })[m] ?? m)}`;
  await sendRaw(cloud.url, { method: "GET", path: `/?${query}`, headers: { host: vendorHost("s3", "photos", "us-east-1") } });
  const [entry] = JSON.parse(await logged());
  for (const secret of ["SENTINELKEYID", "SENTINELSIGNATURE", TOKEN]) expect(entry.query).not.toContain(secret);
  expect(entry.query.startsWith("prefix=a%2Fb&continuation-token=next&")).toBe(true);
  expect(entry.query.split("&")).toHaveLength(query.split("&").length);
  for (const pair of entry.query.split("&").slice(2)) expect(pair).toMatch(/^[^=]+=(\*\*\*|[^=]*)$/);
});

it("masks cookies, proxy credentials and an Authorization header it cannot read, whole", async () => {
  await sendRaw(cloud.url, {
    method: "GET", path: "/?inventory",
    headers: { host: vendorHost("s3", "photos", "us-east-1"), authorization: `Bearer ${TOKEN}`, cookie: `session=${TOKEN}`, "proxy-authorization": `Basic ${TOKEN}`, "x-custom": "kept" },
  });
  const [entry] = JSON.parse(await logged());
  expect([entry.headers.authorization, entry.headers.cookie, entry.headers["proxy-authorization"], entry.headers["x-custom"]]).toEqual(["***", "***", "***", "kept"]);
});
