/**
 * One rule, two judges: the provider (deserialize, then preview's check) and the fake cloud (a PUT) each keep their
 * own copy of every vendor rule, written from the same seed lines (tests/fake/README.md, "Seed choices"). Each probe
 * edits one value of a seed sample; the same document goes to both sides, which must give the verdict the seed
 * gives. A rule changed on one side only fails here.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { startFakeCloud, type FakeCloud } from "../../fake/index";
import { argsOfSample, fakeSeedOf, providerFor, putBody, type SeedWorld } from "./seedWorld";

const sample = (file: string) => readFileSync(path.join(__dirname, "../../vectors/seeds", file), "utf8");

const OSS_WORLD: SeedWorld = {
  vendor: "oss", region: "cn-qingdao", accountId: "1000000000000001", source: "photos", others: ["reports", "bucket_0001"],
};
const COS_WORLD: SeedWorld = {
  vendor: "cos", region: "ap-guangzhou", accountId: "100000000001", appId: "1250000000", source: "examplebucket-1250000000", others: [],
};
const OBS_WORLD: SeedWorld = { vendor: "obs", region: "cn-north-4", accountId: "0a1b2c3d4e5f", source: "examplebucket", others: ["destbucket"] };

const BASE = {
  oss: { world: OSS_WORLD, xml: sample("000-oss-derived-oss2-example.xml"), id: "test-config-id" },
  cos: { world: COS_WORLD, xml: sample("001-cos-derived-put-example.xml"), id: "string" },
  obs: { world: OBS_WORLD, xml: sample("002-obs-put-sample-request.xml"), id: "test_id" },
} as const;

type Edit = (xml: string) => string;
const field = (name: string): Edit => (xml) => xml.replace("<Field>Size</Field>", `<Field>Size</Field><Field>${name}</Field>`);
const roleArn = (arn: string): Edit => (xml) => xml.replace(/<RoleArn>[^<]*<\/RoleArn>/, `<RoleArn>${arn}</RoleArn>`);
const ossFilter = (inner: string): Edit => (xml) => xml.replace("<Filter><Prefix>obj-prefix</Prefix></Filter>", `<Filter><Prefix>obj-prefix</Prefix>${inner}</Filter>`);
const cosFilter = (filter: string): Edit => (xml) => xml.replace("<Filter><Prefix>string</Prefix></Filter>", filter);
const renameId = (id: string): Edit => (xml) => xml.replace(/<Id>[^<]*<\/Id>/, `<Id>${id}</Id>`);

/** [vendor, what, the seed's verdict: accepted?, the line it rests on, the edit] */
const PROBES: [keyof typeof BASE, string, boolean, string, Edit][] = [
  ["oss", "RoleArn with a path and @", false, "004: acs:ram::uid:role/rolename; RAM names", roleArn("acs:ram::1000000000000001:role/a/b@c")],
  ["oss", "RoleArn name with . - _", true, "004 example role bucket-inventory-role", roleArn("acs:ram::1000000000000001:role/bucket-inventory_role.v2")],
  ["oss", "RoleArn name of 65", false, "RAM: 1-64 characters", roleArn(`acs:ram::1000000000000001:role/${"r".repeat(65)}`)],
  ["oss", "destination acs:oss:::bucket_0001", true, "004 Bucket example value", (x) => x.replace("acs:oss:::reports", "acs:oss:::bucket_0001")],
  ["oss", "Field Key", true, "004 Field list", field("Key")],
  ["oss", "Field VersionId", true, "004 Field list", field("VersionId")],
  ["oss", "Field IsDeleteMarker", true, "004 Field list", field("IsDeleteMarker")],
  ["oss", "Field TransistionTime", true, "004 request samples", field("TransistionTime")],
  ["oss", "Field IsLatest", false, "not in 004's Field list (a column of 003 only)", field("IsLatest")],
  ["oss", "UpperSizeBound 0", false, "004: greater than 0 B", ossFilter("<UpperSizeBound>0</UpperSizeBound>")],
  ["oss", "UpperSizeBound 1", true, "004: greater than 0 B", ossFilter("<UpperSizeBound>1</UpperSizeBound>")],
  ["oss", "LowerSizeBound 0", true, "004: 0 B to 48.8 TB", ossFilter("<LowerSizeBound>0</LowerSizeBound>")],
  ["oss", "LastModifyBeginTimeStamp 0", false, "004: [1262275200, 253402271999]", ossFilter("<LastModifyBeginTimeStamp>0</LastModifyBeginTimeStamp>")],
  ["oss", "LastModifyEndTimeStamp 1262275199", false, "004 range", ossFilter("<LastModifyEndTimeStamp>1262275199</LastModifyEndTimeStamp>")],
  ["oss", "LastModifyEndTimeStamp 1262275200", true, "004 range", ossFilter("<LastModifyEndTimeStamp>1262275200</LastModifyEndTimeStamp>")],
  ["oss", "StorageClass Glacier", false, "004 StorageClass values", ossFilter("<StorageClass>Glacier</StorageClass>")],
  ["oss", "Id of 192", true, "004: at most 192", renameId("i".repeat(192))],
  ["oss", "Id of 193", false, "004: at most 192", renameId("i".repeat(193))],
  ["cos", "Field Tag", false, "001 Field values", field("Tag")],
  ["cos", "Field Crc64", false, "001 Field values", field("Crc64")],
  ["cos", "Field x-cos-meta-owner", false, "001 Field values", field("x-cos-meta-owner")],
  ["cos", "Filter/And/Tag", false, "001: Filter/Prefix", cosFilter("<Filter><And><Prefix>string</Prefix><Tag><Key>team</Key><Value>a</Value></Tag></And></Filter>")],
  ["cos", "Filter/And/StorageClass ANYTHING", false, "001: Filter/Prefix", cosFilter("<Filter><And><StorageClass>ANYTHING</StorageClass></And></Filter>")],
  ["cos", "Filter/Period 5..9", false, "001: Filter/Prefix", cosFilter("<Filter><Period><StartTime>5</StartTime><EndTime>9</EndTime></Period></Filter>")],
  ["cos", "Id of 200", true, "001: charset only, no length", renameId("c".repeat(200))],
  ["cos", "Id with ~", false, "001 charset", renameId("bad~id")],
  ["obs", "Id of 64", true, "002: at most 64", renameId("o".repeat(64))],
  ["obs", "Id of 65", false, "002: at most 64", renameId("o".repeat(65))],
  ["obs", "Field Crc64", false, "002 Field values", field("Crc64")],
];

let fake: FakeCloud;
beforeAll(async () => {
  fake = await startFakeCloud({ port: 0 });
});
afterAll(async () => fake.close());

describe("provider and fake cloud give the seed's verdict on the same document", () => {
  it.each(PROBES)("%s %s: accepted %s (seed %s)", async (vendor, _what, accepted, _line, edit) => {
    const { world, xml: base, id: baseId } = BASE[vendor];
    const xml = edit(base);
    expect(xml).not.toBe(base);
    const id = /<Id>([^<]*)<\/Id>/.exec(xml)?.[1] ?? baseId;
    fake.admin.loadSeed(fakeSeedOf(world));
    const { provider, close } = await providerFor(world);
    try {
      const { failures } = await provider.check({}, argsOfSample(fake, world, xml));
      const put = await putBody(fake, world, id, xml);
      const verdicts = { provider: failures.length === 0, fake: put.status === 200 };
      expect({ verdicts, failures, fake: put.status === 200 ? "" : put.body }).toMatchObject({ verdicts: { provider: accepted, fake: accepted } });
    } finally {
      await close();
    }
  });
});
