/**
 * Scenario 8: what the README's "With the Pulumi CLI" section tells a user to type is what this test types, line by
 * line, in a project that installed the packed package, with the README's Pulumi.yaml and the quick start as its
 * program. Every line of the section's shell blocks is typed or the test fails naming it; the only changes are the
 * fake cloud's port (0, not 9000, so parallel runs cannot collide: the URL it prints replaces the README's) and the
 * placeholders of the real-cloud block. Against a real cloud nothing beyond the config commands can run here (no
 * network): those lines are typed, the preview/up/... that would follow are the same commands as above.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as readline from "node:readline";
import { ROOT } from "../support/consumerProject";
import { cliProject, type CliProject } from "./support/cliProject";
import { describeWithPulumiCli } from "./support/pulumiCli";
import { runPulumi } from "./support/runPulumi";

const README = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");

/** The section's fenced blocks, in order. */
function sectionBlocks(title: string): { lang: string; text: string }[] {
  const start = README.indexOf(`\n## ${title}\n`);
  const end = README.indexOf("\n## ", start + 1);
  expect(start).toBeGreaterThan(0);
  const section = README.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], text: m[2] }));
}

/** Lines as typed: comments dropped. */
const commandLines = (text: string) => text.split("\n").map((l) => l.replace(/\s+#.*$/, "").trim()).filter((l) => l && !l.startsWith("#"));

/** How many inventory configurations the fake holds, through its admin API. */
async function configurationsOn(url: string): Promise<number> {
  const state = (await (await fetch(`${url}/__fake/state`)).json()) as { buckets: { inventories: string[] }[] };
  return state.buckets.reduce((n, b) => n + b.inventories.length, 0);
}

function startFakeCloud(project: CliProject): Promise<{ url: string; child: ChildProcess }> {
  const bin = path.join(project.consumerDir, "node_modules", ".bin", "bucket-inventory");
  const child = spawn(bin, ["fake-cloud", "--port", "0"], { cwd: project.workDir, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).once("line", (line) => resolve({ url: (JSON.parse(line) as { url: string }).url, child }));
    child.once("exit", (code) => reject(new Error(`fake cloud exited (${code}) before printing its URL`)));
  });
}

describeWithPulumiCli("the README's commands for the Pulumi CLI", (cli) => {
  jest.setTimeout(600_000);
  const blocks = sectionBlocks("With the Pulumi CLI");
  let project: CliProject;
  let fake: { url: string; child: ChildProcess } | undefined;
  beforeAll(async () => {
    const pulumiYaml = blocks.find((b) => b.lang === "yaml")!.text;
    project = await cliProject(cli(), {
      programDir: path.join(ROOT, "examples", "quickstart"),
      rewrite: (source) => source.replace(/from "\.\.\/\.\.\/sdk"/g, 'from "pulumi-bucket-inventory"'),
      files: { "Pulumi.yaml": pulumiYaml },
    });
  }, 600_000);
  afterAll(async () => {
    const child = fake?.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    await project?.close();
  });

  test("the section has the install line, a Pulumi.yaml naming its entry file, and the fake-cloud and real-cloud blocks", () => {
    expect(blocks.map((b) => b.lang)).toEqual(["sh", "yaml", "sh", "sh"]);
    expect(blocks[1].text).toMatch(/^main: index\.ts$/m);
    const installed = JSON.parse(fs.readFileSync(path.join(project.consumerDir, "package.json"), "utf8")).dependencies;
    expect(commandLines(blocks[0].text)).toEqual([`npm install ${Object.keys(installed).join(" ")}`]);
  });

  test("every line against the fake cloud, as typed, with the effects the comments promise", async () => {
    const env = { ...project.env };
    const typed: string[] = [];
    for (const line of commandLines(blocks[2].text)) {
      typed.push(line);
      if (line === "npx bucket-inventory fake-cloud --port 9000 &") {
        fake = await startFakeCloud(project);
      } else if (line.startsWith("mkdir -p ")) {
        fs.mkdirSync(path.join(project.workDir, line.slice("mkdir -p ".length)), { recursive: true });
      } else if (line.startsWith("export ")) {
        for (const [, key, value] of line.slice(7).matchAll(/(\w+)=(\S+)/g)) env[key] = value.replace("$PWD", project.workDir);
      } else if (line.startsWith("pulumi ")) {
        const args = line.slice(7).replaceAll("http://127.0.0.1:9000", fake!.url).split(/\s+/);
        const result = await runPulumi(cli().executable, args, { cwd: project.workDir, env });
        if (result.code !== 0) throw new Error(`README line failed (exit ${result.code}): ${line}\n${result.stdout}\n${result.stderr}`);
        if (line === "pulumi up --yes") expect(await configurationsOn(fake!.url)).toBe(4); // the quick start's four
        if (line === "pulumi destroy --yes") expect(await configurationsOn(fake!.url)).toBe(0);
      } else {
        throw new Error(`a README line this test does not know how to type: ${line}`);
      }
    }
    expect(typed).toContain("pulumi destroy --yes");
    expect(fs.existsSync(path.join(project.workDir, ".pulumi-state", ".pulumi"))).toBe(true);
  });

  test("the real-cloud block's config lines, as typed (placeholders filled)", async () => {
    const env = { ...project.env, PULUMI_BACKEND_URL: `file://${path.join(project.workDir, ".pulumi-state")}`, PULUMI_CONFIG_PASSPHRASE: "dev" };
    for (const line of commandLines(blocks[3].text)) {
      expect(line).toMatch(/^pulumi config (rm|set --secret) bucket-inventory:\w+/);
      const args = line.slice(7).replace(/<[^>]+>/g, "placeholder-value").split(/\s+/);
      const result = await runPulumi(cli().executable, args, { cwd: project.workDir, env });
      expect({ line, code: result.code, stderr: result.stderr }).toEqual({ line, code: 0, stderr: "" });
    }
    const config = await runPulumi(cli().executable, ["config", "--json"], { cwd: project.workDir, env });
    expect(Object.keys(JSON.parse(config.stdout))).not.toContain("bucket-inventory:endpoint");
  });
});
