/**
 * `npm run demo`: the quick start on a local fake cloud, the way `pulumi` runs it. The project's Pulumi.yaml
 * program (examples/quickstart) goes through preview → up → refresh → an inventory run → a mistaken pull request
 * caught at preview → drift made outside Pulumi → refresh → preview → destroy. With a Pulumi CLI (what
 * `sh scripts/pulumi-cli.sh` built or found) the steps are plain CLI commands (cliDemo.ts); without one, the
 * engine-protocol harness drives the dynamic provider host shipped in @pulumi/pulumi instead (harnessDemo.ts).
 * The demo says which path it took, and why.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Vendor } from "../../provider/model/inventoryConfig";
import { cliWalkthrough, type CliDemo } from "./cliDemo";
import { say } from "./demoSteps";
import { startFakeCloudProcess } from "./fakeCloudProcess";
import { harnessWalkthrough } from "./harnessDemo";
import { pulumiCliFromScript, pulumiCliSteps } from "./pulumiCliHint";

const projectRoot = path.resolve(__dirname, "..", "..");
const CONFIG_KEYS: Record<Vendor, [id: string, secret: string]> = {
  oss: ["ossAccessKeyId", "ossAccessKeySecret"],
  cos: ["cosSecretId", "cosSecretKey"],
  obs: ["obsAccessKey", "obsSecretKey"],
  s3: ["s3AccessKeyId", "s3SecretAccessKey"],
};

interface SeedAccount {
  vendor: Vendor;
  accessKeyId: string;
  secretAccessKey: string;
}

export async function main(): Promise<number> {
  const project = readProject();
  const accounts = mainAccounts();
  const credentials = Object.entries(accounts).flatMap(([vendor, a]) => {
    const [idKey, secretKey] = CONFIG_KEYS[vendor as Vendor];
    return [[`bucket-inventory:${idKey}`, a.accessKeyId], [`bucket-inventory:${secretKey}`, a.secretAccessKey]] as [string, string][];
  });
  const cli = pulumiCliFromScript(projectRoot);
  say(
    "pulumi-bucket-inventory quick start",
    `Program: ${path.relative(projectRoot, project.main)} (project ${project.name}, stack dev).`,
    ..."pathEntries" in cli
      ? [`Path taken: the pulumi CLI (${path.join(cli.pathEntries.split(path.delimiter)[0], "pulumi")}), plain commands, local file backend.`]
      : [
          `Path taken: the engine-protocol harness, not the pulumi CLI (${cli.reason}).`,
          "It launches the dynamic provider host shipped in @pulumi/pulumi per operation and drives it over gRPC",
          "(Configure, Check, Diff, Create, Read, Update, Delete) as the Pulumi engine does.",
          ...(cli.reason.includes("scripts/pulumi-cli.sh") ? [] : ["`sh scripts/pulumi-cli.sh` builds the CLI once per machine (about 5 minutes); `npm run demo` then uses it."]),
          "With a pulumi CLI, the same program runs against the fake cloud like this:",
          ...pulumiCliSteps(credentials).map((l) => `    ${l}`),
        ],
  );

  const fake = await startFakeCloudProcess(projectRoot);
  try {
    say("$ bucket-inventory fake-cloud --port 0", `Fake cloud serving OSS, COS, OBS and S3 at ${fake.url} (default seed: two regions and two accounts per vendor).`);
    const demo: Omit<CliDemo, "pathEntries"> = {
      projectRoot, workRoot: process.env.BUCKET_INVENTORY_DEMO_DIR || path.join(projectRoot, ".cache"), projectName: project.name, main: project.main, reviewProgram: path.join(__dirname, "reviewProgram.ts"),
      credentials, ossCredentials: { accessKeyId: accounts.oss.accessKeyId, secretAccessKey: accounts.oss.secretAccessKey }, fakeUrl: fake.url,
    };
    return "pathEntries" in cli ? await cliWalkthrough({ ...demo, pathEntries: cli.pathEntries }) : await harnessWalkthrough(demo);
  } finally {
    const code = await fake.stop();
    console.log(`\nFake cloud stopped (SIGTERM, exit ${code}).`);
  }
}

/** Project name and program from the root Pulumi.yaml, as the CLI reads them. */
function readProject(): { name: string; main: string } {
  const yaml = fs.readFileSync(path.join(projectRoot, "Pulumi.yaml"), "utf8");
  const name = /^name:\s*(\S+)/m.exec(yaml)?.[1] ?? "bucket-inventory-quickstart";
  // `main` names the entry file (a directory also works for the CLI: then its index.ts).
  const main = /^main:\s*(\S+)/m.exec(yaml)?.[1] ?? "examples/quickstart/index.ts";
  return { name, main: path.join(projectRoot, main.endsWith(".ts") ? main : path.join(main, "index.ts")) };
}

/** The first account per vendor in the fake cloud's default seed: the one whose buckets the quick start uses. */
function mainAccounts(): Record<Vendor, SeedAccount> {
  const seed = JSON.parse(fs.readFileSync(path.join(projectRoot, "tests", "fake", "defaultSeed.json"), "utf8")) as { accounts: SeedAccount[] };
  const out: Partial<Record<Vendor, SeedAccount>> = {};
  for (const account of seed.accounts) out[account.vendor] ??= account;
  return out as Record<Vendor, SeedAccount>;
}
