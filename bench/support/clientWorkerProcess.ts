/**
 * The parent's handle on a client worker (clientWorker.ts): a node child process with an IPC channel, one order
 * at a time. Its CPU figures are the child's own process.cpuUsage() over each batch.
 */
import { fork, type ChildProcess } from "node:child_process";
import * as path from "node:path";
import type { Vendor } from "../../provider/model/inventoryConfig";
import type { ClientSide, WorkerAnswer, WorkerOrder } from "./clientWorker";

const ORDER_TIMEOUT_MS = 120_000;

export class ClientWorkerProcess {
  /** The client's name once `open` answered (e.g. "pulumi-bucket-inventory", "ali-oss 6.23.0"). */
  name: string;

  private constructor(private readonly child: ChildProcess, readonly side: ClientSide) {
    this.name = side;
  }

  static start(side: ClientSide): ClientWorkerProcess {
    const child = fork(path.join(__dirname, "clientWorkerMain.js"), [], { stdio: ["ignore", "ignore", "inherit", "ipc"] });
    return new ClientWorkerProcess(child, side);
  }

  /** A client of this side for `vendor` against `endpoint`; the previous one is closed. */
  async open(vendor: Vendor, endpoint: string): Promise<void> {
    const answer = await ask(this.child, { kind: "open", side: this.side, vendor, endpoint });
    this.name = answer.name ?? this.side;
  }

  /** One batch; returns µs of the worker's CPU per operation. */
  async run(order: Omit<Extract<WorkerOrder, { kind: "run" }>, "kind">): Promise<{ cpuMicrosPerOp: number; wallMs: number }> {
    const answer = await ask(this.child, { kind: "run", ...order });
    return { cpuMicrosPerOp: answer.cpuMicros! / answer.ops!, wallMs: answer.wallMs! };
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null || !this.child.connected) return;
    const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    try {
      await ask(this.child, { kind: "close" });
    } catch {
      this.child.kill("SIGTERM");
    }
    await exited;
  }
}

function ask(child: ChildProcess, order: WorkerOrder): Promise<Extract<WorkerAnswer, { ok: true }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`client worker: no answer to "${order.kind}" in ${ORDER_TIMEOUT_MS / 1000} s`)), ORDER_TIMEOUT_MS);
    const onMessage = (answer: WorkerAnswer) => (answer.ok ? done(undefined, answer) : done(new Error(answer.error)));
    const onExit = (code: number | null) => done(new Error(`client worker exited (${code}) during "${order.kind}"`));
    function done(error?: Error, answer?: Extract<WorkerAnswer, { ok: true }>) {
      clearTimeout(timer);
      child.off("message", onMessage);
      child.off("exit", onExit);
      if (error) reject(error);
      else resolve(answer!);
    }
    child.on("message", onMessage);
    child.once("exit", onExit);
    child.send(order);
  });
}
