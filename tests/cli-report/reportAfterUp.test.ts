/**
 * The real `pulumi` CLI (Automation API, local file backend): `pulumi up` creates an OSS and an S3 inventory on the
 * fake cloud, the fake's clock moves past the vendors' first-report windows, and `bucket-inventory report --stack`
 * checks the stack's exported state: both healthy. Then the S3 destination stops accepting reports (its grants) and
 * three days pass: the S3 one is stale, exit 2. Needs the CLI that scripts/pulumi-cli.sh builds; skipped without
 * it, except under CI, where a missing CLI fails.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { run } from "../../cli/reportCommand";
import { startFakeCloud, type FakeCloud } from "../fake/index";

const ROOT = path.resolve(__dirname, "..", "..");

function cliPath(): string | undefined {
  try {
    return execFileSync("sh", [path.join(ROOT, "scripts/pulumi-cli.sh"), "--check"], { encoding: "utf8" }).trim().split("\n").at(-1);
  } catch {
    return undefined;
  }
}

const cliBin = cliPath();
const describeCli = cliBin || process.env.CI === "true" ? describe : describe.skip;
const HOUR = 3_600_000;

describeCli("bucket-inventory report on a stack the real Pulumi CLI deployed", () => {
  let fake: FakeCloud;
  let home: string;
  let stack: import("@pulumi/pulumi/automation").Stack;
  const env = () => ({
    AWS_ACCESS_KEY_ID: "FAKES3MAINKEY001", AWS_SECRET_ACCESS_KEY: "fake-s3-main-secret-0001",
    ALIBABA_CLOUD_ACCESS_KEY_ID: "FAKEOSSMAINKEY01", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "fake-oss-main-secret-0001",
  });

  beforeAll(async () => {
    if (!cliBin) throw new Error("CI=true but scripts/pulumi-cli.sh --check found no Pulumi CLI");
    fake = await startFakeCloud({ port: 0 });
    for (const vendor of ["oss", "s3"] as const) for (let i = 0; i < 4; i++) fake.admin.putObject(vendor, "photos", `img/${i}.jpg`, `x${i}`);
    home = fs.mkdtempSync(path.join(os.tmpdir(), "bi-cli-report-"));
    const { LocalWorkspace, PulumiCommand } = await import("@pulumi/pulumi/automation");
    const nodeBin = path.dirname(process.execPath);
    const envVars = {
      PATH: [cliBin, nodeBin, process.env.PATH].join(path.delimiter),
      PULUMI_BACKEND_URL: `file://${home}`, PULUMI_HOME: path.join(home, ".pulumi"), PULUMI_CONFIG_PASSPHRASE: "report-test",
      PULUMI_SKIP_UPDATE_CHECK: "true", PULUMI_DIY_BACKEND_NO_LEGACY_WARNING: "true",
    };
    const pulumiRoot = path.dirname(cliBin!.split(path.delimiter)[0]);
    const pulumiCommand = await PulumiCommand.get({ root: pulumiRoot, skipVersionCheck: true });
    const workspace = await LocalWorkspace.create({ workDir: path.join(__dirname, "program"), envVars, pulumiCommand });
    stack = await (await import("@pulumi/pulumi/automation")).Stack.createOrSelect("dev", workspace);
    await stack.setAllConfig({
      "bucket-inventory:endpoint": { value: fake.url },
      "bucket-inventory:ossAccessKeyId": { value: "FAKEOSSMAINKEY01", secret: true },
      "bucket-inventory:ossAccessKeySecret": { value: "fake-oss-main-secret-0001", secret: true },
      "bucket-inventory:s3AccessKeyId": { value: "FAKES3MAINKEY001", secret: true },
      "bucket-inventory:s3SecretAccessKey": { value: "fake-s3-main-secret-0001", secret: true },
    });
  }, 120_000);

  afterAll(async () => {
    await stack?.destroy().catch(() => undefined);
    await fake?.close();
    if (home) fs.rmSync(home, { recursive: true, force: true });
  }, 180_000);

  /** `bucket-inventory report --stack` on `pulumi stack export` output; results by resource name. */
  async function reportOnExport(): Promise<{ code: number; doc: { results: { target: { label: string }; status: string }[] } }> {
    const exported = await stack.exportStack();
    const file = path.join(home, "stack.json");
    fs.writeFileSync(file, JSON.stringify(exported));
    let out = "";
    const code = await run(["--stack", file, "--json"], { out: (t) => (out += t), err: () => undefined, env: env(), isTty: false });
    const doc = JSON.parse(out);
    doc.results.sort((a: { target: { label: string } }, b: { target: { label: string } }) => a.target.label.localeCompare(b.target.label));
    return { code, doc };
  }

  it("pulumi up, the clock past the windows, then both inventories healthy; a refused destination turns stale", async () => {
    const up = await stack.up();
    expect(up.summary.result).toBe("succeeded");
    const before = await reportOnExport();
    expect(before.doc.results.map((r) => [r.target.label, r.status])).toEqual([["oss-daily", "pending"], ["s3-daily", "pending"]]);
    expect(before.code).toBe(0);
    fake.admin.advanceClock(49 * HOUR);
    const after = await reportOnExport();
    expect(after.doc.results.map((r) => [r.target.label, r.status])).toEqual([["oss-daily", "healthy"], ["s3-daily", "healthy"]]);
    expect(after.code).toBe(0);
    // Out of band: the S3 destination stops granting the source (its bucket policy removed), three days pass.
    const grants = await fetch(`${fake.url}/__fake/grants/s3/reports`, { method: "PUT", headers: { "content-type": "application/json" }, body: "[]" });
    expect(grants.status).toBe(200);
    fake.admin.advanceClock(72 * HOUR);
    const stale = await reportOnExport();
    expect(stale.doc.results.map((r) => [r.target.label, r.status])).toEqual([["oss-daily", "healthy"], ["s3-daily", "stale"]]);
    expect(stale.code).toBe(2);
  }, 300_000);
});
