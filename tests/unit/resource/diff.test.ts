import fc from "fast-check";
import { diffInventory } from "../../../provider/resource/diff";
import { normalizeArgs, outputsOf, configOf } from "../../../provider/resource/resourceArgs";
import { UNKNOWN_VALUE } from "../../../provider/model/unknownValue";
import type { Vendor } from "../../../provider/model/inventoryConfig";
import { argsWith } from "./validArgs";

/** Old outputs as create would have recorded them: normalized, with resourceId and __provider. */
function outputs(vendor: Vendor, patch: Record<string, unknown> = {}): Record<string, unknown> {
  const args = normalizeArgs(argsWith(vendor, patch));
  return { ...outputsOf(args, configOf(args)), __provider: "exports.handler = ..." };
}

/** `deleteFirst`: the replacement deletes the old configuration before creating the new one (default: creates first). */
type Row = [string, Vendor, Record<string, unknown>, Record<string, unknown>, { diffs: string[]; replaces: string[]; deleteFirst?: boolean }];
const none = { diffs: [], replaces: [] };

const rows: Row[] = [
  // no diff: the same meaning spelled differently
  ["identical", "oss", {}, {}, none],
  ["optional fields reordered and repeated", "oss", {}, { optionalFields: ["ETag", "Size", "LastModifiedDate", "Size"] }, none],
  ["optional field casing", "s3", {}, { optionalFields: ["size", "objectowner"] }, none],
  ["enum casing", "s3", {}, { "schedule.frequency": "daily", includedObjectVersions: "all", "destination.format": "parquet" }, none],
  ["OSS destination ARN spelling", "oss", {}, { "destination.bucket": "acs:oss:::reports" }, none],
  ["COS destination ARN spelling", "cos", {}, { "destination.bucket": "qcs::cos:ap-guangzhou::reports-1250000000" }, none],
  ["S3 destination ARN spelling", "s3", {}, { "destination.bucket": "arn:aws:s3:::reports" }, none],
  ["defaults written out", "obs", {}, { enabled: true, includedObjectVersions: "Current", "destination.format": "CSV" }, none],
  ["defaults left out", "obs", { enabled: true }, { enabled: undefined, includedObjectVersions: undefined, "destination.format": undefined }, none],
  ["boolean as text", "s3", {}, { enabled: "True" }, none],
  ["OSS region prefix", "oss", {}, { region: "oss-cn-hangzhou" }, none],
  ["COS prefix without its slash", "cos", {}, { "destination.prefix": "inventory" }, none],
  ["endpoint trailing slash", "s3", { endpoint: "http://127.0.0.1:9000" }, { endpoint: "http://127.0.0.1:9000/" }, none],
  ["adopt changed", "s3", {}, { adopt: true }, none],
  ['storage classes ["All"] vs none', "oss", { region: "cn-qingdao" }, { region: "cn-qingdao", "filter.storageClasses": ["All"] }, none],
  // updates in place
  ["enabled switched off", "s3", {}, { enabled: false }, { diffs: ["enabled"], replaces: [] }],
  ["destination prefix", "oss", {}, { "destination.prefix": "reports/" }, { diffs: ["destination.prefix"], replaces: [] }],
  ["destination bucket", "s3", {}, { "destination.bucket": "other" }, { diffs: ["destination.bucket"], replaces: [] }],
  ["encryption variant", "oss", {}, { "destination.encryption": { sseOss: {} } }, { diffs: ["destination.encryption.sseKms.keyId", "destination.encryption.sseOss"], replaces: [] }],
  ["optional field added", "obs", {}, { optionalFields: ["Size", "StorageClass", "ETag"] }, { diffs: ["optionalFields"], replaces: [] }],
  ["filter removed", "obs", {}, { filter: undefined }, { diffs: ["filter.prefix"], replaces: [] }],
  ["schedule", "cos", {}, { "schedule.frequency": "Daily" }, { diffs: ["schedule.frequency"], replaces: [] }],
  ["encryption added", "cos", { "destination.encryption": undefined }, { "destination.encryption": { sseCos: {} } }, { diffs: ["destination.encryption.sseCos"], replaces: [] }],
  ["filter added", "s3", {}, { "filter.prefix": "logs/" }, { diffs: ["filter.prefix"], replaces: [] }],
  ["versions", "s3", {}, { includedObjectVersions: "Current" }, { diffs: ["includedObjectVersions"], replaces: [] }],
  ["endpoint scheme only", "s3", { endpoint: "http://127.0.0.1:9000" }, { endpoint: "https://127.0.0.1:9000" }, { diffs: ["endpoint"], replaces: [] }],
  // replacements
  ["bucket", "s3", {}, { bucket: "photos-2" }, { diffs: ["bucket"], replaces: ["bucket"] }],
  ["inventory id", "oss", {}, { inventoryId: "weekly" }, { diffs: ["inventoryId"], replaces: ["inventoryId"] }],
  // only where it is reached changes: it may be the same configuration, which cannot be created beside itself
  ["region", "s3", {}, { region: "eu-west-1" }, { diffs: ["region"], replaces: ["region"], deleteFirst: true }],
  ["vendor", "obs", {}, { vendor: "s3" }, { diffs: ["vendor"], replaces: ["vendor"] }],
  ["endpoint host", "s3", { endpoint: "http://127.0.0.1:9000" }, { endpoint: "http://127.0.0.1:9001" }, { diffs: ["endpoint"], replaces: ["endpoint"], deleteFirst: true }],
  ["endpoint added", "s3", {}, { endpoint: "http://127.0.0.1:9000" }, { diffs: ["endpoint"], replaces: ["endpoint"], deleteFirst: true }],
  ["id and prefix together", "oss", {}, { inventoryId: "weekly", "destination.prefix": "x/" }, { diffs: ["inventoryId", "destination.prefix"], replaces: ["inventoryId"] }],
  // OBS refuses the new prefix beside the old one it contains: the old one goes first
  ["OBS id, prefix kept", "obs", { "filter.prefix": "logs/" }, { inventoryId: "weekly" }, { diffs: ["inventoryId"], replaces: ["inventoryId"], deleteFirst: true }],
  ["OBS id, prefix narrowed", "obs", { "filter.prefix": "logs/" }, { inventoryId: "weekly", "filter.prefix": "logs/2024/" }, { diffs: ["inventoryId", "filter.prefix"], replaces: ["inventoryId"], deleteFirst: true }],
  ["OBS id, prefix elsewhere", "obs", { "filter.prefix": "logs/" }, { inventoryId: "weekly", "filter.prefix": "images/" }, { diffs: ["inventoryId", "filter.prefix"], replaces: ["inventoryId"] }],
  ["OSS id, prefix kept (no overlap rule)", "oss", { "filter.prefix": "logs/" }, { inventoryId: "weekly" }, { diffs: ["inventoryId"], replaces: ["inventoryId"] }],
  // unknowns at preview
  ["unknown destination bucket", "oss", {}, { "destination.bucket": UNKNOWN_VALUE }, { diffs: ["destination.bucket"], replaces: [] }],
  ["unknown bucket", "oss", {}, { bucket: UNKNOWN_VALUE }, { diffs: ["bucket"], replaces: ["bucket"] }],
];

describe("diff: old outputs against new inputs", () => {
  it.each(rows)("%s", (_name, vendor, oldPatch, newPatch, expected) => {
    const result = diffInventory(outputs(vendor, oldPatch), { ...argsWith(vendor, { ...oldPatch, ...newPatch }), __provider: "changed text" });
    expect({ diffs: result.diffs, replaces: result.replaces }).toEqual({ diffs: expected.diffs, replaces: expected.replaces });
    expect(result.changes).toBe(expected.diffs.length > 0);
    expect(result.deleteBeforeReplace).toBe(expected.deleteFirst ?? false);
  });

  it("compares against the service's view: an out-of-band change shows as a diff", () => {
    const old = outputs("s3", { "destination.prefix": "changed-by-someone/" });
    expect(diffInventory(old, argsWith("s3")).diffs).toEqual(["destination.prefix"]);
  });

  it("returns booleans for changes, as the dynamic provider host requires", () => {
    expect(typeof diffInventory(outputs("oss"), argsWith("oss")).changes).toBe("boolean");
  });
});

describe("diff: properties", () => {
  const leaf = fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.boolean(), fc.constant(null));
  const value = fc.letrec((tie) => ({
    any: fc.oneof({ depthSize: "small" }, leaf, fc.array(tie("any"), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 6 }), tie("any"), { maxKeys: 3 })),
  })).any;
  const args = fc.record({
    vendor: fc.constantFrom("oss", "cos", "obs", "s3"), region: value, bucket: value, inventoryId: value, enabled: value,
    destination: value, filter: value, schedule: value, optionalFields: value, endpoint: value,
  }, { requiredKeys: ["vendor"] });

  it("finds nothing between a configuration and itself, and never throws", () => {
    fc.assert(fc.property(args, (a) => {
      expect(diffInventory(a, structuredClone(a)).changes).toBe(false);
    }), { numRuns: 300 });
  });

  it("finds nothing between a configuration and its normalized form (what check returns)", () => {
    fc.assert(fc.property(args, (a) => {
      expect(diffInventory(normalizeArgs(a), a).diffs).toEqual([]);
    }), { numRuns: 300 });
  });
});
