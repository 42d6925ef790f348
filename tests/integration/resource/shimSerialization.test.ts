/**
 * The serialized provider (`__provider` in state), proven in plain `node` processes (the closure serializer
 * behaves differently under jest): small, the same text every run, no credential in it, and it works: loaded the
 * way the dynamic provider host loads it, from a Pulumi program's directory, it reaches the installed package.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { buildPackage, type BuiltPackage } from "./support/buildPackage";

const SUPPORT = path.join(__dirname, "support");
const SENTINELS = { AWS_ACCESS_KEY_ID: "SENTINEL-SHIM-KEY-ID", AWS_SECRET_ACCESS_KEY: "sentinel/secret/for/shim/test", HW_SECURITY_TOKEN: "sentinel-token-shim" };

let pkg: BuiltPackage;
let serialized: { text: string; containsSecrets: boolean };

beforeAll(async () => {
  pkg = buildPackage();
  serialized = JSON.parse(await pkg.node(path.join(SUPPORT, "serializeShim.js"), [pkg.packageDir], { env: SENTINELS }));
}, 60_000);
afterAll(() => pkg?.remove());

describe("the serialized provider", () => {
  it("is small and holds no secret", () => {
    expect(serialized.text.length).toBeLessThan(4096);
    expect(serialized.containsSecrets).toBe(false);
    for (const value of Object.values(SENTINELS)) expect(serialized.text).not.toContain(value);
    expect(serialized.text).toContain('"pulumi-bucket-inventory/provider"');
  });

  it("serializes to the same text on every run", async () => {
    const again = JSON.parse(await pkg.node(path.join(SUPPORT, "serializeShim.js"), [pkg.packageDir]));
    expect(again.text).toBe(serialized.text);
  });

  it("delegates to the installed package when the host loads it in a program's directory", async () => {
    const input = path.join(pkg.dir, "call.json");
    fs.writeFileSync(input, JSON.stringify({
      text: serialized.text,
      configure: {},
      news: {
        vendor: "obs", region: "cn-north-4", bucket: "photos", inventoryId: "a b",
        destination: { bucket: "reports" }, schedule: { frequency: "daily" },
      },
      olds: {
        vendor: "obs", region: "cn-north-4", bucket: "photos", inventoryId: "a b", enabled: true,
        destination: { bucket: "reports", format: "CSV" }, schedule: { frequency: "Daily" }, includedObjectVersions: "Current", optionalFields: [],
      },
    }));
    const out = JSON.parse(await pkg.node(path.join(SUPPORT, "callShim.js"), [input], { cwd: pkg.programDir }));
    expect(out.check.failures).toEqual([
      { property: "inventoryId", reason: `"a b" has characters OBS does not allow; use letters, digits, '-', '.' and '_'` },
    ]);
    expect(out.check.inputs.schedule).toEqual({ frequency: "Daily" });
    expect(out.diff).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false, diffs: [] });
  });

  it("also finds the package from inside it (self-reference through its exports)", async () => {
    const input = path.join(pkg.dir, "call.json");
    const inside = path.join(pkg.packageDir, "examples", "quickstart");
    fs.mkdirSync(inside, { recursive: true });
    const out = JSON.parse(await pkg.node(path.join(SUPPORT, "callShim.js"), [input], { cwd: inside }));
    expect(out.check.failures).toHaveLength(1);
  });
});

describe("new BucketInventory(...)", () => {
  it("registers every output and the serialized provider, with no credential among the inputs", async () => {
    const out = JSON.parse(await pkg.node(path.join(SUPPORT, "constructResource.js"), [pkg.packageDir], { env: SENTINELS }));
    const [registered] = out.seen;
    expect(registered.type).toBe("pulumi-nodejs:dynamic/bucket-inventory:BucketInventory");
    expect(registered.inputs.__provider).toBe(serialized.text);
    expect(registered.inputs).toMatchObject({ vendor: "oss", bucket: "photos", inventoryId: "daily" });
    expect(out.outputs).toMatchObject({ resourceId: "oss:cn-hangzhou:photos:daily", bucket: "photos", destination: { bucket: "reports" } });
    expect(JSON.stringify(out)).not.toMatch(/SENTINEL|sentinel/);
  });
});
