/**
 * A Pulumi stack driven by the real `pulumi` CLI, the way TypeScript users drive Pulumi from code: Automation API
 * (LocalWorkspace) over a program in the consumer project (cliProject.ts), and the fake cloud (default seed) on
 * port 0 in this process, with its URL and every vendor's seed credentials (as secrets) in the stack config.
 * `run()` types plain CLI commands in the same folder and environment, for what a user types rather than codes.
 *
 *   describeWithPulumiCli("my scenario", (cli) => {
 *     const s = useCliStack(cli);                    // one stack and fake per file, closed after
 *     test("...", async () => {
 *       await s.declare([{ name: "oss-daily", args: inventoryArgs("oss", s.fake.url) }]);
 *       const events = new EngineEvents();
 *       await s.stack.up({ onEvent: events.record });
 *     });
 *   });
 */
import * as path from "node:path";
import { LocalWorkspace, PulumiCommand, type Stack } from "@pulumi/pulumi/automation";
import { startFakeCloud, type FakeCloud, type LoggedRequest } from "../../fake";
import type { Vendor } from "../../../provider/model/inventoryConfig";
import { cliProject, type ProgramOptions } from "./cliProject";
import type { PulumiCli } from "./pulumiCli";
import { runPulumi, type RunningPulumi } from "./runPulumi";
import { seedCredentials } from "./seedCredentials";

/** A resource of the `inventories` program: `secretArgs` are wrapped in pulumi.secret() by the program. */
export interface Declared {
  name: string;
  args: Record<string, unknown>;
  secretArgs?: string[];
}

export interface CliStackOptions extends ProgramOptions {
  /** Set every vendor's main seed credentials as secret stack config (default true). */
  credentials?: boolean;
  /** Set bucket-inventory:endpoint to the fake's URL (default true). */
  endpointConfig?: boolean;
  /** Share a fake cloud; by default the stack starts its own. */
  fake?: FakeCloud;
  stackName?: string;
}

export interface CliStack {
  stack: Stack;
  fake: FakeCloud;
  /** The program's folder (Pulumi.yaml); the stack config file Pulumi.<stack>.yaml lands here. */
  workDir: string;
  /** The variables every CLI run gets (backend, passphrase, PULUMI_HOME, PATH). */
  env: Record<string, string>;
  /**
   * The `inventories` program: the resources it declares from the next run on, as the stack config `test:resources`
   * (`secret`: set with --secret, for arguments that must not stand in the config in clear; the engine keeps the
   * whole stack config in the state, as the default provider's inputs).
   */
  declare(resources: Declared[], options?: { secret?: boolean }): Promise<void>;
  /** `pulumi <args>` in workDir, as typed at a shell (non-interactive); resolves with the exit and output. */
  run(args: string[], options?: { timeoutMs?: number }): RunningPulumi;
  /** Requests that changed something on the fake (anything but GET and HEAD), since the last clearRequests(). */
  writes(): LoggedRequest[];
  close(): Promise<void>;
}

let stacks = 0;

export async function startCliStack(cli: PulumiCli, options: CliStackOptions = {}): Promise<CliStack> {
  const project = await cliProject(cli, options);
  const { workDir, env } = project;
  const fake = options.fake ?? (await startFakeCloud({ port: 0 }));
  const pulumiCommand = await PulumiCommand.get({ root: path.dirname(path.dirname(cli.executable)) });
  const stackName = options.stackName ?? `cli${process.pid}x${++stacks}`;
  const stack = await LocalWorkspace.createOrSelectStack({ stackName, workDir }, { workDir, envVars: env, pulumiCommand });
  if (options.endpointConfig !== false) await stack.setConfig("bucket-inventory:endpoint", { value: fake.url });
  if (options.credentials !== false) await stack.setAllConfig(credentialConfig());

  const run: CliStack["run"] = (args, runOptions = {}) => runPulumi(cli.executable, args, { cwd: workDir, env, ...runOptions });

  return {
    stack,
    fake,
    workDir,
    env,
    declare: (resources, declareOptions = {}) =>
      stack.setConfig("test:resources", { value: JSON.stringify(resources), secret: declareOptions.secret === true }),
    run,
    writes: () => fake.admin.requests().filter((r) => r.method !== "GET" && r.method !== "HEAD"),
    close: async () => {
      try {
        await project.close();
      } finally {
        if (!options.fake) await fake.close();
      }
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
