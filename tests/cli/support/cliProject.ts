/**
 * A Pulumi program folder inside the consumer project (the package installed from its `npm pack` tarball, so node
 * resolves the package and @pulumi/pulumi from there as in a user's project), and the environment every CLI run in
 * it gets: the CLI on PATH (after the test process's PATH, whose Node 22 the plugins run on), PULUMI_HOME and a
 * local file backend in a temp folder, the passphrase secrets provider, update checks off, and a variable that
 * marks every process started in this project, so that `close()` finds any still running (an Automation API run
 * a timed-out test left behind), stops it and says so.
 */
import { randomUUID } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { consumerProject } from "../../support/consumerProject";
import { describeProcesses, killAllWith, waitForNone } from "../../support/markedProcesses";
import type { PulumiCli } from "./pulumiCli";

export const PASSPHRASE = "cli-tier-passphrase";
/** The variable that marks the processes started in one project. */
export const PROJECT_MARK = "BUCKET_INVENTORY_CLI_PROJECT";
const INVENTORIES_PROGRAM = path.join(__dirname, "programs", "inventories");

export interface ProgramOptions {
  /** A folder to copy as the program (its Pulumi.yaml and index.ts); default: the `inventories` program. */
  programDir?: string;
  /** Rewrite the copied program's sources, e.g. a repository example's `../../sdk` import to the package name. */
  rewrite?: (source: string, file: string) => string;
  /** Files written after the copy, by name (e.g. a Pulumi.yaml taken from the README). */
  files?: Record<string, string>;
}

export interface CliProject {
  /** The program's folder (Pulumi.yaml); the stack config file Pulumi.<stack>.yaml lands here. */
  workDir: string;
  /** The consumer project's folder (package.json, node_modules). */
  consumerDir: string;
  /** The variables every CLI run gets. */
  env: Record<string, string>;
  /**
   * Removes the folders. A process started here that is still running a few seconds on is killed, with its
   * children, and then reported as an error: every test waits for what it starts.
   */
  close(): Promise<void>;
}

/** Credentials of the developer's environment must not reach the CLI (config or nothing, as the tests decide). */
function scrubEnvironment(): void {
  for (const key of Object.keys(process.env)) {
    if (/^(ALIBABA_CLOUD_|TENCENTCLOUD_|HW_|AWS_|PULUMI_)/.test(key)) delete process.env[key];
  }
}

function copyProgram(from: string, to: string, rewrite?: ProgramOptions["rewrite"]): void {
  for (const file of fs.readdirSync(from)) {
    const source = path.join(from, file);
    if (!fs.statSync(source).isFile() || /^Pulumi\..+\.yaml$/.test(file)) continue;
    const text = fs.readFileSync(source, "utf8");
    fs.writeFileSync(path.join(to, file), rewrite ? rewrite(text, file) : text);
  }
  // A program folder without its own project file (examples/quickstart: the root Pulumi.yaml runs it) gets the
  // equivalent one, naming its entry file.
  const project = path.join(to, "Pulumi.yaml");
  if (!fs.existsSync(project)) {
    const name = `bucket-inventory-${path.basename(from)}`;
    fs.writeFileSync(project, `name: ${name}\nruntime:\n  name: nodejs\n  options:\n    typescript: true\nmain: index.ts\n`);
  }
}

export async function cliProject(cli: PulumiCli, options: ProgramOptions = {}): Promise<CliProject> {
  scrubEnvironment();
  const consumerDir = (await consumerProject()).dir;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "bucket-inventory-cli-stack-"));
  const workDir = fs.mkdtempSync(path.join(consumerDir, "stack-"));
  copyProgram(options.programDir ?? INVENTORIES_PROGRAM, workDir, options.rewrite);
  for (const [name, text] of Object.entries(options.files ?? {})) fs.writeFileSync(path.join(workDir, name), text);
  fs.mkdirSync(path.join(scratch, "backend"));
  const env: Record<string, string> = {
    PATH: cli.envPath,
    PULUMI_HOME: path.join(scratch, "home"),
    PULUMI_BACKEND_URL: `file://${path.join(scratch, "backend")}`,
    PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DIY_BACKEND_NO_LEGACY_WARNING: "true",
    [PROJECT_MARK]: randomUUID(),
  };
  return {
    workDir,
    consumerDir,
    env,
    close: async () => {
      const left = await waitForNone(PROJECT_MARK, env[PROJECT_MARK], 5_000);
      if (left.length > 0) await killAllWith(PROJECT_MARK, env[PROJECT_MARK]);
      fs.rmSync(workDir, { recursive: true, force: true });
      fs.rmSync(scratch, { recursive: true, force: true });
      if (left.length > 0) throw new Error(`still running after the tests of ${workDir} (now killed):${describeProcesses(left)}`);
    },
  };
}
