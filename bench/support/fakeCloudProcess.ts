/**
 * The fake cloud in its own node process, started the way users start it (`bucket-inventory fake-cloud --port 0`,
 * the built CLI), so the benchmark's clients and the server do not share an event loop or a core. Its admin API
 * (tests/fake/README.md) resets state and lists the requests it received: round trips are counted there, at the
 * server, not by the client.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as readline from "node:readline";
import { readMemory, type MemoryReading } from "./processMemory";

/** One request as the fake logged it (the fields the benchmark reads). */
export interface SeenRequest {
  method: string;
  vendor?: string;
  operation?: string;
  bucket?: string;
  path: string;
  query: string;
  status: number;
  errorCode?: string;
}

const ADMIN = "/__fake";
const START_TIMEOUT_MS = 30_000;

export class FakeCloudProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    private readonly output: () => string,
  ) {}

  /** `seedFile`: a seed other than the default one (e.g. with extra buckets for the load test). */
  static async start(projectRoot: string, options: { seedFile?: string } = {}): Promise<FakeCloudProcess> {
    const bin = path.join(projectRoot, "bin", "bucket-inventory.js");
    const cli = path.join(projectRoot, "dist", "cli", "fakeCloudCommand.js");
    if (!fs.existsSync(cli)) throw new Error(`the fake cloud CLI is not built (${path.relative(projectRoot, cli)} is missing): run \`npm run build\``);
    const args = [bin, "fake-cloud", "--port", "0", ...(options.seedFile ? ["--seed", options.seedFile] : [])];
    const child = spawn(process.execPath, args, { cwd: projectRoot, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stderr?.on("data", (chunk: Buffer) => (output = (output + chunk.toString("utf8")).slice(-4000)));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => fail(new Error(`the fake cloud printed no URL within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
      const lines = readline.createInterface({ input: child.stdout! });
      const fail = (error: Error) => (clearTimeout(timer), lines.close(), child.kill("SIGTERM"), reject(error));
      lines.once("line", (line) => {
        clearTimeout(timer);
        try {
          resolve((JSON.parse(line) as { url: string }).url);
        } catch {
          fail(new Error(`the fake cloud printed ${JSON.stringify(line)} instead of {"url": ...}`));
        }
      });
      child.once("exit", (code) => fail(new Error(`the fake cloud exited (${code}) before it was ready: ${output}`)));
    });
    child.removeAllListeners("exit");
    return new FakeCloudProcess(child, url, () => output);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  memory(): MemoryReading | undefined {
    return this.child.pid === undefined ? undefined : readMemory(this.child.pid);
  }

  private async admin<T>(method: string, route: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.url}${ADMIN}/${route}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`fake cloud admin ${method} ${route}: ${response.status} ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** Back to the seed: no configurations, no objects, no faults, an empty request log. */
  async reset(): Promise<void> {
    await this.admin("POST", "reset");
    await this.clearRequests();
  }

  async requests(): Promise<SeenRequest[]> {
    const body = await this.admin<SeenRequest[] | { requests: SeenRequest[] }>("GET", "requests");
    return Array.isArray(body) ? body : body.requests;
  }

  async clearRequests(): Promise<void> {
    await this.admin("DELETE", "requests");
  }

  /** Requests the fake received while `action` ran (the log is cleared first). */
  async countDuring<T>(action: () => Promise<T>): Promise<{ value: T; requests: SeenRequest[] }> {
    await this.clearRequests();
    const value = await action();
    return { value, requests: await this.requests() };
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    this.child.kill("SIGTERM");
    await exited;
  }

  /** What the fake printed on stderr lately, for error messages. */
  recentOutput(): string {
    return this.output();
  }
}
