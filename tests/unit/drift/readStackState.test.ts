/**
 * Reading `pulumi stack export` output: real exports written by the real CLI (fixtures), empty stacks, other
 * resource types, secrets, and every way an input can be broken (each refused with the reason and the place).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { INVENTORY_TYPE, readStackState } from "../../../cli/drift/readStackState";

const fixture = (name: string) => readFileSync(join(__dirname, "../../integration/drift/fixtures", name), "utf8");
const REAL = fixture("quickstart-export.json");
const REAL_SHOWN = fixture("quickstart-export-show-secrets.json");

const doc = (resources?: unknown[], version = 3) => JSON.stringify({ version, deployment: { manifest: {}, ...(resources ? { resources } : {}) } });
const inventory = (name: string, outputs: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  urn: `urn:pulumi:dev::proj::${INVENTORY_TYPE}::${name}`,
  custom: true,
  id: `${outputs.vendor}:${outputs.region}:${outputs.bucket}:${outputs.inventoryId}`,
  type: INVENTORY_TYPE,
  outputs,
  ...extra,
});
const OUTS = { vendor: "s3", region: "us-east-1", bucket: "photos", inventoryId: "daily", destination: { bucket: "reports", format: "CSV" }, schedule: { frequency: "Daily" } };

describe("reading the exported state", () => {
  it("finds the four inventories of a real export, their names, and the provider's plaintext config", () => {
    const state = readStackState(REAL, "export.json");
    expect(state.inventories.map((m) => [m.name, m.recorded.vendor, m.recorded.bucket, m.recorded.inventoryId, m.recorded.endpoint])).toEqual([
      ["photos-daily", "oss", "photos", "daily", "http://127.0.0.1:34477"],
      ["photos-weekly-s3", "s3", "photos", "weekly", "http://127.0.0.1:34477"],
      ["photos-cos", "cos", "photos-1250000000", "daily", "http://127.0.0.1:34477"],
      ["photos-obs", "obs", "photos", "images", "http://127.0.0.1:34477"],
    ]);
    // The stack and the default provider: the stack's own outputs (which echo the resources) are not inventories.
    expect(state.otherResources).toBe(2);
    expect(state.stackConfig).toEqual({ "bucket-inventory:endpoint": "http://127.0.0.1:34477" });
    expect(state.encryptedConfigKeys).toHaveLength(8);
    expect(state.encryptedConfigKeys).toContain("bucket-inventory:ossAccessKeySecret");
    expect(state.inventories[0].recorded.destination).toMatchObject({ bucket: "reports", prefix: "inventory/", roleArn: "acs:ram::1000000000000001:role/AliyunOSSRole" });
  });

  it("reads the provider's secret config from an export made with --show-secrets", () => {
    const state = readStackState(REAL_SHOWN, "export.json");
    expect(state.encryptedConfigKeys).toEqual([]);
    expect(state.stackConfig["bucket-inventory:ossAccessKeyId"]).toBe("FAKEOSSMAINKEY01");
    expect(Object.keys(state.stackConfig)).toHaveLength(9);
  });

  it("takes a stack with no resources, and one holding only other types", () => {
    expect(readStackState(doc(), "s")).toEqual({ inventories: [], otherResources: 0, stackConfig: {}, encryptedConfigKeys: [] });
    const others = doc([
      { urn: "urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev", type: "pulumi:pulumi:Stack", custom: false },
      { urn: "urn:pulumi:dev::proj::aws:s3/bucketV2:BucketV2::logs", type: "aws:s3/bucketV2:BucketV2", custom: true, id: "logs", outputs: { bucket: "logs", region: "us-east-1" } },
      { urn: "urn:pulumi:dev::proj::pulumi-nodejs:dynamic:Resource::other", type: "pulumi-nodejs:dynamic:Resource", custom: true, id: "x", outputs: { vendor: "s3" } },
    ]);
    expect(readStackState(others, "s")).toMatchObject({ inventories: [], otherResources: 3 });
  });

  it("takes version 4 deployments, and skips an old copy waiting for deletion after a replacement", () => {
    const state = readStackState(doc([inventory("a", OUTS), inventory("old", { ...OUTS, inventoryId: "old" }, { delete: true })], 4), "s");
    expect(state.inventories.map((m) => m.name)).toEqual(["a"]);
  });

  it("unwraps plaintext secrets and names the members held encrypted", () => {
    const secret = (value: unknown) => ({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", plaintext: JSON.stringify(value) });
    const cipher = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ciphertext: "v1:abc" };
    const state = readStackState(doc([inventory("a", { ...OUTS, destination: secret(OUTS.destination), filter: cipher })]), "s");
    expect(state.inventories[0].recorded.destination).toEqual({ bucket: "reports", format: "CSV" });
    expect(state.inventories[0].encrypted).toEqual(["filter"]);
    expect(state.inventories[0].recorded.filter).toBeUndefined();
  });

  it("recovers identity held encrypted from the resource id, but cannot guess an encrypted endpoint", () => {
    const cipher = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ciphertext: "v1:abc" };
    const state = readStackState(doc([inventory("a", { ...OUTS, bucket: cipher }, { id: "s3:us-east-1:photos:daily" })]), "s");
    expect(state.inventories[0].recorded).toMatchObject({ vendor: "s3", bucket: "photos", inventoryId: "daily" });
    expect(() => readStackState(doc([inventory("a", { ...OUTS, endpoint: cipher })]), "s")).toThrow(
      's: BucketInventory urn:pulumi:dev::proj::pulumi-nodejs:dynamic/bucket-inventory:BucketInventory::a: its "endpoint" is encrypted in the export; export with `pulumi stack export --show-secrets`',
    );
  });

  it.each([
    ["", "state.json is empty: expected the output of `pulumi stack export`"],
    ["   \n", "state.json is empty: expected the output of `pulumi stack export`"],
    ["pulumi stack export", "state.json is not JSON ("],
    ["[]", 'state.json has no "deployment": expected the output of `pulumi stack export` ({"version": 3, "deployment": {...}})'],
    ['{"version": 2, "deployment": {}}', 'state.json: "version" is 2; drift reads deployments of version 3 or 4, as `pulumi stack export` writes them'],
    ['{"deployment": {}}', 'state.json: "version" is undefined; drift reads deployments'],
    ['{"version": 3, "deployment": []}', 'state.json: "deployment" is not an object'],
    ['{"version": 3, "deployment": {"resources": {}}}', 'state.json: "deployment.resources" is not a list'],
    ['{"version": 3, "deployment": {"resources": [{"type": "x"}]}}', 'state.json: resource #1 has no "urn" and "type"'],
  ])("refuses %j with a clear reason", (text, message) => {
    expect(() => readStackState(text, "state.json")).toThrow(message);
  });

  it("refuses a truncated real export, saying it may have been cut short", () => {
    for (const cut of [1, 100, Math.floor(REAL.length / 2), REAL.length - 2]) {
      expect(() => readStackState(REAL.slice(0, cut), "standard input")).toThrow(/^standard input is not JSON \(.+\); expected the complete output of `pulumi stack export`, which may have been cut short$/);
    }
  });

  it("refuses a BucketInventory without outputs or with a broken identity, naming the resource and the field", () => {
    const urn = `urn:pulumi:dev::proj::${INVENTORY_TYPE}::a`;
    expect(() => readStackState(doc([{ ...inventory("a", OUTS), outputs: undefined }]), "s")).toThrow(`s: BucketInventory ${urn} has no "outputs"`);
    expect(() => readStackState(doc([{ ...inventory("a", { ...OUTS, vendor: "gcs" }), id: "" }]), "s")).toThrow(`s: BucketInventory ${urn}: "vendor" is "gcs"; expected one of oss, cos, obs, s3`);
    expect(() => readStackState(doc([{ ...inventory("a", { ...OUTS, region: 7 }), id: "" }]), "s")).toThrow(`s: BucketInventory ${urn}: "region" is 7; expected a non-empty string`);
    expect(() => readStackState(doc([{ ...inventory("a", { ...OUTS, inventoryId: undefined }), id: "" }]), "s")).toThrow(`"inventoryId" is missing`);
  });
});
