/**
 * The real `pulumi` CLI for the tests/cli tier, as `sh scripts/pulumi-cli.sh --check` finds it (a pulumi on PATH
 * that is new enough, or the one the script built into the machine's cache). Nothing is built here: without a CLI
 * the tier is skipped with one line saying how to get it, except under CI=true, where that is a failure.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ROOT } from "../../support/consumerProject";

export interface PulumiCli {
  /** PATH entries that hold pulumi, its nodejs language host and the dynamic-provider plugin. */
  pathEntries: string;
  /** The pulumi executable. */
  executable: string;
  /** `PATH` for every CLI run: these entries, then the test process's PATH (Node 22 first under npm test). */
  envPath: string;
}

const GET_IT = "run `sh scripts/pulumi-cli.sh` once (builds pulumi from the Go module proxy into ~/.cache, about 5 minutes)";

let found: { cli?: PulumiCli; reason?: string } | undefined;

export function findPulumiCli(): { cli?: PulumiCli; reason?: string } {
  if (found) return found;
  const script = path.join(ROOT, "scripts", "pulumi-cli.sh");
  try {
    const pathEntries = execFileSync("sh", [script, "--check"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
    const executable = pathEntries.split(path.delimiter).map((dir) => path.join(dir, "pulumi")).find((p) => fs.existsSync(p));
    if (!executable) throw Object.assign(new Error("no pulumi in the entries it printed"), { stderr: pathEntries });
    found = { cli: { pathEntries, executable, envPath: `${pathEntries}${path.delimiter}${process.env.PATH ?? ""}` } };
  } catch (error) {
    const said = String((error as { stderr?: string }).stderr ?? "").trim().split("\n").pop();
    found = { reason: said || (error as Error).message };
  }
  return found;
}

/** Once per jest run (workers share the parent's pid), however many files of the tier are skipped. */
function sayOnce(line: string): void {
  const marker = path.join(os.tmpdir(), `bucket-inventory-cli-skip-${process.ppid}`);
  try {
    fs.writeFileSync(marker, line, { flag: "wx" });
  } catch {
    return;
  }
  process.stderr.write(`${line}\n`);
}

/**
 * `describe` for a file of the tier. With a CLI: the tests run and get it. Without: under CI=true one failing test
 * says why; elsewhere the file is skipped and one line (per run) says why and how to get the CLI.
 */
export function describeWithPulumiCli(title: string, body: (cli: () => PulumiCli) => void): void {
  const { cli, reason } = findPulumiCli();
  if (cli) {
    describe(title, () => body(() => cli));
    return;
  }
  const how = reason?.includes("scripts/pulumi-cli.sh") ? "" : `; ${GET_IT}`;
  const why = `tests/cli (the real-CLI tier): ${reason?.replace(/^pulumi-cli: /, "")}${how}`;
  if (process.env.CI === "true") {
    test(`${title}: needs the pulumi CLI`, () => {
      throw new Error(`${why}. Under CI=true the real-CLI tier must run.`);
    });
    return;
  }
  sayOnce(`${why}. Skipped.`);
  describe.skip(title, () => body(() => undefined as unknown as PulumiCli));
}
