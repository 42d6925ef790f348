/**
 * README "Scheduled drift detection", run as written: the real `pulumi` CLI deploys a stack in the consumer project
 * (the packed package installed), and the README's shell block runs verbatim there with `sh` (`pulumi stack
 * export`, then `npx bucket-inventory drift`): in sync, exit 0; after changes behind Pulumi's back, drift, exit 2,
 * with the Markdown report. Also the piped `pulumi stack export --show-secrets | npx bucket-inventory drift` the
 * README offers, with no credentials in the environment.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { blocksOf } from "../docs/support/docBlocks";
import { inventoryArgs, vendorInventoryXml } from "../engine/scenarios/vendorCases";
import { useCliStack } from "./support/cliStack";
import { describeWithPulumiCli } from "./support/pulumiCli";
import { mainAccount } from "./support/seedCredentials";

/** The README block marked `doc-test: drift` (section "Scheduled drift detection"), exactly as printed. */
function readmeDriftScript(): string {
  const [block] = blocksOf("README.md", "drift");
  if (!block || block.lang !== "sh") throw new Error("README.md has no sh block marked doc-test: drift");
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
});
