/**
 * `bucket-inventory import` against the fake cloud: reads every configuration (all pages) with environment
 * credentials and prints declarations that compile and, fed back through normalize, mean exactly what is live.
 */
import { run, type ImportIo } from "../../../cli/importCommand";
import { normalizeConfig } from "../../../provider/model/normalize";
import type { Vendor } from "../../../provider/model/inventoryConfig";
import { configOf, normalizeArgs } from "../../../provider/resource/resourceArgs";
import { typeCheck } from "../../unit/resource/compileTypeScript";
import { fakeArgs, refOf, seedEnvironment, startHarness, type Harness } from "../resource/fakeCloudSetup";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());
beforeEach(() => h.fake.admin.reset());

async function importCommand(argv: string[], env = seedEnvironment()) {
  let out = "";
  let err = "";
  const io: ImportIo = { out: (t) => (out += t), err: (t) => (err += t), env };
  const code = await run(argv, io);
  return { code, out, err };
}

/** The args objects of the printed declarations, evaluated without Pulumi. */
function declaredArgs(text: string): Record<string, unknown>[] {
  const body = text.replace(/^import .*$/m, "").replace(/new BucketInventory\(/g, "declare(");
  const found: Record<string, unknown>[] = [];
  new Function("declare", body)((_name: string, args: Record<string, unknown>) => found.push(args));
  return found;
}

describe("bucket-inventory import", () => {
  it.each<Vendor>(["oss", "cos", "obs", "s3"])("prints %s configurations that mean exactly what is live", async (vendor) => {
    const ref = refOf(h.fake, vendor);
    const live = [configOf(normalizeArgs(fakeArgs(h.fake, vendor))), configOf(normalizeArgs(fakeArgs(h.fake, vendor, { inventoryId: "second", enabled: false, "filter.prefix": "other/" })))];
    for (const config of live) await h.other.putInventory(ref, config);
    const { code, out, err } = await importCommand(["--vendor", vendor, "--region", ref.region, "--bucket", ref.bucket, "--endpoint", h.fake.url]);
    expect({ code, err }).toEqual({ code: 0, err: "" });
    const declared = declaredArgs(out);
    expect(declared.map((a) => [a.inventoryId, a.adopt, a.endpoint])).toEqual([["daily", true, undefined], ["second", true, undefined]]);
    expect(out).toContain(`// Read from ${h.fake.url}: the program reaches it through stack config, e.g. \`pulumi config set bucket-inventory:endpoint ${h.fake.url}\`.`);
    const meant = declared.map((a) => normalizeConfig(vendor, configOf(normalizeArgs(a))));
    expect(meant).toEqual(live.map((c) => normalizeConfig(vendor, c)));
  });

  it("follows every page of a long list", async () => {
    const ref = refOf(h.fake, "cos");
    for (let i = 0; i < 105; i++) await h.other.putInventory(ref, configOf(normalizeArgs(fakeArgs(h.fake, "cos", { inventoryId: `inv-${String(i).padStart(3, "0")}` }))));
    const { code, out } = await importCommand(["--vendor", "cos", "--region", ref.region, "--bucket", ref.bucket, "--endpoint", h.fake.url]);
    expect(code).toBe(0);
    expect(declaredArgs(out)).toHaveLength(105);
  }, 30_000);

  it("prints TypeScript that compiles against the real BucketInventory types, for every vendor", async () => {
    const files: Record<string, string> = {};
    for (const vendor of ["oss", "cos", "obs", "s3"] as const) {
      const ref = refOf(h.fake, vendor);
      await h.other.putInventory(ref, configOf(normalizeArgs(fakeArgs(h.fake, vendor))));
      await h.other.putInventory(ref, configOf(normalizeArgs(fakeArgs(h.fake, vendor, { inventoryId: "off", enabled: false, "filter.prefix": "off/" }))));
      files[`${vendor}.ts`] = (await importCommand(["--vendor", vendor, "--region", ref.region, "--bucket", ref.bucket, "--endpoint", h.fake.url])).out;
    }
    // A deliberately wrong declaration proves the check can fail; the printed ones must be clean.
    files["control.ts"] = 'import { BucketInventory } from "pulumi-bucket-inventory";\nnew BucketInventory("x", { vendor: "gcs" });\n';
    const diagnostics = typeCheck(files);
    expect(diagnostics.filter((d) => !d.startsWith("control.ts"))).toEqual([]);
    expect(diagnostics.some((d) => d.startsWith("control.ts"))).toBe(true);
  }, 60_000);

  it("imports one configuration by id, and says when it is not there", async () => {
    const ref = refOf(h.fake, "s3");
    await h.other.putInventory(ref, configOf(normalizeArgs(fakeArgs(h.fake, "s3"))));
    await h.other.putInventory(ref, configOf(normalizeArgs(fakeArgs(h.fake, "s3", { inventoryId: "other" }))));
    const one = await importCommand(["--vendor", "s3", "--region", "us-east-1", "--bucket", "photos", "--inventory-id", "other", "--endpoint", h.fake.url]);
    expect(declaredArgs(one.out).map((a) => a.inventoryId)).toEqual(["other"]);
    const missing = await importCommand(["--vendor", "s3", "--region", "us-east-1", "--bucket", "photos", "--inventory-id", "nope", "--endpoint", h.fake.url]);
    expect(missing).toEqual({ code: 1, out: "", err: 'bucket-inventory import: no inventory configuration "nope" on s3 bucket "photos" (or no such bucket)\n' });
  });

  it("explains usage mistakes and missing credentials, naming no secret", async () => {
    const usage = await importCommand(["--vendor", "gcs", "--region", "x", "--bucket", "b"]);
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(/^bucket-inventory import: --vendor "gcs": use one of oss, cos, obs, s3\n\nusage: bucket-inventory import/);
    expect((await importCommand(["--region", "x"])).err).toMatch(/^bucket-inventory import: --vendor is required/);
    const noCreds = await importCommand(["--vendor", "obs", "--region", "cn-north-4", "--bucket", "photos", "--endpoint", h.fake.url], {});
    expect(noCreds).toMatchObject({ code: 1, out: "" });
    expect(noCreds.err).toBe(
      "bucket-inventory import: no obs credentials in the environment: set HW_ACCESS_KEY and HW_SECRET_KEY (and HW_SECURITY_TOKEN for " +
        "temporary credentials); bucket-inventory import reads the environment, not Pulumi stack config\n",
    );
    const wrong = await importCommand(["--vendor", "obs", "--region", "cn-north-4", "--bucket", "photos", "--endpoint", h.fake.url], {
      HW_ACCESS_KEY: "FAKEOBSMAINKEY01", HW_SECRET_KEY: "sentinel-wrong-secret",
    });
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/^bucket-inventory import: the service refused the obs credentials \(from environment variables HW_ACCESS_KEY and HW_SECRET_KEY\): listing bucket inventories of obs:cn-north-4:photos: SignatureDoesNotMatch /);
    expect(wrong.err).not.toContain("sentinel-wrong-secret");
  });

  it("writes one whole file for many buckets: one import line, names unique across vendors, and it compiles", async () => {
    for (const vendor of ["oss", "obs"] as const) await h.other.putInventory(refOf(h.fake, vendor), configOf(normalizeArgs(fakeArgs(h.fake, vendor))));
    await h.other.putInventory(refOf(h.fake, "s3"), configOf(normalizeArgs(fakeArgs(h.fake, "s3", { inventoryId: "weekly" }))));
    const { code, out, err } = await importCommand(["oss:cn-hangzhou:photos", "obs:cn-north-4:photos:daily", "s3:us-east-1:photos:weekly", "--endpoint", h.fake.url]);
    expect({ code, err }).toEqual({ code: 0, err: "" });
    expect(out.match(/^import /gm)).toHaveLength(1);
    expect([...out.matchAll(/new BucketInventory\("([^"]+)"/g)].map((m) => m[1])).toEqual(["oss-photos-daily", "obs-photos-daily", "s3-photos-weekly"]);
    expect(declaredArgs(out).map((a) => `${a.vendor}:${a.inventoryId}`)).toEqual(["oss:daily", "obs:daily", "s3:weekly"]);
    expect(typeCheck({ "inventories.ts": out })).toEqual([]);
  });

  it("outputs of separate runs, pasted under one import line, do not collide (OSS and OBS photos/daily)", async () => {
    const names: string[] = [];
    for (const vendor of ["oss", "obs"] as const) {
      const ref = refOf(h.fake, vendor);
      await h.other.putInventory(ref, configOf(normalizeArgs(fakeArgs(h.fake, vendor))));
      const { out } = await importCommand(["--vendor", vendor, "--region", ref.region, "--bucket", ref.bucket, "--endpoint", h.fake.url]);
      names.push(...[...out.matchAll(/new BucketInventory\("([^"]+)"/g)].map((m) => m[1]));
    }
    expect(names).toEqual(["oss-photos-daily", "obs-photos-daily"]);
  });

  it("prints nothing when one of the buckets cannot be read, saying which", async () => {
    const { code, out, err } = await importCommand(["oss:cn-hangzhou:photos", "s3:us-east-1:photos:missing", "--endpoint", h.fake.url]);
    expect({ code, out }).toEqual({ code: 1, out: "" });
    expect(err).toBe('bucket-inventory import: no inventory configuration "missing" on s3 bucket "photos" (or no such bucket)\n');
  });

  it("refuses a malformed bucket name and flags mixed with bucket arguments", async () => {
    expect((await importCommand(["oss:photos"])).err).toMatch(/^bucket-inventory import: "oss:photos": name a bucket as <vendor>:<region>:<bucket>\[:<inventory-id>\]/);
    expect((await importCommand(["oss:cn-hangzhou:photos", "--vendor", "oss"])).code).toBe(2);
  });

  it("prints its usage with --help", async () => {
    const help = await importCommand(["--help"]);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^usage: bucket-inventory import <vendor>:<region>:<bucket>\[:<inventory-id>\] \.\.\. \[--endpoint <url>\]\n/);
    expect(help.out).not.toContain("pulumi config");
  });
});
