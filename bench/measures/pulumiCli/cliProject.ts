/**
 * A Pulumi project for the real CLI (bench/out/cli-<n>/, inside the repository so the program imports the package
 * by name through its `exports` self-reference, as the examples do): Pulumi.yaml, index.js running
 * bench/programs/cliProgram.js, and spec.json with the resources. Commands run with a local file backend and no
 * network; each timed command is measured by wall time and by the CPU of its whole process tree (the CLI, the
 * language host, the program, the dynamic-provider host), and the provider host's peak memory is polled from /proc.
 */
import { execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Vendor } from "../../../provider/model/inventoryConfig";
import { BENCH_VENDORS, credentialsOf } from "../../support/benchVendors";
import type { ResourceSpec } from "../../support/hostSession";
import { findProcesses, readChildrenCpuSeconds, readMemory } from "../../support/processMemory";

/** "heavy": the no-op given one more argument as long as our `__provider`, so its state is as large as ours. */
export type ProgramKind = "ours" | "noop" | "heavy";

/** The environment variables each vendor's credentials are read from (provider/resource/credentials.ts). */
const CREDENTIAL_ENV: Record<Vendor, [string, string]> = {
  oss: ["ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET"],
  cos: ["TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY"],
  obs: ["HW_ACCESS_KEY", "HW_SECRET_KEY"],
  s3: ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"],
};

export interface CommandCost {
  wallMs: number;
  /** CPU of the whole process tree, from this process's children times. */
  cpuSeconds?: number;
  /** Peak RSS (VmHWM) of the dynamic-provider host, when one ran and /proc was readable. */
  hostPeakRssBytes?: number;
  /** CPU seconds by process (the CLI, the language host, the program, the provider host), as last seen in /proc. */
  cpuByProcess?: Record<string, number>;
}

/** Which part of a Pulumi run a process is, from its command line. */
function processKind(cmdline: string): string {
  if (cmdline.includes("dynamic-provider")) return "provider host";
  if (cmdline.includes("pulumi-language-nodejs")) return "language host";
  if (/(^|\/)pulumi\0/.test(cmdline)) return "pulumi CLI";
  if (/(^|\/)node\0/.test(cmdline)) return "program";
  return "other";
}

/** CPU seconds of each process in `dir`, by pid, with its kind (Linux /proc; empty elsewhere). */
function processesIn(dir: string, seen: Map<number, { kind: string; cpu: number }>): void {
  for (const pid of findProcesses("", dir)) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const kind = seen.get(pid)?.kind ?? processKind(fs.readFileSync(`/proc/${pid}/cmdline`, "utf8"));
      seen.set(pid, { kind, cpu: (Number(fields[11]) + Number(fields[12])) / 100 });
    } catch {
      // it ended meanwhile
    }
  }
}

/** PATH entries holding pulumi, its nodejs language host and the dynamic-provider plugin; undefined without a CLI. */
export function findPulumiCli(projectRoot: string): string | undefined {
  try {
    return execFileSync("sh", [path.join(projectRoot, "scripts", "pulumi-cli.sh"), "--check"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export class CliProject {
  private stacks = 0;

  private constructor(
    readonly dir: string,
    private readonly backend: string,
    private readonly cliPath: string,
  ) {}

  static create(projectRoot: string, cliPath: string): CliProject {
    const out = path.join(projectRoot, "bench", "out");
    fs.mkdirSync(out, { recursive: true });
    const dir = fs.mkdtempSync(path.join(out, "cli-"));
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: bench-cli\nruntime:\n  name: nodejs\n  options:\n    typescript: false\nmain: index.js\n");
    fs.writeFileSync(path.join(dir, "index.js"), `"use strict";\nrequire(${JSON.stringify(path.join(projectRoot, "bench", "programs", "cliProgram.js"))}).run(__dirname);\n`);
    return new CliProject(dir, fs.mkdtempSync(path.join(os.tmpdir(), "bench-pulumi-backend-")), cliPath);
  }

  declare(kind: ProgramKind, resources: ResourceSpec[], padBytes = 0): void {
    const padded = kind === "heavy" ? resources.map((r) => ({ ...r, args: { ...r.args, pad: "x".repeat(padBytes) } })) : resources;
    fs.writeFileSync(path.join(this.dir, "spec.json"), JSON.stringify({ kind: kind === "heavy" ? "noop" : kind, resources: padded }));
  }

  /** Node 22 (this process's) first, then the CLI; credentials for every vendor only when asked (live checks, up). */
  private env(credentials: boolean): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PATH: [path.dirname(process.execPath), this.cliPath, process.env.PATH ?? ""].join(path.delimiter),
      PULUMI_BACKEND_URL: `file://${this.backend}`,
      PULUMI_CONFIG_PASSPHRASE: "bench",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DIY_BACKEND_NO_LEGACY_WARNING: "true",
    };
    for (const vendor of BENCH_VENDORS) {
      const [idVar, secretVar] = CREDENTIAL_ENV[vendor];
      delete env[idVar];
      delete env[secretVar];
      if (credentials) {
        env[idVar] = credentialsOf(vendor).accessKeyId;
        env[secretVar] = credentialsOf(vendor).secretAccessKey;
      }
    }
    return env;
  }

  /** A new, empty stack; returns its name. */
  async newStack(): Promise<string> {
    const name = `s${++this.stacks}`;
    await this.pulumi(["stack", "init", name], false);
    return name;
  }

  async removeStack(name: string): Promise<void> {
    await this.pulumi(["stack", "rm", name, "--yes", "--force"], false);
  }

  /** `pulumi <args> --non-interactive` on the selected stack, timed; fails with the CLI's last lines. */
  async pulumi(args: string[], credentials: boolean, timeoutMs = 900_000): Promise<CommandCost> {
    const cpu0 = readChildrenCpuSeconds();
    const t0 = performance.now();
    const child = spawn("pulumi", [...args, "--non-interactive"], { cwd: this.dir, env: this.env(credentials), stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const keep = (chunk: Buffer) => (output = (output + chunk.toString("utf8")).slice(-4000));
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    let peak: number | undefined;
    const seen = new Map<number, { kind: string; cpu: number }>();
    const poll = setInterval(() => {
      for (const pid of findProcesses("dynamic-provider", this.dir)) peak = Math.max(peak ?? 0, readMemory(pid)?.peakRssBytes ?? 0);
      processesIn(this.dir, seen);
    }, 250);
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    try {
      const code = await new Promise<number | null>((resolve, reject) => {
        child.once("error", reject);
        child.once("close", (c) => resolve(c));
      });
      if (code !== 0) throw new Error(`pulumi ${args[0]} exited ${code}: ${output.trim().split("\n").slice(-6).join(" | ")}`);
    } finally {
      clearInterval(poll);
      clearTimeout(timer);
    }
    const wallMs = performance.now() - t0;
    const cpu1 = readChildrenCpuSeconds();
    const cpuByProcess: Record<string, number> = {};
    for (const { kind, cpu } of seen.values()) cpuByProcess[kind] = (cpuByProcess[kind] ?? 0) + cpu;
    return { wallMs, cpuSeconds: cpu0 === undefined || cpu1 === undefined ? undefined : cpu1 - cpu0, hostPeakRssBytes: peak || undefined, cpuByProcess };
  }

  /** Length of the first resource's `__provider` input in the selected stack's state (`pulumi stack export`). */
  async providerBytes(): Promise<number> {
    const file = path.join(this.dir, "state.json");
    await this.pulumi(["stack", "export", "--file", file], false);
    const state = JSON.parse(fs.readFileSync(file, "utf8")) as { deployment?: { resources?: { inputs?: { __provider?: string } }[] } };
    const provider = state.deployment?.resources?.find((r) => typeof r.inputs?.__provider === "string")?.inputs?.__provider ?? "";
    return Buffer.byteLength(provider, "utf8");
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
    fs.rmSync(this.backend, { recursive: true, force: true });
  }
}
