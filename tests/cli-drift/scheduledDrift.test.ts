/**
 * README "Scheduled drift detection", run as written: the real `pulumi` CLI (Automation API for the set-up, a local
 * file backend) deploys a program in a project that installed the packed package, and the README's shell block runs
 * verbatim in that project with `sh` (`pulumi stack export`, then `npx bucket-inventory drift`): in sync, exit 0;
 * after changes behind Pulumi's back, drift, exit 2, with the Markdown report. Also the piped
 * `pulumi stack export --show-secrets | npx bucket-inventory drift` the README offers, with no credentials in the
 * environment. Needs the CLI scripts/pulumi-cli.sh builds: skipped without it, except under CI, where that fails.
 */
import { execFile, execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { dialectFor } from "../../provider/dialects/dialectFor";
import type { InventoryConfig } from "../../provider/model/inventoryConfig";
import { startFakeCloud, type FakeCloud } from "../fake/index";
import { blocksOf } from "../docs/support/docBlocks";
import { consumerProject } from "../support/consumerProject";

const ROOT = path.resolve(__dirname, "..", "..");

function cliEntries(): string | undefined {
  try {
    return execFileSync("sh", [path.join(ROOT, "scripts/pulumi-cli.sh"), "--check"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim().split("\n").at(-1);
  } catch {
    return undefined;
  }
}

/** The README block marked `doc-test: drift` (section "Scheduled drift detection"), exactly as printed. */
function readmeDriftScript(): string {
  const [block] = blocksOf("README.md", "drift");
  if (!block || block.lang !== "sh") throw new Error("README.md has no sh block marked doc-test: drift");
  return block.text;
}

const PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import { BucketInventory } from "pulumi-bucket-inventory";

const endpoint = new pulumi.Config("bucket-inventory").require("endpoint");

export const oss = new BucketInventory("oss-daily", {
  vendor: "oss", region: "cn-hangzhou", bucket: "photos", inventoryId: "daily",
  destination: { bucket: "reports", prefix: "inventory/", format: "CSV", accountId: "1000000000000001", roleArn: "acs:ram::1000000000000001:role/AliyunOSSRole" },
  schedule: { frequency: "Daily" }, optionalFields: ["Size", "ETag"], endpoint,
});

export const s3 = new BucketInventory("s3-weekly", {
  vendor: "s3", region: "us-east-1", bucket: "photos", inventoryId: "weekly",
  destination: { bucket: "arn:aws:s3:::reports", prefix: "inventory/", format: "CSV" },
  schedule: { frequency: "Weekly" }, optionalFields: ["StorageClass", "Size"], endpoint,
});
`;

const CREDENTIALS = {
  ALIBABA_CLOUD_ACCESS_KEY_ID: "FAKEOSSMAINKEY01", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "fake-oss-main-secret-0001",
  AWS_ACCESS_KEY_ID: "FAKES3MAINKEY001", AWS_SECRET_ACCESS_KEY: "fake-s3-main-secret-0001",
};
const STACK = "prod";

const entries = cliEntries();
const describeCli = entries || process.env.CI === "true" ? describe : describe.skip;
if (!entries && process.env.CI !== "true") process.stderr.write("tests/cli-drift: no pulumi CLI (run `sh scripts/pulumi-cli.sh` once); skipped\n");

describeCli("README: scheduled drift detection with the real pulumi CLI", () => {
  let fake: FakeCloud;
  let workDir: string;
  let env: Record<string, string>;
  let stack: import("@pulumi/pulumi/automation").Stack;

  beforeAll(async () => {
    if (!entries) throw new Error("CI=true but scripts/pulumi-cli.sh --check found no pulumi CLI: the real-CLI tier must run");
    fake = await startFakeCloud({ port: 0 });
    const consumer = await consumerProject();
    workDir = fs.mkdtempSync(path.join(consumer.dir, "drift-"));
    fs.writeFileSync(path.join(workDir, "Pulumi.yaml"), "name: scheduled-drift\nruntime:\n  name: nodejs\n  options:\n    typescript: true\nmain: index.ts\n");
    fs.writeFileSync(path.join(workDir, "index.ts"), PROGRAM);
    const backend = path.join(workDir, ".backend");
    fs.mkdirSync(backend);
    env = {
      PATH: [entries, path.dirname(process.execPath), process.env.PATH].join(path.delimiter),
      PULUMI_BACKEND_URL: `file://${backend}`, PULUMI_HOME: path.join(workDir, ".pulumi-home"), PULUMI_CONFIG_PASSPHRASE: "drift-test",
      PULUMI_SKIP_UPDATE_CHECK: "true", PULUMI_DIY_BACKEND_NO_LEGACY_WARNING: "true",
    };
    const { LocalWorkspace, PulumiCommand } = await import("@pulumi/pulumi/automation");
    const pulumiCommand = await PulumiCommand.get({ root: path.dirname(entries!.split(path.delimiter)[0]), skipVersionCheck: true });
    stack = await LocalWorkspace.createOrSelectStack({ stackName: STACK, workDir }, { workDir, envVars: env, pulumiCommand });
    await stack.setAllConfig({
      "bucket-inventory:endpoint": { value: fake.url },
      "bucket-inventory:ossAccessKeyId": { value: CREDENTIALS.ALIBABA_CLOUD_ACCESS_KEY_ID, secret: true },
      "bucket-inventory:ossAccessKeySecret": { value: CREDENTIALS.ALIBABA_CLOUD_ACCESS_KEY_SECRET, secret: true },
      "bucket-inventory:s3AccessKeyId": { value: CREDENTIALS.AWS_ACCESS_KEY_ID, secret: true },
      "bucket-inventory:s3SecretAccessKey": { value: CREDENTIALS.AWS_SECRET_ACCESS_KEY, secret: true },
    });
    expect((await stack.up()).summary.result).toBe("succeeded");
  }, 300_000);

  afterAll(async () => {
    await stack?.destroy().catch(() => undefined);
    await fake?.close();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  }, 180_000);

  /** `sh -c <script>` in the project, as a CI job step runs it. */
  function sh(script: string, extraEnv: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile("sh", ["-c", script], { cwd: workDir, env: { ...env, HOME: process.env.HOME ?? workDir, ...extraEnv }, timeout: 240_000 }, (error, stdout, stderr) => {
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      });
    });
  }

  const put = (vendor: "oss" | "s3", config: InventoryConfig) =>
    fake.admin.putInventoryXml(vendor, "photos", config.id, dialectFor(vendor).serializeInventory(config, { vendor, region: "x", bucket: "photos" }));

  it("the README's commands find the stack in sync right after up: exit 0", async () => {
    const { code, stdout, stderr } = await sh(readmeDriftScript(), { ...CREDENTIALS, STACK });
    expect({ code, stderr: stderr.replace(/^npm (warn|notice).*\n/gm, "") }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toMatch(/^### Bucket inventory drift\n\nIn sync: 2 buckets; 2 configurations: 2 in sync; \d+ requests\.\n/);
    expect(stdout).toMatch(/bucket inventories: in sync\n$/);
    expect(fs.readFileSync(path.join(workDir, "drift.md"), "utf8")).toContain("<code>oss:cn-hangzhou:photos</code> | <code>daily</code> | in sync");
  }, 300_000);

  it("after changes behind Pulumi's back they report the drift as Markdown: exit 2", async () => {
    put("oss", {
      id: "daily", enabled: true, destination: { bucket: "reports", prefix: "moved/", format: "CSV", accountId: "1000000000000001", roleArn: "acs:ram::1000000000000001:role/AliyunOSSRole" },
      schedule: { frequency: "Daily" }, includedObjectVersions: "Current", optionalFields: ["Size", "ETag"],
    });
    put("s3", { id: "by-hand", enabled: true, destination: { bucket: "reports", format: "CSV" }, schedule: { frequency: "Daily" }, includedObjectVersions: "Current", optionalFields: [] });
    const { code, stdout } = await sh(readmeDriftScript(), { ...CREDENTIALS, STACK });
    expect(code).toBe(2);
    expect(stdout).toContain("Drift found: 2 buckets; 3 configurations: 1 drifted, 1 unmanaged, 1 in sync;");
    expect(stdout).toContain('| <code>oss:cn-hangzhou:photos</code> | <code>daily</code> | drifted | destination.prefix: "inventory/" -&#62; "moved/" |');
    expect(stdout).toContain('new BucketInventory("s3-photos-by-hand", {');
    expect(stdout).toMatch(/bucket inventories: drift found\n$/);
  }, 300_000);

  it("reads the credentials from the stack config in a --show-secrets export piped in, with none in the environment", async () => {
    const { code, stdout } = await sh(`pulumi stack export --stack ${STACK} --show-secrets | npx bucket-inventory drift --json`, {});
    expect(code).toBe(2);
    const report = JSON.parse(stdout);
    expect(report.summary).toMatchObject({ buckets: 2, drifted: 1, unmanaged: 1, inSync: 1, bucketErrors: 0 });
  }, 300_000);
});
