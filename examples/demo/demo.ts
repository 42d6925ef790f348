/**
 * `npm run demo`: the quick start on a local fake cloud, run the way `pulumi` runs it. The project's Pulumi.yaml
 * program (examples/quickstart) goes through preview → up → refresh → an inventory run → a mistaken pull request
 * caught at preview → drift made outside
 * Pulumi → refresh → preview → destroy, driven through the real dynamic provider host from @pulumi/pulumi over
 * gRPC (the engine-protocol harness in tests/engine/harness), printing what a Pulumi user would see.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Engine } from "../../tests/engine/harness/engine";
import { printOperation } from "../../tests/engine/harness/planPrinter";
import { secret } from "../../tests/engine/harness/propertyValues";
import type { PropertyMap } from "../../tests/engine/harness/pulumiRpc";
import type { OperationResult } from "../../tests/engine/harness/steps";
import type { Vendor } from "../../provider/model/inventoryConfig";
import { FakeCloudAdminApi } from "./fakeCloudAdmin";
import { startFakeCloudProcess, type FakeCloudProcess } from "./fakeCloudProcess";
import { showInventoryReport } from "./inventoryReport";
import { findPulumiCli, pulumiCliSteps } from "./pulumiCliHint";

const projectRoot = path.resolve(__dirname, "..", "..");
const STACK = "dev";
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
  const cli = findPulumiCli();
  say(
    "pulumi-bucket-inventory quick start",
    `Program: ${path.relative(projectRoot, project.main)} (project ${project.name}, stack ${STACK}).`,
    cli
      ? `A pulumi CLI is on PATH (${cli}); this demo still takes the engine-protocol path below, so it runs the same everywhere.`
      : "No pulumi CLI on PATH: this demo takes the engine-protocol path.",
    "Path taken: the dynamic provider host shipped in @pulumi/pulumi, launched per operation and driven over gRPC",
    "(Configure, Check, Diff, Create, Read, Update, Delete) exactly as the Pulumi engine drives it.",
    "",
    "With the pulumi CLI, the same program runs against the fake cloud like this:",
    ...pulumiCliSteps(credentials).map((l) => `    ${l}`),
  );

  const fake = await startFakeCloudProcess(projectRoot);
  let engine: Engine | undefined;
  try {
    say("$ bucket-inventory fake-cloud --port 0", `Fake cloud serving OSS, COS, OBS and S3 at ${fake.url} (default seed: two regions and two accounts per vendor).`);
    const config: PropertyMap = { "bucket-inventory:endpoint": fake.url };
    for (const [key, value] of credentials) config[key] = secret(value);
    say(
      "Stack config",
      `    bucket-inventory:endpoint: ${fake.url}`,
      ...credentials.map(([key]) => `    ${key}: [secret]`),
    );
    const stateDir = path.join(projectRoot, ".cache", "demo-state");
    fs.rmSync(path.join(stateDir, `${STACK}.json`), { force: true });
    engine = await Engine.start({ projectRoot, project: project.name, stack: STACK, stateDir, config });
    return await walkthrough(engine, fake, project.main, accounts);
  } finally {
    await engine?.close();
    const code = await fake.stop();
    console.log(`\nFake cloud stopped (SIGTERM, exit ${code}).`);
  }
}

async function walkthrough(engine: Engine, fake: FakeCloudProcess, main: string, accounts: Record<Vendor, SeedAccount>): Promise<number> {
  const program = { module: main };
  const results: OperationResult[] = [];
  const show = (command: string, result: OperationResult) => {
    results.push(result);
    say(`$ ${command}`, printOperation(result, engine.stack));
  };
  show("pulumi preview --diff", await engine.preview(program));
  show("pulumi up", await engine.up(program));
  say("Outputs", ...engine.state.resources.map((r) => `    ${r.name}: resourceId ${JSON.stringify(r.outputs.resourceId)}`));
  show("pulumi refresh", await engine.refresh());

  const ossResource = engine.state.resources.find((r) => r.outputs.vendor === "oss");
  if (ossResource) {
    const { region, bucket, inventoryId } = ossResource.outputs as { region: string; bucket: string; inventoryId: string };
    const credentials = { accessKeyId: accounts.oss.accessKeyId, secretAccessKey: accounts.oss.secretAccessKey };
    say("Inventory run on the fake cloud", ...(await showInventoryReport({ url: fake.url, credentials, region, source: bucket, inventoryId })));
  }

  const review = await engine.preview({ module: path.join(__dirname, "reviewProgram.ts") });
  say(
    "$ pulumi preview --diff   (a pull request adding three inventories, with mistakes: caught before merge)",
    printOperation(review, engine.stack),
  );
  if (review.ok) results.push({ ...review, ok: false, error: "the review preview should have refused the mistaken program" });

  say("Drift: changes made outside Pulumi (fake cloud admin API)", ...(await makeDrift(engine, fake.url)));
  show("pulumi refresh", await engine.refresh());
  show("pulumi preview --diff   (what `pulumi up` would do to bring the program's configuration back)", await engine.preview(program));
  show("pulumi destroy", await engine.destroy());

  const failed = results.filter((r) => !r.ok);
  console.log(`\n${closingLine(failed, review)}`);
  return failed.length === 0 ? 0 : 1;
}

/** What happened, in one line: the review preview is meant to fail, so its failure is reported as intended. */
export function closingLine(failed: OperationResult[], review: OperationResult): string {
  if (failed.length > 0) return `${failed.length} step(s) went wrong: ${failed.map((r) => r.error).join("; ")}`;
  const caught = review.steps.reduce((n, step) => n + step.failures.length, 0);
  return `The review preview failed as intended (${caught} mistake(s) caught before merge, nothing written); every other step succeeded.`;
}

interface Located {
  vendor: Vendor;
  bucket: string;
  inventoryId: string;
}

/**
 * As someone at a console might: disables one configuration and moves its reports to another prefix (the OSS one
 * when there is one), and deletes another.
 */
async function makeDrift(engine: Engine, url: string): Promise<string[]> {
  const admin = new FakeCloudAdminApi(url);
  const resources = [...engine.state.resources];
  const lines: string[] = [];
  const edited = resources.find((r) => r.outputs.vendor === "oss") ?? resources[0];
  if (edited) {
    const at = edited.outputs as unknown as Located;
    const route = `/__fake/inventories/${at.vendor}/${at.bucket}/${at.inventoryId}`;
    const xml = await admin.getInventoryXml(at.vendor, at.bucket, at.inventoryId);
    const changed = xml.replace("<IsEnabled>true</IsEnabled>", "<IsEnabled>false</IsEnabled>").replace("<Prefix>inventory/</Prefix>", "<Prefix>inventory/moved/</Prefix>");
    await admin.putInventoryXml(at.vendor, at.bucket, at.inventoryId, changed);
    lines.push(`    ${edited.name}: disabled, reports moved to prefix "inventory/moved/" (PUT ${route})`);
  }
  const deleted = resources.find((r) => r !== edited);
  if (deleted) {
    const at = deleted.outputs as unknown as Located;
    await admin.deleteInventory(at.vendor, at.bucket, at.inventoryId);
    lines.push(`    ${deleted.name}: deleted (DELETE /__fake/inventories/${at.vendor}/${at.bucket}/${at.inventoryId})`);
  }
  return lines;
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

function say(title: string, ...lines: string[]): void {
  console.log(`\n==> ${title}\n`);
  for (const line of lines) console.log(line);
}
