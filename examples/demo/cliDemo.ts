/**
 * The demo with the real `pulumi` CLI (what `sh scripts/pulumi-cli.sh` built): the quick start program through
 * plain CLI commands, each printed with what the CLI printed. The project lives in <workRoot>/demo-cli (a
 * Pulumi.yaml whose `main` is the repository's program, a local file backend, PULUMI_HOME), so nothing is written
 * elsewhere; the state stays there for inspection.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Vendor } from "../../provider/model/inventoryConfig";
import { locate, makeDrift, say, type Located } from "./demoSteps";
import { showInventoryReport } from "./inventoryReport";

export interface CliDemo {
  projectRoot: string;
  /** Where the demo keeps its project and state: .cache in the repository, or $BUCKET_INVENTORY_DEMO_DIR. */
  workRoot: string;
  projectName: string;
  /** The program's entry file (absolute). */
  main: string;
  reviewProgram: string;
  /** `bucket-inventory:<key>` and value, for `pulumi config set --secret`. */
  credentials: [key: string, value: string][];
  ossCredentials: { accessKeyId: string; secretAccessKey: string };
  fakeUrl: string;
  /** PATH entries holding pulumi (scripts/pulumi-cli.sh). */
  pathEntries: string;
}

interface Outcome {
  code: number | null;
  output: string;
}

/** A folder inside the repository as a relative path, anywhere else as it is. */
function shown(root: string, dir: string): string {
  const relative = path.relative(root, dir);
  return relative.startsWith("..") || path.isAbsolute(relative) ? dir : relative;
}

function projectFile(name: string, main: string): string {
  return `name: ${name}\nruntime:\n  name: nodejs\n  options:\n    typescript: true\nmain: ${main}\n`;
}

export async function cliWalkthrough(demo: CliDemo): Promise<number> {
  const dir = path.join(demo.workRoot, "demo-cli");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, "state"), { recursive: true });
  const setMain = (file: string) => fs.writeFileSync(path.join(dir, "Pulumi.yaml"), projectFile(demo.projectName, path.relative(dir, file)));
  setMain(demo.main);
  const env = {
    ...process.env,
    PATH: `${demo.pathEntries}${path.delimiter}${process.env.PATH ?? ""}`,
    PULUMI_HOME: path.join(dir, "home"),
    PULUMI_BACKEND_URL: `file://${path.join(dir, "state")}`,
    PULUMI_CONFIG_PASSPHRASE: "demo",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DIY_BACKEND_NO_LEGACY_WARNING: "true",
  };
  const run = (args: string[]) =>
    new Promise<Outcome>((resolve) => {
      execFile("pulumi", [...args, "--non-interactive"], { cwd: dir, env, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, output: `${stdout}${stderr}`.trimEnd() });
      });
    });
  const failed: string[] = [];
  const step = async (args: string[], shown = `pulumi ${args.join(" ")}`, note = ""): Promise<Outcome> => {
    const outcome = await run(args);
    say(`$ ${shown}${note}`, outcome.output);
    if (outcome.code !== 0) failed.push(shown);
    return outcome;
  };

  await step(["stack", "init", "dev"]);
  await step(["config", "set", "bucket-inventory:endpoint", demo.fakeUrl]);
  for (const [key, value] of demo.credentials) await step(["config", "set", "--secret", key, value], `pulumi config set --secret ${key} ********`);
  await step(["preview"]);
  await step(["up", "--yes"]);
  await step(["refresh", "--yes"]);

  const ids = JSON.parse((await run(["stack", "output", "resourceIds", "--json"])).output || "[]") as string[];
  const located: Located[] = ids.map((id) => locate(id, id));
  const oss = located.find((r) => r.vendor === ("oss" as Vendor));
  if (oss) {
    const target = { url: demo.fakeUrl, credentials: demo.ossCredentials, region: oss.region, source: oss.bucket, inventoryId: oss.inventoryId };
    say("Inventory run on the fake cloud", ...(await showInventoryReport(target)));
  }

  setMain(demo.reviewProgram);
  const review = await run(["preview", "--diff"]);
  setMain(demo.main);
  say(
    "$ pulumi preview --diff   (a pull request adding three inventories, with mistakes: caught before merge)",
    review.output,
    "",
    "(The engine stops a preview at the first resource whose check fails and shows all of that resource's failures;",
    "fix them and the next preview shows the next resource's.)",
  );
  if (review.code === 0) failed.push("the review preview passed, though its program is mistaken");

  say("Drift: changes made outside Pulumi (fake cloud admin API)", ...(await makeDrift(demo.fakeUrl, located)));
  await step(["refresh", "--yes"]);
  await step(["preview", "--diff"], "pulumi preview --diff", "   (what `pulumi up` would do to bring the program's configuration back)");
  await step(["destroy", "--yes"]);

  const caught = new Set(review.output.match(/has a problem: .*/g) ?? []).size;
  console.log(
    failed.length > 0
      ? `\n${failed.length} step(s) went wrong: ${failed.join("; ")}`
      : `\nThe review preview failed as intended (${caught} mistake(s) shown, nothing written); every other step succeeded. State: ${shown(demo.projectRoot, dir)}`,
  );
  return failed.length === 0 ? 0 : 1;
}
