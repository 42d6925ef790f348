/**
 * A Pulumi stack driven by the real `pulumi` CLI, the way TypeScript users drive Pulumi from code: Automation API
 * (LocalWorkspace) over a program in the consumer project (the package installed from its `npm pack` tarball), a
 * local file backend and PULUMI_HOME in a temp folder, the passphrase secrets provider, update checks off, and the
 * fake cloud (default seed) on port 0 in this process. `run()` types plain CLI commands in the same folder and
 * environment, for what a user types rather than codes.
 *
 *   const s = await startCliStack(cli);             // one per test file; s.close() after
 *   await s.declare([{ name: "oss-daily", args: inventoryArgs("oss", s.fake.url) }]);
 *   await s.stack.up({ onEvent: s.events.record });
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { LocalWorkspace, PulumiCommand, type Stack } from "@pulumi/pulumi/automation";
import { startFakeCloud, type FakeCloud, type LoggedRequest } from "../../fake";
import type { Vendor } from "../../../provider/model/inventoryConfig";
import { consumerProject } from "./consumerProject";
import type { PulumiCli } from "./pulumiCli";
import { seedCredentials } from "./seedCredentials";

export const PASSPHRASE = "cli-tier-passphrase";

/** A resource of the `inventories` program: `secretArgs` are wrapped in pulumi.secret() by the program. */
export interface Declared {
  name: string;
  args: Record<string, unknown>;
  secretArgs?: string[];
}

export interface CliStackOptions {
  /** A folder to copy as the program (its Pulumi.yaml and index.ts); default: the `inventories` program. */
  programDir?: string;
  /** Rewrite the copied program's sources, e.g. a repository example's `../../sdk` import to the package name. */
  rewrite?: (source: string, file: string) => string;
  /** Set every vendor's main seed credentials as secret stack config (default true). */
  credentials?: boolean;
  /** Set bucket-inventory:endpoint to the fake's URL (default true). */
  endpointConfig?: boolean;
  /** Share a fake cloud; by default the stack starts its own. */
  fake?: FakeCloud;
  stackName?: string;
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliStack {
  stack: Stack;
  fake: FakeCloud;
  /** The program's folder (Pulumi.yaml); the stack config file Pulumi.<stack>.yaml lands here. */
  workDir: string;
  /** The variables every CLI run gets (backend, passphrase, PULUMI_HOME, PATH). */
  env: Record<string, string>;
  /** The `inventories` program: the resources it declares from the next run on. */
  declare(resources: Declared[]): Promise<void>;
  /** `pulumi <args>` in workDir, as typed at a shell (non-interactive); resolves with the exit and output. */
  run(args: string[], options?: { timeoutMs?: number; onStdout?: (text: string) => void }): Promise<RunResult> & { kill(signal: NodeJS.Signals): void };
  /** Requests that changed something on the fake (anything but GET and HEAD), since the last clearRequests(). */
  writes(): LoggedRequest[];
  close(): Promise<void>;
}

const INVENTORIES_PROGRAM = path.join(__dirname, "programs", "inventories");
let stacks = 0;

/** Credentials of the developer's environment must not reach the CLI (config or nothing, as the tests decide). */
function scrubEnvironment(): void {
  for (const key of Object.keys(process.env)) {
    if (/^(ALIBABA_CLOUD_|TENCENTCLOUD_|HW_|AWS_|PULUMI_)/.test(key)) delete process.env[key];
  }
}

function copyProgram(from: string, to: string, rewrite?: CliStackOptions["rewrite"]): void {
  fs.mkdirSync(to, { recursive: true });
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

export async function startCliStack(cli: PulumiCli, options: CliStackOptions = {}): Promise<CliStack> {
  scrubEnvironment();
  const consumer = await consumerProject();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "bucket-inventory-cli-stack-"));
  // The program lives inside the consumer project, so node resolves the package and @pulumi/pulumi from there.
  const workDir = fs.mkdtempSync(path.join(consumer, "stack-"));
  copyProgram(options.programDir ?? INVENTORIES_PROGRAM, workDir, options.rewrite);
  fs.mkdirSync(path.join(scratch, "backend"));
  const env: Record<string, string> = {
    PATH: cli.envPath,
    PULUMI_HOME: path.join(scratch, "home"),
    PULUMI_BACKEND_URL: `file://${path.join(scratch, "backend")}`,
    PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DIY_BACKEND_NO_LEGACY_WARNING: "true",
  };
  const fake = options.fake ?? (await startFakeCloud({ port: 0 }));
  const pulumiCommand = await PulumiCommand.get({ root: path.dirname(path.dirname(cli.executable)) });
  const stackName = options.stackName ?? `cli${process.pid}x${++stacks}`;
  const stack = await LocalWorkspace.createOrSelectStack({ stackName, workDir }, { workDir, envVars: env, pulumiCommand });
  if (options.endpointConfig !== false) await stack.setConfig("bucket-inventory:endpoint", { value: fake.url });
  if (options.credentials !== false) await stack.setAllConfig(credentialConfig());

  const run: CliStack["run"] = (args, runOptions = {}) => {
    const child = spawn(cli.executable, [...args, "--non-interactive"], { cwd: workDir, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    const done = new Promise<RunResult>((resolve, reject) => {
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString("utf8");
        runOptions.onStdout?.(chunk.toString("utf8"));
      });
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
      const timer = setTimeout(() => child.kill("SIGKILL"), runOptions.timeoutMs ?? 240_000);
      child.once("error", reject);
      child.once("close", (code, signal) => {
        clearTimeout(timer);
        resolve({ code, signal, stdout, stderr });
      });
    });
    return Object.assign(done, { kill: (signal: NodeJS.Signals) => void child.kill(signal) });
  };

  return {
    stack,
    fake,
    workDir,
    env,
    declare: (resources) => stack.setConfig("test:resources", { value: JSON.stringify(resources) }),
    run,
    writes: () => fake.admin.requests().filter((r) => r.method !== "GET" && r.method !== "HEAD"),
    close: async () => {
      if (!options.fake) await fake.close();
      fs.rmSync(workDir, { recursive: true, force: true });
      fs.rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/** Every vendor's main seed account as `pulumi config set --secret bucket-inventory:<key> <value>` would hold it. */
export function credentialConfig(vendors: Vendor[] = ["oss", "cos", "obs", "s3"]): Record<string, { value: string; secret: boolean }> {
  const config: Record<string, { value: string; secret: boolean }> = {};
  for (const { key, value } of seedCredentials(vendors)) config[key] = { value, secret: true };
  return config;
}

/**
 * One stack per test file, started before its tests (each CLI run takes seconds, so tests get a generous timeout)
 * and closed after. Fields are filled in beforeAll.
 */
export function useCliStack(cli: () => PulumiCli, options: CliStackOptions = {}): CliStack {
  jest.setTimeout(600_000);
  const holder = {} as CliStack;
  beforeAll(async () => {
    Object.assign(holder, await startCliStack(cli(), options));
  }, 600_000);
  afterAll(async () => holder.close?.());
  return holder;
}
