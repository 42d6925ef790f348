/**
 * `pulumi <args>` as typed at a shell, non-interactive, in a folder and an environment of the caller's choosing;
 * resolves with the exit code (or signal) and everything printed. `kill()` stops it mid-way (the interrupted-up
 * scenario). A run that outlives its time limit is killed, so no test waits forever.
 *
 * Killing the CLI alone would orphan what it started: its language host and the dynamic-provider hosts run in
 * their own process groups and do not notice their parent's death (an orphaned provider host listens forever).
 * So each run carries a variable of its own in its environment, which every process it starts inherits, and a
 * kill ends all of them, as when a CI runner's job dies with everything in it.
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { killAllWith } from "../../support/markedProcesses";

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** `kill()` SIGKILLs the CLI and every process it started, and resolves once they are all gone. */
export type RunningPulumi = Promise<RunResult> & { kill(): Promise<void> };

export interface RunOptions {
  cwd: string;
  env: Record<string, string>;
  timeoutMs?: number;
}

/** The variable that marks one run's processes. */
export const RUN_MARK = "BUCKET_INVENTORY_PULUMI_RUN";

export function runPulumi(executable: string, args: string[], options: RunOptions): RunningPulumi {
  const mark = randomUUID();
  const child = spawn(executable, [...args, "--non-interactive"], {
    cwd: options.cwd, env: { ...process.env, ...options.env, [RUN_MARK]: mark }, stdio: ["ignore", "pipe", "pipe"],
  });
  const kill = async (): Promise<void> => {
    child.kill("SIGKILL"); // the CLI first, by its pid: its exit is what the caller awaits
    await killAllWith(RUN_MARK, mark);
  };
  const done = new Promise<RunResult>((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const timer = setTimeout(() => void kill(), options.timeoutMs ?? 300_000);
    child.once("error", reject);
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
  return Object.assign(done, { kill });
}
