/** What the numbers were measured on: they mean little without it. */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export interface MachineFacts {
  date: string;
  cpuModel: string;
  cores: number;
  /** Cores this process may use (cgroup/affinity aware where node knows it). */
  availableParallelism: number;
  memoryBytes: number;
  os: string;
  node: string;
  v8: string;
  pulumi: string;
  commit: string;
  /** 1, 5 and 15 minute load averages when the facts were taken (0s where the OS has none). */
  loadAverage: number[];
}

function packageVersion(projectRoot: string, name: string): string {
  try {
    const file = path.join(projectRoot, "node_modules", ...name.split("/"), "package.json");
    return (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

/** The checked-out commit (read-only git), with "+ local changes" when the tree differs from it. */
function commitOf(projectRoot: string): string {
  try {
    const run = (args: string[]) => execFileSync("git", args, { cwd: projectRoot, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const head = run(["rev-parse", "--short", "HEAD"]);
    // --no-optional-locks: a status must not refresh (write) the index of the checkout it describes.
    const dirty = run(["--no-optional-locks", "status", "--porcelain", "--untracked-files=no"]) !== "";
    return dirty ? `${head} + local changes` : head;
  } catch {
    return "unknown (not a git checkout)";
  }
}

export function machineFacts(projectRoot: string, now = new Date()): MachineFacts {
  const cpus = os.cpus();
  return {
    date: now.toISOString(),
    cpuModel: cpus[0]?.model?.trim() || "unknown",
    cores: cpus.length,
    availableParallelism: typeof os.availableParallelism === "function" ? os.availableParallelism() : cpus.length,
    memoryBytes: os.totalmem(),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    v8: process.versions.v8,
    pulumi: packageVersion(projectRoot, "@pulumi/pulumi"),
    commit: commitOf(projectRoot),
    loadAverage: os.loadavg(),
  };
}
