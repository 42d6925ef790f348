/**
 * Scenario 7: each program in examples/ runs from its own Pulumi.yaml, through the nodejs language host, with plain
 * `pulumi up` and `pulumi destroy` against the fake cloud: copied into a project that installed the packed package,
 * its `../../sdk` import written as a user writes it (the package name). The quick start, which the repository's
 * root Pulumi.yaml runs, is quickstart.test.ts and readme.test.ts.
 */
import * as path from "node:path";
import { startFakeCloud, type FakeCloud } from "../fake";
import { ROOT } from "../support/consumerProject";
import { credentialConfig } from "./support/cliStack";
import { cliProject } from "./support/cliProject";
import { describeWithPulumiCli } from "./support/pulumiCli";
import { runPulumi } from "./support/runPulumi";

/** Each example and the configurations it declares. */
const EXAMPLES: [string, number][] = [["oss", 1], ["cos", 1], ["obs", 2], ["s3", 1], ["multicloud", 4]];

describeWithPulumiCli("examples/ with plain pulumi up and destroy", (cli) => {
  jest.setTimeout(600_000);
  let fake: FakeCloud;
  beforeAll(async () => {
    fake = await startFakeCloud({ port: 0 });
  });
  afterAll(async () => fake?.close());
  const configurations = () => fake.admin.dump().buckets.reduce((n, b) => n + b.inventories.length, 0);

  test.each(EXAMPLES)("examples/%s: up creates its %i configuration(s), destroy removes them", async (name, count) => {
    fake.admin.reset();
    const project = await cliProject(cli(), {
      programDir: path.join(ROOT, "examples", name),
      rewrite: (source) => source.replace(/from "\.\.\/\.\.\/sdk"/g, 'from "pulumi-bucket-inventory"'),
    });
    const pulumi = async (...args: string[]) => {
      const result = await runPulumi(cli().executable, args, { cwd: project.workDir, env: project.env });
      if (result.code !== 0) throw new Error(`pulumi ${args.join(" ")} failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
      return result;
    };
    try {
      await pulumi("stack", "init", "dev");
      const secrets = Object.entries(credentialConfig()).map(([key, { value }]) => ["--secret", `${key}=${value}`]);
      await pulumi("config", "set-all", "--plaintext", `bucket-inventory:endpoint=${fake.url}`, ...secrets.flat());
      const up = await pulumi("up", "--yes");
      expect(up.stdout).toContain(`+ ${count + 1} created`); // and the stack itself
      expect(configurations()).toBe(count);
      await pulumi("destroy", "--yes");
      expect(configurations()).toBe(0);
    } finally {
      await project.close();
    }
  });
});
