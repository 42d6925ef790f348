/**
 * `pulumi <args>` as typed at a shell, non-interactive, in a folder and an environment of the caller's choosing;
 * resolves with the exit code (or signal) and everything printed. `kill()` stops it mid-way (the interrupted-up
 * scenario). A run that outlives its time limit is killed, so no test waits forever.
 */
import { spawn } from "node:child_process";

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export type RunningPulumi = Promise<RunResult> & { kill(signal: NodeJS.Signals): void };

export interface RunOptions {
  cwd: string;
  env: Record<string, string>;
  timeoutMs?: number;
}

export function runPulumi(executable: string, args: string[], options: RunOptions): RunningPulumi {
  const child = spawn(executable, [...args, "--non-interactive"], {
    cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ["ignore", "pipe", "pipe"],
  });
  const done = new Promise<RunResult>((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 300_000);
    child.once("error", reject);
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
  return Object.assign(done, { kill: (signal: NodeJS.Signals) => void child.kill(signal) });
}
