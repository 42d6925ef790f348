/**
 * The fake cloud as a user starts it: `bucket-inventory fake-cloud --port 0` (default seed, state in memory), ready
 * when it prints its one JSON line `{"url": ...}`; stopped with SIGTERM, on which it flushes and exits 0.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as path from "node:path";
import * as readline from "node:readline";

export interface FakeCloudProcess {
  url: string;
  stop(): Promise<number | null>;
}

export async function startFakeCloudProcess(projectRoot: string): Promise<FakeCloudProcess> {
  const bin = path.join(projectRoot, "bin", "bucket-inventory.js");
  const child = spawn(process.execPath, [bin, "fake-cloud", "--port", "0"], { cwd: projectRoot, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    lines.once("line", (line) => {
      try {
        resolve(String((JSON.parse(line) as { url: unknown }).url));
      } catch {
        reject(new Error(`fake cloud printed ${JSON.stringify(line)} instead of {"url": ...}`));
      }
    });
    child.once("exit", (code) => reject(new Error(`fake cloud exited (${code}) before it was ready: ${stderr.trim()}`)));
  });
  return { url, stop: () => stop(child) };
}

function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.kill("SIGTERM");
  });
}
