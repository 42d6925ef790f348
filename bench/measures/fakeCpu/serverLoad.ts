/**
 * The load both servers get in the fake-cpu measure: a few clients, each on its own connection and bucket, sending
 * their pre-signed put → get → list → delete cycle back to back. `record` sends it once to the fake cloud and keeps
 * every answer (what the bare server then answers); `runBatch` sends it to a server and returns that server's CPU
 * time per request, from /proc (exact per thread where schedstat exists).
 */
import { Client } from "undici";
import { requestTarget } from "../../../provider/http/requestUrl";
import type { RecordedAnswer } from "../../floors/bareServerProcess";
import { BENCH_VENDORS, sourceRef } from "../../support/benchVendors";
import { benchBucket } from "../../support/benchSeed";
import { readCpuSecondsPrecise } from "../../support/processMemory";
import { presign, type PlannedRequest } from "../fakeLoad/presignedRequests";

/** Headers node:http writes itself on every answer. */
const OWN_HEADERS = new Set(["date", "connection", "keep-alive", "transfer-encoding"]);

export async function planLoad(fakeUrl: string, connections: number, requestsEach: number): Promise<PlannedRequest[][]> {
  const plans: PlannedRequest[][] = [];
  for (let i = 0; i < connections; i++) {
    const vendor = BENCH_VENDORS[i % BENCH_VENDORS.length];
    plans.push(await presign(sourceRef(vendor, fakeUrl, benchBucket(vendor, Math.floor(i / BENCH_VENDORS.length))), requestsEach));
  }
  return plans;
}

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

/** One keep-alive connection per client, opened by the first request and kept for every batch after it. */
export class LoadClients {
  private readonly clients: Client[];

  constructor(readonly url: string, count: number) {
    this.clients = Array.from({ length: count }, () => new Client(url, { pipelining: 1, keepAliveTimeout: 60_000 }));
  }

  /** Every client sends its plan back to back; returns how many answers were not 2xx. */
  async sendAll(plans: PlannedRequest[][], onAnswer?: (request: PlannedRequest, answer: Answer) => void): Promise<number> {
    let failures = 0;
    await Promise.all(
      plans.map(async (planned, i) => {
        for (const p of planned) {
          const r = p.request;
          const response = await this.clients[i].request({ path: requestTarget(r), method: r.method, headers: r.headers, body: r.body });
          const body = Buffer.from(await response.body.arrayBuffer());
          if (response.statusCode >= 300) failures++;
          onAnswer?.(p, { status: response.statusCode, headers: response.headers, body });
        }
      }),
    );
    return failures;
  }

  close(): Promise<void> {
    return Promise.all(this.clients.map((c) => c.close())).then(() => undefined);
  }
}

export const answerKey = (r: PlannedRequest["request"]) => `${r.method} ${requestTarget(r)}`;

/** Sends every planned request to the fake once; its answers, one per distinct request (the last one seen). */
export async function record(fake: LoadClients, plans: PlannedRequest[][]): Promise<RecordedAnswer[]> {
  const answers = new Map<string, RecordedAnswer>();
  const failures = await fake.sendAll(plans, (p, a) => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(a.headers)) {
      if (value !== undefined && !OWN_HEADERS.has(name)) headers[name] = Array.isArray(value) ? value.join(", ") : value;
    }
    answers.set(answerKey(p.request), { key: answerKey(p.request), status: a.status, headers, body: a.body });
  });
  if (failures > 0) throw new Error(`the fake cloud refused ${failures} of the planned requests while recording`);
  return [...answers.values()];
}

/** One batch; µs of the server's CPU per request. */
export async function runBatch(server: LoadClients, serverPid: number, plans: PlannedRequest[][]): Promise<number> {
  const before = readCpuSecondsPrecise(serverPid);
  const failures = await server.sendAll(plans);
  const after = readCpuSecondsPrecise(serverPid);
  if (failures > 0) throw new Error(`${failures} requests failed against ${server.url}`);
  if (before === undefined || after === undefined) return Number.NaN;
  const requests = plans.reduce((sum, p) => sum + p.length, 0);
  return ((after - before) * 1e6) / requests;
}
