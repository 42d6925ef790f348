import { BUCKETS, configXml, idQuery, MAIN, PARTNER } from "./support/fixtures";
import { inventoryCalls } from "./support/inventoryCalls";
import { errorCode, signedCall, type TestAccount, type Vendor } from "./support/signedClient";
import { useFakeCloud } from "./support/startTestCloud";

const cloud = useFakeCloud();
const api = (vendor: Vendor) => inventoryCalls(() => cloud.url, vendor);
const DESTINATION_CODE: Record<Vendor, string> = { oss: "InvalidArgument", cos: "InvalidArgument", obs: "InvalidArgument", s3: "InvalidS3DestinationBucket" };
const VENDORS = ["oss", "cos", "obs", "s3"] as const;

describe("destination co-location", () => {
  it.each(VENDORS)("%s refuses a destination bucket that does not exist", async (vendor) => {
    const dest = vendor === "cos" ? "missing-1250000000" : "missing-bucket";
    const res = await api(vendor).put({ id: "daily", dest });
    expect([res.status, errorCode(res.body)]).toEqual([400, DESTINATION_CODE[vendor]]);
    expect(res.body).toContain(dest);
  });

  it.each(VENDORS)("%s refuses a destination in another region", async (vendor) => {
    const res = await api(vendor).put({ id: "daily", dest: BUCKETS[vendor].otherRegion });
    expect([res.status, errorCode(res.body)]).toEqual([400, DESTINATION_CODE[vendor]]);
    expect(res.body).toContain("region");
  });

  it.each(["oss", "obs"] as const)("%s refuses a destination owned by another account", async (vendor) => {
    const res = await api(vendor).put({ id: "daily", dest: BUCKETS[vendor].partner, ...(vendor === "oss" ? { accountId: PARTNER.oss.accountId } : {}) });
    expect([res.status, errorCode(res.body)]).toEqual([400, "InvalidArgument"]);
    expect(res.body).toContain("another account");
  });

  it.each(["cos", "s3"] as const)("%s accepts another account's destination, with or without its AccountId", async (vendor) => {
    expect((await api(vendor).put({ id: "a", dest: BUCKETS[vendor].partner })).status).toBe(200);
    expect((await api(vendor).put({ id: "b", dest: BUCKETS[vendor].partner, accountId: PARTNER[vendor].accountId })).status).toBe(200);
  });

  it.each(["cos", "s3"] as const)("%s refuses an AccountId that is not the destination's owner", async (vendor) => {
    const res = await api(vendor).put({ id: "daily", dest: BUCKETS[vendor].partner, accountId: MAIN[vendor].accountId });
    expect([res.status, errorCode(res.body)]).toEqual([400, DESTINATION_CODE[vendor]]);
  });

  it("OSS refuses an AccountId that is not the destination's owner", async () => {
    const res = await api("oss").put({ id: "daily", accountId: PARTNER.oss.accountId });
    expect([res.status, errorCode(res.body)]).toEqual([400, "InvalidArgument"]);
    expect(res.body).toContain("<EC>0020-00000033</EC>");
  });

  it("bucket names are a namespace per vendor: an S3 destination named like an OSS-only bucket does not exist", async () => {
    const res = await api("s3").put({ id: "daily", dest: "reports-qingdao" });
    expect([res.status, errorCode(res.body)]).toEqual([400, "InvalidS3DestinationBucket"]);
  });
});

describe("destination naming", () => {
  it("OSS wants acs:oss:::<bucket>", async () => {
    const xml = configXml("oss", { id: "daily" }).replace("acs:oss:::reports", "reports");
    const res = await api("oss").putXml("daily", xml);
    expect([res.status, errorCode(res.body)]).toEqual([400, "InvalidArgument"]);
    expect(res.body).toContain("<EC>0020-00000030</EC>");
  });

  it("OSS requires a RoleArn of the form acs:ram::<uid>:role/<name>", async () => {
    const missing = configXml("oss", { id: "daily" }).replace(/<RoleArn>.*?<\/RoleArn>/, "");
    expect(errorCode((await api("oss").putXml("daily", missing)).body)).toBe("MalformedXML");
    const bad = configXml("oss", { id: "daily" }).replace(/<RoleArn>.*?<\/RoleArn>/, "<RoleArn>AliyunOSSRole</RoleArn>");
    const res = await api("oss").putXml("daily", bad);
    expect([res.status, errorCode(res.body)]).toEqual([400, "InvalidArgument"]);
  });

  it("S3 wants a bucket ARN without a namespace", async () => {
    const plain = configXml("s3", { id: "daily" }).replace("arn:aws:s3:::reports", "reports");
    const res = await api("s3").putXml("daily", plain);
    expect([res.status, errorCode(res.body)]).toEqual([400, "InvalidS3DestinationBucket"]);
    const namespaced = configXml("s3", { id: "daily" }).replace("arn:aws:s3:::reports", "arn:aws:s3::111111111111:reports");
    expect((await api("s3").putXml("daily", namespaced)).body).toContain("Bucket ARN should not specify a namespace.");
  });

  it("COS wants qcs::cos:<region>::<bucket-appid>, with the bucket's real region", async () => {
    const wrongRegion = configXml("cos", { id: "daily" }).replace("qcs::cos:ap-guangzhou::", "qcs::cos:ap-shanghai::");
    expect(errorCode((await api("cos").putXml("daily", wrongRegion)).body)).toBe("InvalidArgument");
    const plain = configXml("cos", { id: "daily" }).replace("qcs::cos:ap-guangzhou::", "");
    expect(errorCode((await api("cos").putXml("daily", plain)).body)).toBe("InvalidArgument");
  });

  it("OBS takes the plain name and, from its S3-compatible mode, the ARN", async () => {
    expect((await api("obs").put({ id: "plain", prefix: "p/" })).status).toBe(200);
    const arn = configXml("obs", { id: "arn", prefix: "x/" }).replace("<Bucket>reports</Bucket>", "<Bucket>arn:aws:s3:::reports</Bucket>");
    expect((await api("obs").putXml("arn", arn, { scheme: "aws-v2" })).status).toBe(200);
  });

  it("COS appends / to a destination prefix that lacks one", async () => {
    await api("cos").put({ id: "daily", destPrefix: "inventory" });
    expect((await api("cos").get("daily")).body).toContain("<Prefix>inventory/</Prefix>");
  });
});

describe("OSS filters and incremental inventory", () => {
  const advanced = "<Filter><Prefix>img/</Prefix><LastModifyBeginTimeStamp>1637883649</LastModifyBeginTimeStamp><LastModifyEndTimeStamp>1638347592</LastModifyEndTimeStamp><LowerSizeBound>1024</LowerSizeBound><UpperSizeBound>1048576</UpperSizeBound><StorageClass>Standard,IA</StorageClass></Filter>";
  const put = (bucket: string, xml: string, account: TestAccount = MAIN.oss) =>
    signedCall(cloud.url, { account, method: "PUT", bucket, query: idQuery("oss", "daily"), headers: { "content-type": "application/xml" }, body: xml });

  it("refuses time, size and storage-class filters outside Qingdao, Hohhot and Frankfurt", async () => {
    const res = await put("photos", configXml("oss", { id: "daily", filter: advanced }));
    expect([res.status, errorCode(res.body)]).toEqual([400, "InvalidArgument"]);
    expect(res.body).toContain("cn-hangzhou");
  });

  it("accepts them in cn-qingdao and returns them unchanged", async () => {
    const res = await put("photos-qingdao", configXml("oss", { id: "daily", dest: "reports-qingdao", filter: advanced }));
    expect(res.status).toBe(200);
    const got = await signedCall(cloud.url, { account: MAIN.oss, method: "GET", bucket: "photos-qingdao", query: idQuery("oss", "daily") });
    expect(got.body).toContain(advanced);
  });

  it.each([
    ["<LastModifyBeginTimeStamp>100</LastModifyBeginTimeStamp>"],
    ["<LowerSizeBound>2048</LowerSizeBound><UpperSizeBound>1024</UpperSizeBound>"],
    ["<StorageClass>Standard,Glacier</StorageClass>"],
  ])("refuses out-of-range filter %s", async (filter) => {
    const res = await put("photos-qingdao", configXml("oss", { id: "daily", dest: "reports-qingdao", filter: `<Filter>${filter}</Filter>` }));
    expect([res.status, errorCode(res.body)]).toEqual([400, "InvalidArgument"]);
  });

  const incremental = (frequency = "600", field = "SequenceNumber") =>
    `<IncrementalInventory><IsEnabled>true</IsEnabled><Schedule><Frequency>${frequency}</Frequency></Schedule><OptionalFields><Field>${field}</Field><Field>RecordType</Field></OptionalFields></IncrementalInventory>`;
  const INCREMENTAL = { vendor: "oss" as const, accessKeyId: "FAKEOSSINCREM003", secretAccessKey: "fake-oss-incremental-secret-0003" };
  const incrementalXml = (extra: string) =>
    configXml("oss", { id: "daily", dest: "incremental-reports", accountId: "1000000000000003", extra })
      .replace("acs:ram::1000000000000001:", "acs:ram::1000000000000003:");

  it("refuses IncrementalInventory with 403 AccessDenied unless the account is allow-listed", async () => {
    const res = await put("photos", configXml("oss", { id: "daily", extra: incremental() }));
    expect([res.status, errorCode(res.body)]).toEqual([403, "AccessDenied"]);
    expect(res.body).toContain("<Message>Incremental Inventory is disabled.</Message>");
  });

  it("refuses it outside the Mexico region even for an allow-listed account", async () => {
    const res = await put("incremental-hangzhou", incrementalXml(incremental()), INCREMENTAL);
    expect([res.status, errorCode(res.body)]).toEqual([403, "AccessDenied"]);
    expect(res.body).toContain("<Message>Incremental Inventory is disabled.</Message>");
  });

  it("accepts it for an allow-listed account, with its own fields and a 600-second schedule only", async () => {
    expect((await put("incremental-photos", incrementalXml(incremental()), INCREMENTAL)).status).toBe(200);
    const bad = await put("incremental-photos", incrementalXml(incremental("300")), INCREMENTAL);
    expect([bad.status, errorCode(bad.body)]).toEqual([400, "InvalidArgument"]);
    const field = await put("incremental-photos", incrementalXml(incremental("600", "TaggingCount")), INCREMENTAL);
    expect([field.status, errorCode(field.body)]).toEqual([400, "InvalidArgument"]);
  });
});
