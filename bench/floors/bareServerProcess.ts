/**
 * The bare server (bareServer.js) in its own node process, answering what the fake cloud answered: its answers are
 * recorded by sending each planned request to the fake once, then written to a temporary file for the server.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as readline from "node:readline";

export interface RecordedAnswer {
  /** `<METHOD> <target>`, as the bare server looks requests up. */
  key: string;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

const START_TIMEOUT_MS = 30_000;

export class BareServerProcess {
  private constructor(private readonly child: ChildProcess, readonly url: string, private readonly dir: string) {}

  static async start(answers: RecordedAnswer[]): Promise<BareServerProcess> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-bare-"));
    const file = path.join(dir, "answers.json");
    fs.writeFileSync(file, JSON.stringify(answers.map((a) => ({ ...a, body: a.body.toString("base64") }))));
    const child = spawn(process.execPath, [path.join(__dirname, "bareServer.js"), file], { stdio: ["ignore", "pipe", "inherit"] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("the bare server printed no URL in time")), START_TIMEOUT_MS);
        readline.createInterface({ input: child.stdout! }).once("line", (line) => {
          clearTimeout(timer);
          resolve((JSON.parse(line) as { url: string }).url);
        });
        child.once("exit", (code) => reject(new Error(`the bare server exited (${code}) before it was ready`)));
      });
      child.removeAllListeners("exit");
      return new BareServerProcess(child, url, dir);
    } catch (error) {
      child.kill("SIGTERM");
      fs.rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  async close(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
      this.child.kill("SIGTERM");
      await exited;
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
