import fc from "fast-check";
import {
  normalizeBoolean, normalizeConfig, normalizeEndpoint, normalizeRegion, parseDestinationBucket,
} from "../../../provider/model/normalize";
import { UNKNOWN_VALUE } from "../../../provider/model/unknownValue";
import { VENDORS, type Vendor } from "../../../provider/model/inventoryConfig";

const base = { id: "daily", destination: { bucket: "reports" }, schedule: { frequency: "Daily" } };

describe("normalizeConfig", () => {
  it("fills the defaults: enabled, format, versions, optional fields", () => {
    expect(normalizeConfig("s3", base)).toEqual({
      id: "daily",
      enabled: true,
      destination: { bucket: "reports", format: "CSV" },
      schedule: { frequency: "Daily" },
      includedObjectVersions: "Current",
      optionalFields: [],
    });
  });

  it("fixes enum casing", () => {
    const n = normalizeConfig("s3", { ...base, destination: { bucket: "r", format: "parquet" }, schedule: { frequency: "WEEKLY" }, includedObjectVersions: "all" });
    expect([n.destination.format, n.schedule.frequency, n.includedObjectVersions]).toEqual(["Parquet", "Weekly", "All"]);
  });

  it("orders optional fields the vendor's way, drops duplicates, fixes casing and known misspellings", () => {
    const n = normalizeConfig("oss", { ...base, optionalFields: ["etag", "Size", "TransistionTime", "ETag", "size"] });
    expect(n.optionalFields).toEqual(["Size", "ETag", "TransitionTime"]);
    expect(normalizeConfig("cos", { ...base, optionalFields: ["IsMultipartUpload", "Size"] }).optionalFields).toEqual(["Size", "IsMultipartUploaded"]);
  });

  it("keeps a field it does not know, after the known ones, for check to name", () => {
    expect(normalizeConfig("obs", { ...base, optionalFields: ["Zed", "Size"] }).optionalFields).toEqual(["Size", "Zed"]);
  });

  it.each([
    ["acs:oss:::reports", "reports"],
    ["qcs::cos:ap-guangzhou::reports-1250000000", "reports-1250000000"],
    ["arn:aws:s3:::reports", "reports"],
    [" reports ", "reports"],
  ])("reduces the destination %s to the bucket name", (written, plain) => {
    expect(normalizeConfig("s3", { ...base, destination: { bucket: written } }).destination.bucket).toBe(plain);
  });

  it("reads booleans written as text", () => {
    for (const [raw, value] of [["true", true], ["True", true], ["FALSE", false], [false, false]] as const) {
      expect(normalizeConfig("oss", { ...base, enabled: raw }).enabled).toBe(value);
    }
  });

  it("keeps a 0 in the filter as a value (check judges it) and drops only an empty prefix", () => {
    const zeros = { prefix: "", lastModifyBeginTimeStamp: "0", lastModifyEndTimeStamp: 0, lowerSizeBound: "0", upperSizeBound: 0 };
    expect(normalizeConfig("oss", { ...base, filter: zeros }).filter).toEqual({
      lastModifyBeginTimeStamp: 0, lastModifyEndTimeStamp: 0, lowerSizeBound: 0, upperSizeBound: 0,
    });
    expect(normalizeConfig("oss", { ...base, filter: { prefix: "" } }).filter).toBeUndefined();
    expect(normalizeConfig("oss", { ...base, filter: { prefix: "  " } }).filter).toEqual({ prefix: "  " });
  });

  it('treats ["All"] storage classes as no storage-class filter, and orders the rest', () => {
    expect(normalizeConfig("oss", { ...base, filter: { storageClasses: ["All"] } }).filter).toBeUndefined();
    expect(normalizeConfig("oss", { ...base, filter: { storageClasses: "IA,standard" } }).filter).toEqual({ storageClasses: ["Standard", "IA"] });
  });

  it("adds COS's trailing slash to the destination prefix (only on COS)", () => {
    expect(normalizeConfig("cos", { ...base, destination: { bucket: "r-1", prefix: "inv" } }).destination.prefix).toBe("inv/");
    expect(normalizeConfig("cos", { ...base, destination: { bucket: "r-1", prefix: "inv/" } }).destination.prefix).toBe("inv/");
    expect(normalizeConfig("s3", { ...base, destination: { bucket: "r", prefix: "inv" } }).destination.prefix).toBe("inv");
  });

  it("drops an empty destination prefix, and keeps other empty strings for check to refuse", () => {
    const n = normalizeConfig("oss", { ...base, destination: { bucket: "r", prefix: "", accountId: " ", roleArn: "", format: "", encryption: { sseKms: { keyId: "" } } } });
    expect(n.destination).toEqual({ bucket: "r", accountId: "", roleArn: "", format: "", encryption: { sseKms: { keyId: "" } } });
    expect(normalizeConfig("oss", { ...base, destination: { bucket: "r", encryption: { sseKms: {} } } }).destination).toEqual({ bucket: "r", format: "CSV", encryption: { sseKms: {} } });
    expect(normalizeConfig("oss", { ...base, includedObjectVersions: "" }).includedObjectVersions).toBe("");
    expect(normalizeConfig("oss", { ...base, includedObjectVersions: null }).includedObjectVersions).toBe("Current");
  });

  it("orders tags and drops duplicates", () => {
    const tags = [{ key: "b", value: "2" }, { key: "a", value: "1" }, { key: "b", value: "2" }];
    expect(normalizeConfig("cos", { ...base, filter: { tags } }).filter?.tags).toEqual([{ key: "a", value: "1" }, { key: "b", value: "2" }]);
  });

  it("fills the incremental inventory's fixed schedule, and treats a disabled empty one as absent", () => {
    expect(normalizeConfig("oss", { ...base, incrementalInventory: { optionalFields: ["recordtype", "SequenceNumber"] } }).incrementalInventory).toEqual({
      enabled: true, schedule: { frequency: 600 }, optionalFields: ["SequenceNumber", "RecordType"],
    });
    expect(normalizeConfig("oss", { ...base, incrementalInventory: { enabled: "false" } }).incrementalInventory).toBeUndefined();
  });

  it("never rewrites an unknown value", () => {
    const n = normalizeConfig("cos", {
      ...base, enabled: UNKNOWN_VALUE, destination: { bucket: UNKNOWN_VALUE, prefix: UNKNOWN_VALUE, format: UNKNOWN_VALUE },
      schedule: UNKNOWN_VALUE, optionalFields: UNKNOWN_VALUE,
    });
    expect(n).toMatchObject({ enabled: UNKNOWN_VALUE, destination: { bucket: UNKNOWN_VALUE, prefix: UNKNOWN_VALUE, format: UNKNOWN_VALUE }, schedule: UNKNOWN_VALUE, optionalFields: UNKNOWN_VALUE });
  });

  it("is idempotent and never throws, whatever it is given", () => {
    const value = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(undefined), fc.constant(UNKNOWN_VALUE));
    const config = fc.record({
      id: value, enabled: value,
      destination: fc.oneof(value, fc.record({ bucket: value, prefix: value, format: value, accountId: value, encryption: fc.oneof(value, fc.record({ sseKms: fc.record({ keyId: value }) })) })),
      filter: fc.oneof(value, fc.record({ prefix: value, lowerSizeBound: value, storageClasses: fc.oneof(value, fc.array(value)), tags: fc.array(fc.record({ key: value, value })) })),
      schedule: fc.oneof(value, fc.record({ frequency: value })),
      includedObjectVersions: value,
      optionalFields: fc.oneof(value, fc.array(value)),
      incrementalInventory: fc.oneof(value, fc.record({ enabled: value, optionalFields: fc.array(value) })),
    }, { requiredKeys: [] });
    fc.assert(fc.property(fc.constantFrom<Vendor>(...VENDORS), config, (vendor, raw) => {
      const once = normalizeConfig(vendor, raw);
      expect(normalizeConfig(vendor, once)).toEqual(once);
    }), { numRuns: 300 });
  });
});

describe("identity spellings", () => {
  it("drops OSS's oss- region prefix and lower-cases regions", () => {
    expect(normalizeRegion("oss", "oss-cn-hangzhou")).toBe("cn-hangzhou");
    expect(normalizeRegion("oss", " CN-Hangzhou ")).toBe("cn-hangzhou");
    expect(normalizeRegion("s3", "oss-like")).toBe("oss-like");
  });

  it("drops an endpoint's trailing slash", () => {
    expect(normalizeEndpoint("http://127.0.0.1:9000/")).toBe("http://127.0.0.1:9000");
    expect(normalizeEndpoint("")).toBe("");
  });

  it("parses each vendor's destination ARN", () => {
    expect(parseDestinationBucket("qcs::cos:ap-beijing::b-1250000000")).toEqual({ form: "cos", bucket: "b-1250000000", region: "ap-beijing" });
    expect(parseDestinationBucket("acs:oss:::b")).toEqual({ form: "oss", bucket: "b" });
    expect(parseDestinationBucket("b")).toEqual({ form: "plain", bucket: "b" });
  });

  it("leaves a non-boolean as it is", () => {
    expect(normalizeBoolean("yes")).toBe("yes");
  });
});
