/**
 * Runs Pulumi programs in one long-lived plain `node` child (programRunnerChild.js) and returns what each run
 * registers: the resource type, name and input properties exactly as the SDK sends them in RegisterResource,
 * including the serialized `__provider`. One child serves many runs, so a test file pays node + SDK start-up once.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as path from "node:path";
import * as readline from "node:readline";
import type { PropertyMap } from "./pulumiRpc";
import { hermeticEnv } from "../../support/hermeticEnv";

export interface Registration {
  type: string;
  name: string;
  custom: boolean;
  inputs: PropertyMap;
}

/**
 * A program: a module (JS or TS) exporting `program(spec)` (or a default function), called with `spec`; or a
 * top-level program (like examples/quickstart) run by loading it. In `spec`, `{"$unknown": true}` stands for an
 * output not yet known at preview and `{"$secret": v}` for `pulumi.secret(v)`.
 */
export interface Program {
  module: string;
  spec?: unknown;
}

export interface RunOptions {
  /** The SDK's dry-run flag: outputs not yet known stay unknown. */
  preview: boolean;
  project: string;
  stack: string;
  /** Stack config with plain values (`<namespace>:<key>` → value), and which keys are secret. */
  config: Record<string, unknown>;
  secretKeys: string[];
}

interface Reply {
  seq: number;
  ok: boolean;
  resources?: Registration[];
  errors: string[];
}

const REPLY_MARK = "@@program-runner@@ ";

export class ProgramRunner {
  /** What programs printed themselves (console.log in a program). */
  output = "";
  private seq = 0;
  private readonly pending = new Map<number, (reply: Reply) => void>();

  private constructor(private readonly child: ChildProcess) {
    readline.createInterface({ input: child.stdout! }).on("line", (line) => this.onLine(line));
    child.stderr?.on("data", (chunk: Buffer) => (this.output += chunk.toString("utf8")));
    child.once("exit", (code) => this.failAll(`program runner exited (${code}): ${this.output.slice(-2000)}`));
  }

  static start(options: { cwd: string; env?: NodeJS.ProcessEnv }): ProgramRunner {
    const script = path.join(__dirname, "programRunnerChild.js");
    const child = spawn(process.execPath, [script], {
      cwd: options.cwd,
      env: hermeticEnv(options.env),
      stdio: ["pipe", "pipe", "pipe"],
    });
    return new ProgramRunner(child);
  }

  /** Runs the program once, as the language host would for one preview or update. */
  async run(program: Program, options: RunOptions): Promise<Registration[]> {
    const seq = ++this.seq;
    const reply = await new Promise<Reply>((resolve) => {
      this.pending.set(seq, resolve);
      const request = { seq, program: program.module, spec: program.spec ?? {}, ...options };
      this.child.stdin!.write(JSON.stringify(request) + "\n");
    });
    if (!reply.ok || reply.errors.length > 0) {
      throw new Error(`running program ${path.basename(program.module)}: ${reply.errors.join("; ")}`);
    }
    return reply.resources ?? [];
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    this.child.stdin!.end();
    await exited;
  }

  private onLine(line: string): void {
    if (!line.startsWith(REPLY_MARK)) {
      this.output += line + "\n";
      return;
    }
    const reply = JSON.parse(line.slice(REPLY_MARK.length)) as Reply;
    this.pending.get(reply.seq)?.(reply);
    this.pending.delete(reply.seq);
  }

  private failAll(message: string): void {
    for (const [seq, resolve] of this.pending) resolve({ seq, ok: false, errors: [message] });
    this.pending.clear();
  }
}
