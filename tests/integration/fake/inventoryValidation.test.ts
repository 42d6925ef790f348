import { configXml } from "./support/fixtures";
import { inventoryCalls } from "./support/inventoryCalls";
import { errorCode, type Vendor } from "./support/signedClient";
import { useFakeCloud } from "./support/startTestCloud";

const cloud = useFakeCloud();
const api = (vendor: Vendor) => inventoryCalls(() => cloud.url, vendor);

async function expectError(res: Promise<{ status: number; body: string }>, status: number, code: string): Promise<string> {
  const { status: got, body } = await res;
  expect([got, errorCode(body)]).toEqual([status, code]);
  return body;
}

describe("query id and body Id must agree", () => {
  it.each([
    ["oss", "InvalidArgument"],
    ["cos", "InvalidArgument"],
    ["obs", "InvalidArgument"],
    ["s3", "IdMismatch"],
  ] as const)("%s answers 400 %s", async (vendor, code) => {
    const body = await expectError(api(vendor).putXml("query-id", configXml(vendor, { id: "body-id" })), 400, code);
    if (vendor === "oss") expect(body).toContain("<EC>0020-00000043</EC>");
    if (vendor === "s3") expect(body).toContain("Document ID does not match the specified configuration ID.");
  });
});

describe("id rules", () => {
  const cases: [Vendor, string, boolean][] = [
    ["oss", "a".repeat(192), true],
    ["oss", "a".repeat(193), false],
    ["cos", "Report_1.a-b", true],
    ["cos", "bad~id", false],
    ["cos", "c".repeat(200), true],
    ["obs", "a".repeat(64), true],
    ["obs", "a".repeat(65), false],
    ["obs", "bad*id", false],
    ["s3", "a".repeat(64), true],
    ["s3", "a".repeat(65), false],
  ];
  it.each(cases)("%s id %s accepted: %s", async (vendor, id, ok) => {
    const res = await api(vendor).put({ id });
    if (ok) expect(res.status).toBe(200);
    else expect([res.status, errorCode(res.body)]).toEqual([400, "InvalidArgument"]);
  });

  it.each(["oss", "cos", "obs", "s3"] as const)("%s requires the id query parameter", async (vendor) => {
    const xml = configXml(vendor, { id: "daily" });
    const res = await api(vendor).putXml("daily", xml, { query: { inventory: "" } });
    expect([res.status, errorCode(res.body)]).toEqual([400, "InvalidArgument"]);
  });
});

describe("enumerated values", () => {
  it.each([
    ["oss", "InvalidArgument"],
    ["cos", "InvalidArgument"],
    ["obs", "InvalidArgument"],
    ["s3", "MalformedXML"],
  ] as const)("%s refuses Frequency Hourly with %s", async (vendor, code) => {
    await expectError(api(vendor).put({ id: "daily", frequency: "Hourly" }), 400, code);
  });

  it.each([
    ["oss", "InvalidArgument"],
    ["cos", "InvalidArgument"],
    ["obs", "InvalidArgument"],
    ["s3", "MalformedXML"],
  ] as const)("%s refuses an optional field it does not know with %s", async (vendor, code) => {
    await expectError(api(vendor).put({ id: "daily", fields: ["Size", "NotAField"] }), 400, code);
  });

  it("OSS refuses a field outside its list with EC 0020-00000036, and accepts the seed sample's TransistionTime as sent", async () => {
    const body = await expectError(api("oss").put({ id: "daily", fields: ["TransitTime"] }), 400, "InvalidArgument");
    expect(body).toContain("<EC>0020-00000036</EC>");
    expect((await api("oss").put({ id: "daily", fields: ["TransistionTime"] })).status).toBe(200);
    expect((await api("oss").get("daily")).body).toContain("<Field>TransistionTime</Field>");
    expect((await api("oss").put({ id: "daily2", fields: ["TransitionTime"] })).status).toBe(200);
  });

  it("OSS takes Key, VersionId and IsDeleteMarker as optional fields (seed 004's Field list)", async () => {
    expect((await api("oss").put({ id: "daily", fields: ["Key", "VersionId", "IsDeleteMarker", "Size"] })).status).toBe(200);
  });

  it.each([
    ["acs:ram::1000000000000001:role/a/b@c", false],
    ["acs:ram::1000000000000001:role/bucket-inventory_role.v2", true],
    [`acs:ram::1000000000000001:role/${"r".repeat(65)}`, false],
  ])("OSS RoleArn %s accepted: %s", async (roleArn, ok) => {
    const xml = configXml("oss", { id: "daily" }).replace(/<RoleArn>[^<]*<\/RoleArn>/, `<RoleArn>${roleArn}</RoleArn>`);
    const res = await api("oss").putXml("daily", xml);
    expect([res.status, ok ? "" : errorCode(res.body)]).toEqual(ok ? [200, ""] : [400, "InvalidArgument"]);
  });

  it.each(["Tag", "Crc64", "x-cos-meta-owner"])("COS refuses %s: seed 001 lists six fields", async (field) => {
    await expectError(api("cos").put({ id: "daily", fields: ["Size", field] }), 400, "InvalidArgument");
  });

  it.each([
    ["<Filter><And><Prefix>img/</Prefix><Tag><Key>team</Key><Value>a</Value></Tag></And></Filter>"],
    ["<Filter><And><StorageClass>ANYTHING</StorageClass></And></Filter>"],
    ["<Filter><Period><StartTime>5</StartTime><EndTime>9</EndTime></Period></Filter>"],
  ])("COS has Filter/Prefix only (seed 001): %s is MalformedXML", async (filter) => {
    await expectError(api("cos").putXml("daily", configXml("cos", { id: "daily", filter })), 400, "MalformedXML");
  });

  it.each([
    ["oss", "ReplicationStatus", false],
    ["cos", "ReplicationStatus", true],
    ["cos", "EncryptionStatus", false],
    ["obs", "EncryptionStatus", true],
    ["obs", "ObjectOwner", false],
    ["s3", "ObjectOwner", true],
    ["s3", "Crc64", false],
  ] as const)("%s optional field %s accepted: %s", async (vendor, field, ok) => {
    const res = await api(vendor).put({ id: "daily", fields: [field] });
    expect(res.status).toBe(ok ? 200 : 400);
  });

  it("only S3 takes the ORC and Parquet formats", async () => {
    const orc = (vendor: Vendor) => configXml(vendor, { id: "daily" }).replace("<Format>CSV</Format>", "<Format>ORC</Format>");
    expect((await api("s3").putXml("daily", orc("s3"))).status).toBe(200);
    await expectError(api("oss").putXml("daily", orc("oss")), 400, "InvalidArgument");
    await expectError(api("obs").putXml("daily", orc("obs")), 400, "InvalidArgument");
  });

  it.each(["oss", "cos", "obs", "s3"] as const)("%s refuses IncludedObjectVersions Latest", async (vendor) => {
    const xml = configXml(vendor, { id: "daily" }).replace("<IncludedObjectVersions>All<", "<IncludedObjectVersions>Latest<");
    const res = await api(vendor).putXml("daily", xml);
    expect(res.status).toBe(400);
    expect(errorCode(res.body)).toBe(vendor === "s3" ? "MalformedXML" : "InvalidArgument");
  });
});

describe("document structure", () => {
  const VENDORS = ["oss", "cos", "obs", "s3"] as const;

  it.each(VENDORS)("%s answers MalformedXML for a broken document", async (vendor) => {
    await expectError(api(vendor).putXml("daily", "<InventoryConfiguration><Id>daily</Id>"), 400, "MalformedXML");
  });

  it.each(VENDORS)("%s answers MalformedXML when a required element is missing", async (vendor) => {
    const xml = configXml(vendor, { id: "daily" }).replace(/<Schedule>.*?<\/Schedule>/, "");
    await expectError(api(vendor).putXml("daily", xml), 400, "MalformedXML");
  });

  it.each(VENDORS)("%s answers MalformedXML for an element it does not have", async (vendor) => {
    const xml = configXml(vendor, { id: "daily" }).replace("<IsEnabled>", "<Colour>blue</Colour><IsEnabled>");
    await expectError(api(vendor).putXml("daily", xml), 400, "MalformedXML");
  });

  it.each(VENDORS)("%s answers MalformedXML for a repeated single element", async (vendor) => {
    const xml = configXml(vendor, { id: "daily" }).replace("<IsEnabled>true</IsEnabled>", "<IsEnabled>true</IsEnabled><IsEnabled>false</IsEnabled>");
    await expectError(api(vendor).putXml("daily", xml), 400, "MalformedXML");
  });

  it("OBS has no AccountId in its flat Destination, S3 has no RoleArn", async () => {
    const obs = configXml("obs", { id: "daily" }).replace("<Format>CSV</Format>", "<Format>CSV</Format><AccountId>1</AccountId>");
    await expectError(api("obs").putXml("daily", obs), 400, "MalformedXML");
    const s3 = configXml("s3", { id: "daily" }).replace("<Format>CSV</Format>", "<Format>CSV</Format><RoleArn>x</RoleArn>");
    await expectError(api("s3").putXml("daily", s3), 400, "MalformedXML");
  });

  it("the root element must be InventoryConfiguration", async () => {
    await expectError(api("s3").putXml("daily", "<Inventory><Id>daily</Id></Inventory>"), 400, "MalformedXML");
  });

  it("a value stays a string: an Id of 0012 keeps its zeros", async () => {
    expect((await api("s3").put({ id: "0012" })).status).toBe(200);
    expect((await api("s3").get("0012")).body).toContain("<Id>0012</Id>");
  });
});

describe("OBS prefixes of different rules may not contain one another", () => {
  const obs = () => api("obs");

  it("a whole-bucket rule blocks any prefix rule, and the other way round", async () => {
    await obs().put({ id: "all" });
    await expectError(obs().put({ id: "some", prefix: "logs/" }), 400, "PrefixExistInclusionRelationship");
    await obs().del("all");
    await obs().put({ id: "some", prefix: "logs/" });
    await expectError(obs().put({ id: "all" }), 400, "PrefixExistInclusionRelationship");
  });

  it('"ab" blocks "a" and "abc" but not "ac"', async () => {
    await obs().put({ id: "ab", prefix: "ab" });
    await expectError(obs().put({ id: "a", prefix: "a" }), 400, "PrefixExistInclusionRelationship");
    await expectError(obs().put({ id: "abc", prefix: "abc" }), 400, "PrefixExistInclusionRelationship");
    expect((await obs().put({ id: "ac", prefix: "ac" })).status).toBe(200);
  });

  it("a rule may change its own prefix", async () => {
    await obs().put({ id: "ab", prefix: "ab" });
    expect((await obs().put({ id: "ab", prefix: "abc" })).status).toBe(200);
  });
});
