/**
 * The fake cloud's worst single request: how long the most expensive requests a client can send take to be
 * answered, each at the limit that bounds it. One request must never hold the server up (issue 11, item 9): the
 * target is that every one is answered well under a second.
 */
import * as fs from "node:fs";
import { ms, msSpread } from "../../framework/format";
import type { Measure, MeasureResult } from "../../framework/measure";
import { summarize } from "../../framework/stats";
import { DEFAULT_SEED_FILE } from "../../support/benchVendors";
import { FakeCloudProcess } from "../../support/fakeCloudProcess";
import { readCpuSeconds } from "../../support/processMemory";
import { ADMIN_JSON_LIMIT, BODY_LIMIT, DOCUMENT_LIMIT, send, worstRequests, type WorstRequest } from "./worstRequests";

/** What the worst request may cost the fake's one thread (others wait meanwhile), and its answer's wall time. */
const CPU_TARGET_MS = 250;
const WALL_TARGET_MS = 1000;

interface Timed {
  label: string;
  /** Wall time, sending to the last byte of the answer. */
  samples: number[];
  /** CPU time the fake's process spent meanwhile (Linux /proc): what the request cost it, whatever else ran. */
  cpuMs: number[];
  statuses: number[];
  expected: number;
}

async function timeOne(fake: FakeCloudProcess, worst: WorstRequest, samples: number): Promise<Timed> {
  const timed: Timed = { label: worst.label, samples: [], cpuMs: [], statuses: [], expected: worst.status };
  await fake.reset();
  await worst.prepare?.(fake.url);
  for (let i = 0; i < samples; i++) {
    if (worst.mutates) {
      await fake.reset();
      await worst.prepare?.(fake.url);
    }
    const request = await worst.build(fake.url);
    const cpuBefore = fake.pid === undefined ? undefined : readCpuSeconds(fake.pid);
    const start = performance.now();
    timed.statuses.push(await send(request));
    timed.samples.push(performance.now() - start);
    const cpuAfter = fake.pid === undefined ? undefined : readCpuSeconds(fake.pid);
    if (cpuBefore !== undefined && cpuAfter !== undefined) timed.cpuMs.push((cpuAfter - cpuBefore) * 1000);
  }
  return timed;
}

function slowest(results: Timed[], of: (t: Timed) => number[]): { label: string; value: number } {
  return results.map((r) => ({ label: r.label, value: summarize(of(r)).median })).reduce((a, b) => (b.value > a.value ? b : a));
}

function report(results: Timed[]): MeasureResult {
  const cpu = slowest(results, (r) => r.cpuMs);
  const wall = slowest(results, (r) => r.samples);
  const wrong = results.filter((r) => r.statuses.some((s) => s !== r.expected));
  return {
    method: [
      "The fake cloud runs in its own process (the built CLI, default seed, in memory). Each request is built at",
      `the limit that bounds it (configuration documents ${DOCUMENT_LIMIT / 1024} KiB, admin JSON ${ADMIN_JSON_LIMIT / 1024 / 1024} MiB,`,
      `any body ${BODY_LIMIT / 1024 / 1024} MiB), signed with the provider's own signers, and sent on a fresh connection after`,
      "a reset (and, where a row says so, after filling the fake, untimed). The time is from sending to the last byte",
      "of the answer, on loopback, so it includes sending the body.",
    ],
    tables: [
      {
        caption: "Each of the most expensive requests, answered (median, p25–p75, n; max):",
        headers: ["request", "answer", "time", "max", "fake CPU (median)"],
        rows: results.map((r) => [r.label, [...new Set(r.statuses)].join(", "), msSpread(summarize(r.samples)), ms(summarize(r.samples).max), ms(summarize(r.cpuMs).median)]),
        align: ["l", "r", "r", "r", "r"],
      },
    ],
    plots: [],
    targets: [
      { what: "the fake's CPU time for its most expensive request (median)", target: `< ${ms(CPU_TARGET_MS)}`, current: `${ms(cpu.value)} (${cpu.label})`, met: Number.isFinite(cpu.value) ? cpu.value < CPU_TARGET_MS : undefined },
      { what: "the slowest answer, sending to last byte (median)", target: `< ${ms(WALL_TARGET_MS)}`, current: `${ms(wall.value)} (${wall.label})`, met: wall.value < WALL_TARGET_MS },
      { what: "every request answered as the service would", target: "expected status", current: wrong.length ? wrong.map((r) => `${r.label}: ${r.statuses.join(", ")}`).join("; ") : "all", met: wrong.length === 0 },
    ],
    notes: [
      "The fake's CPU time is what a request costs the server's one thread (every other request waits meanwhile); " +
        "the wall time adds sending the body over loopback and, on a busy machine, waiting for a CPU (see the load " +
        "average under Machine). CPU is read from /proc in 10 ms ticks.",
    ],
    raw: results.map((r) => ({ ...r, summary: summarize(r.samples) })),
  };
}

export const fakeWorstRequestMeasure: Measure = {
  id: "fake-worst-request",
  title: "Fake cloud: the worst single request",
  budgetMs: 60_000,
  async run(ctx) {
    const defaultSeed = JSON.parse(fs.readFileSync(DEFAULT_SEED_FILE, "utf8")) as { accounts: object[]; buckets: object[] };
    const fake = await FakeCloudProcess.start(ctx.projectRoot);
    try {
      const requests = worstRequests(defaultSeed);
      const results: Timed[] = [];
      for (const [i, worst] of requests.entries()) {
        ctx.progress.step(worst.label, i, requests.length);
        results.push(await timeOne(fake, worst, ctx.quick ? 2 : 5));
      }
      return report(results);
    } finally {
      await fake.close();
    }
  },
};
