/**
 * 200 clients at once against the fake cloud, each with its own connection and its own bucket (the bench seed's),
 * sending pre-signed put/get/list/delete requests. Closed loop (no pace): a client sends its next request when
 * the previous answer is in, so all 200 are always waiting. Paced: each client sends one request every `paceMs`
 * (from a random start), and latency counts from when the request was due, so a queue is not hidden by clients
 * that fall behind. Every non-2xx answer and transport failure is an error. CPU time of both sides is recorded.
 */
import { Client, request } from "undici";
import { requestUrl } from "../../../provider/http/requestUrl";
import type { Deadline } from "../../framework/deadline";
import { BENCH_VENDORS, sourceRef } from "../../support/benchVendors";
import { benchBucket } from "../../support/benchSeed";
import type { FakeCloudProcess } from "../../support/fakeCloudProcess";
import { readCpuSeconds } from "../../support/processMemory";
import { presign, type LoadOp, type PlannedRequest } from "./presignedRequests";

export const CLIENTS = 200;

export interface LoadResult {
  clients: number;
  /** Per client, ms between requests; undefined for the closed loop. */
  paceMs?: number;
  latencies: Record<LoadOp, number[]>;
  errors: Record<string, number>;
  wallMs: number;
  generatorCpuSeconds: number;
  fakeCpuSeconds?: number;
  fakePeakRssBytes?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every client sends at least this many requests, whatever the deadline: two full put → get → list → delete cycles. */
const MIN_REQUESTS = 8;

async function runClient(connection: Client, planned: PlannedRequest[], deadline: Deadline, result: LoadResult, tick: () => void): Promise<void> {
  const start = performance.now() + (result.paceMs ? Math.random() * result.paceMs : 0);
  for (const [k, { op, request: r }] of planned.entries()) {
    if (k >= MIN_REQUESTS && deadline.expired()) return;
    const due = result.paceMs ? start + k * result.paceMs : performance.now();
    if (due > performance.now()) await sleep(due - performance.now());
    const t0 = result.paceMs ? due : performance.now();
    try {
      const response = await request(requestUrl(r), { method: r.method, headers: r.headers, body: r.body, dispatcher: connection });
      await response.body.text();
      if (response.statusCode >= 300) throw Object.assign(new Error(`HTTP ${response.statusCode}`), { code: `HTTP ${response.statusCode}` });
      result.latencies[op].push(performance.now() - t0);
    } catch (error) {
      const key = `${op}: ${(error as { code?: string }).code ?? (error as Error).name}`;
      result.errors[key] = (result.errors[key] ?? 0) + 1;
    }
    tick();
  }
}

async function warmUp(connections: Client[], plans: PlannedRequest[][], tick: (i: number) => void): Promise<void> {
  for (let i = 0; i < connections.length; i += 20) {
    tick(i);
    await Promise.all(
      connections.slice(i, i + 20).map(async (connection, j) => {
        const list = plans[i + j].find((p) => p.op === "list")!.request;
        const response = await request(requestUrl(list), { method: list.method, headers: list.headers, dispatcher: connection });
        await response.body.text();
      }),
    );
  }
}

export interface LoadPlan {
  opsPerClient: number;
  paceMs?: number;
  deadline: Deadline;
}

/** All clients at once; CPU of both processes and the fake's peak memory recorded around the run. */
async function timedRun(fake: FakeCloudProcess, plans: PlannedRequest[][], connections: Client[], plan: LoadPlan, result: LoadResult, onProgress: (label: string, done: number, total: number) => void): Promise<void> {
  const total = plans.reduce((sum, p) => sum + p.length, 0);
  let done = 0;
  const label = `${CLIENTS} clients, ${plan.paceMs ? `1 request per ${plan.paceMs} ms each` : "back to back"}`;
  const tick = () => void (++done % 500 === 0 && onProgress(label, done, total));
  const cpu0 = process.cpuUsage();
  const fakeCpu0 = fake.pid === undefined ? undefined : readCpuSeconds(fake.pid);
  const t0 = performance.now();
  try {
    await Promise.all(plans.map((planned, i) => runClient(connections[i], planned, plan.deadline, result, tick)));
  } finally {
    result.wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    result.generatorCpuSeconds = (cpu.user + cpu.system) / 1e6;
    const fakeCpu1 = fake.pid === undefined ? undefined : readCpuSeconds(fake.pid);
    if (fakeCpu0 !== undefined && fakeCpu1 !== undefined) result.fakeCpuSeconds = fakeCpu1 - fakeCpu0;
    result.fakePeakRssBytes = fake.memory()?.peakRssBytes;
  }
}

export async function concurrentClients(fake: FakeCloudProcess, plan: LoadPlan, onProgress: (label: string, done: number, total: number) => void): Promise<LoadResult> {
  const { opsPerClient } = plan;
  await fake.reset();
  const result: LoadResult = { clients: CLIENTS, paceMs: plan.paceMs, latencies: { put: [], get: [], list: [], delete: [] }, errors: {}, wallMs: 0, generatorCpuSeconds: 0 };
  const plans: PlannedRequest[][] = [];
  for (let i = 0; i < CLIENTS; i++) {
    onProgress("signing requests", i, CLIENTS);
    const vendor = BENCH_VENDORS[i % BENCH_VENDORS.length];
    plans.push(await presign(sourceRef(vendor, fake.url, benchBucket(vendor, Math.floor(i / BENCH_VENDORS.length))), opsPerClient));
  }
  const connections = plans.map(() => new Client(fake.url, { pipelining: 1, keepAliveTimeout: 60_000 }));
  try {
    // Connect first (one untimed request each, a few at a time): the test is about serving requests, not accepting
    // 200 connections in the same instant.
    await warmUp(connections, plans, (i) => onProgress("opening connections", i, CLIENTS));
    await timedRun(fake, plans, connections, plan, result, onProgress);
  } finally {
    await Promise.all(connections.map((c) => c.close()));
  }
  return result;
}
