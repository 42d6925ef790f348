/**
 * README "Scheduled drift detection", run as written: the real `pulumi` CLI deploys a stack in the consumer project
 * (the packed package installed), and the README's shell block runs verbatim there with `sh` (`pulumi stack
 * export`, then `npx bucket-inventory drift`): in sync, exit 0; after changes behind Pulumi's back, drift, exit 2,
 * with the Markdown report. Also the piped `pulumi stack export --show-secrets | npx bucket-inventory drift` the
 * README offers, with no credentials in the environment; and the pull-request job's block: the preview of the
 * pull request's change and, beside it, the configuration added by hand that preview cannot point out.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { blocksOf } from "../docs/support/docBlocks";
import { inventoryArgs, vendorInventoryXml } from "../engine/scenarios/vendorCases";
import { useCliStack } from "./support/cliStack";
import { describeWithPulumiCli } from "./support/pulumiCli";
import { mainAccount } from "./support/seedCredentials";

/** The README block marked `doc-test: drift <id>` (section "Scheduled drift detection"), exactly as printed. */
function readmeDriftScript(id: "schedule" | "pull-request" = "schedule"): string {
  const [block] = blocksOf("README.md", "drift", id);
  if (!block || block.lang !== "sh") throw new Error(`README.md has no sh block marked doc-test: drift ${id}`);
  return block.text;
}

/** The environment variables the README's "Credentials" names, for the two vendors of the stack. */
const CREDENTIALS = {
  ALIBABA_CLOUD_ACCESS_KEY_ID: mainAccount("oss").accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: mainAccount("oss").secretAccessKey,
  AWS_ACCESS_KEY_ID: mainAccount("s3").accessKeyId, AWS_SECRET_ACCESS_KEY: mainAccount("s3").secretAccessKey,
};

describeWithPulumiCli("README: scheduled drift detection with the pulumi CLI", (cli) => {
  const s = useCliStack(cli);

  beforeAll(async () => {
    await s.declare([
      { name: "oss-daily", args: inventoryArgs("oss", s.fake.url) },
      { name: "s3-weekly", args: inventoryArgs("s3", s.fake.url, { inventoryId: "weekly", schedule: { frequency: "Weekly" } }) },
    ]);
    expect((await s.stack.up()).summary.result).toBe("succeeded");
  });

  /** `sh -c <script>` in the program's folder, as a CI job step runs it. */
  function sh(script: string, extraEnv: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      const env = { ...s.env, HOME: process.env.HOME ?? s.workDir, ...extraEnv };
      execFile("sh", ["-c", script], { cwd: s.workDir, env, timeout: 240_000 }, (error, stdout, stderr) => {
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      });
    });
  }
  const STACK = () => s.stack.name;

  test("the README's commands find the stack in sync right after up: exit 0", async () => {
    const { code, stdout, stderr } = await sh(readmeDriftScript(), { ...CREDENTIALS, STACK: STACK() });
    expect({ code, stderr: stderr.replace(/^npm (warn|notice).*\n/gm, "") }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toMatch(/^### Bucket inventory drift\n\nIn sync: 2 buckets; 2 configurations: 2 in sync; \d+ requests\.\n/);
    expect(stdout).toMatch(/bucket inventories: in sync\n$/);
    expect(fs.readFileSync(path.join(s.workDir, "drift.md"), "utf8")).toContain("<code>oss:cn-hangzhou:photos</code> | <code>daily</code> | in sync");
  });

  test("after changes behind Pulumi's back they report the drift as Markdown: exit 2", async () => {
    const stored = s.fake.admin.getInventoryXml("oss", "photos", "daily")!;
    s.fake.admin.putInventoryXml("oss", "photos", "daily", stored.replace("<Prefix>inventory/</Prefix>", "<Prefix>moved/</Prefix>"));
    s.fake.admin.putInventoryXml("s3", "photos", "by-hand", vendorInventoryXml("s3", "by-hand"));
    const { code, stdout } = await sh(readmeDriftScript(), { ...CREDENTIALS, STACK: STACK() });
    expect(code).toBe(2);
    expect(stdout).toContain("Drift found: 2 buckets; 3 configurations: 1 drifted, 1 unmanaged, 1 in sync;");
    expect(stdout).toContain('| <code>oss:cn-hangzhou:photos</code> | <code>daily</code> | drifted | destination.prefix: "inventory/" -&#62; "moved/" |');
    expect(stdout).toContain('new BucketInventory("s3-photos-by-hand", {');
    expect(stdout).toMatch(/bucket inventories: drift found\n$/);
  });

  test("reads the credentials from the stack config in a --show-secrets export piped in, with none in the environment", async () => {
    const { code, stdout } = await sh(`pulumi stack export --stack ${STACK()} --show-secrets | npx bucket-inventory drift --json`, {});
    expect(code).toBe(2);
    const report = JSON.parse(stdout);
    expect(report.summary).toMatchObject({ buckets: 2, drifted: 1, unmanaged: 1, inSync: 1, bucketErrors: 0 });
  });

  test("the README runs exactly these blocks of the section: the scheduled job and the pull-request job", () => {
    expect(blocksOf("README.md", "drift").map((b) => b.id)).toEqual(["schedule", "pull-request"]);
  });

  test("the pull-request job: the preview of the change, and the drift report that names the configuration added by hand", async () => {
    // The pull request changes the S3 inventory's schedule to daily; "by-hand" was added beside it on the bucket.
    s.fake.admin.putInventoryXml("s3", "photos", "by-hand", vendorInventoryXml("s3", "by-hand"));
    await s.declare([
      { name: "oss-daily", args: inventoryArgs("oss", s.fake.url) },
      { name: "s3-weekly", args: inventoryArgs("s3", s.fake.url, { inventoryId: "weekly" }) },
    ]);
    s.fake.admin.clearRequests();
    const job = await sh(readmeDriftScript("pull-request"), { ...CREDENTIALS, STACK: STACK() });
    expect({ code: job.code, stderr: job.stderr.replace(/^npm (warn|notice).*\n/gm, "") }).toEqual({ code: 0, stderr: "" });
    expect(job.stdout).toContain('~ frequency: "Weekly" => "Daily"');
    expect(job.stdout).toContain("~ 1 to update");
    const report = fs.readFileSync(path.join(s.workDir, "drift.md"), "utf8");
    expect(report).toContain("| <code>s3:us-east-1:photos</code> | <code>by-hand</code> | unmanaged |");
    expect(report).toContain("adopt: true");
    expect(s.writes()).toEqual([]); // a preview and a scan: nothing written

    // A scan that cannot read a bucket (no S3 credentials in the job) fails the job; the preview had passed.
    const { AWS_ACCESS_KEY_ID: _id, AWS_SECRET_ACCESS_KEY: _secret, ...withoutS3 } = CREDENTIALS;
    const failed = await sh(readmeDriftScript("pull-request"), { ...withoutS3, STACK: STACK() });
    expect(failed.code).toBe(1);
    expect(fs.readFileSync(path.join(s.workDir, "drift.md"), "utf8")).toMatch(/s3:us-east-1:photos.*(credentials|could not)/is);
  });
});
