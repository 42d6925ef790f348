/**
 * Measure 4: the dynamic provider host from spawn to the first check answered (what a `pulumi preview` waits for
 * before its first resource), in phases, against a bare `node` start as the floor; then the latency of each call
 * once the host is warm, diff (no cloud I/O) showing the host's own per-call cost.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Vendor } from "../../provider/model/inventoryConfig";
import { boundedLoop } from "../framework/deadline";
import { ms, msSpread, NONE, verdict } from "../framework/format";
import type { Measure, MeasureContext, MeasureResult } from "../framework/measure";
import { summarize } from "../framework/stats";
import { sampleArgs } from "../support/benchVendors";
import { FakeCloudProcess } from "../support/fakeCloudProcess";
import { addressOf, HostSession, timed } from "../support/hostSession";
import { moduleLoadMs } from "../support/moduleLoadTimes";

const TARGET_MS = 1000;
const VENDOR: Vendor = "s3";
const CALLS = ["check", "diff", "create", "read", "update", "delete"] as const;
type Call = (typeof CALLS)[number];

interface StartSample {
  spawnToPortMs: number;
  configureMs: number;
  firstCheckMs: number;
  totalMs: number;
}

function bareNodeStart(): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
    child.once("error", reject);
    child.once("exit", () => resolve(performance.now() - t0));
  });
}

interface StartSamples {
  /** As the engine starts it, NODE_COMPILE_CACHE unset (the provider still caches its own modules). */
  plain: StartSample[];
  /** With NODE_COMPILE_CACHE set for the whole host (a fresh directory, filled by an untimed first start). */
  cached: StartSample[];
}

async function startOnce(session: HostSession, reg: Awaited<ReturnType<HostSession["register"]>>[number], env?: NodeJS.ProcessEnv): Promise<StartSample> {
  const started = await session.startHost(undefined, env);
  try {
    const first = await timed(() => started.host.check(addressOf(reg), {}, reg.inputs));
    if (first.value.failures.length) throw new Error(`check failed: ${first.value.failures.map((f) => f.reason).join("; ")}`);
    const totalMs = started.spawnToPortMs + started.configureMs + first.ms;
    return { spawnToPortMs: started.spawnToPortMs, configureMs: started.configureMs, firstCheckMs: first.ms, totalMs };
  } finally {
    await started.host.close();
  }
}

/** Starts alternate: plain, then with the whole host's compile cache, and the reverse. */
async function startups(ctx: MeasureContext, session: HostSession, url: string, count: number): Promise<StartSamples> {
  const [reg] = await session.register([{ name: "startup", args: sampleArgs(VENDOR, "bench-startup", url) }], true);
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-host-compile-cache-"));
  const samples: StartSamples = { plain: [], cached: [] };
  try {
    const cached = { NODE_COMPILE_CACHE: cacheDir };
    await startOnce(session, reg, cached);
    await boundedLoop({ maxCount: count, deadline: ctx.deadline.slice(0.5), minCount: 2 }, async (i) => {
      ctx.progress.step("host start-up (plain / NODE_COMPILE_CACHE)", i, count);
      for (const withCache of i % 2 === 0 ? [false, true] : [true, false]) {
        (withCache ? samples.cached : samples.plain).push(await startOnce(session, reg, withCache ? cached : undefined));
      }
    });
  } finally {
    fs.rmSync(cacheDir, { recursive: true, force: true });
  }
  return samples;
}

/** In one warm host: check, diff, then create → read → update → delete of one resource, again and again. */
async function callLatencies(ctx: MeasureContext, session: HostSession, url: string, rounds: number): Promise<Record<Call, number[]>> {
  const args = sampleArgs(VENDOR, "bench-calls", url);
  const [reg] = await session.register([{ name: "calls", args }], false);
  const [changed] = await session.register([{ name: "calls", args: { ...args, enabled: false } }], false);
  const at = addressOf(reg);
  const times: Record<Call, number[]> = { check: [], diff: [], create: [], read: [], update: [], delete: [] };
  const { host } = await session.startHost();
  try {
    const warm = await host.check(at, {}, reg.inputs);
    const next = await host.check(at, warm.inputs, changed.inputs);
    await boundedLoop({ maxCount: rounds, deadline: ctx.deadline, minCount: 3 }, async (i) => {
      ctx.progress.step("per-call latency (warm host)", i, rounds);
      const check = await timed(() => host.check(at, {}, reg.inputs));
      times.check.push(check.ms);
      const created = await timed(() => host.create(at, warm.inputs));
      times.create.push(created.ms);
      const id = created.value.id;
      times.diff.push((await timed(() => host.diff(at, id, created.value.properties, next.inputs, warm.inputs))).ms);
      const read = await timed(() => host.read(at, id, created.value.properties, warm.inputs));
      times.read.push(read.ms);
      const updated = await timed(() => host.update(at, id, read.value.properties, next.inputs, warm.inputs));
      times.update.push(updated.ms);
      times.delete.push((await timed(() => host.delete(at, id, updated.value, next.inputs))).ms);
    });
  } finally {
    await host.close();
  }
  return times;
}

/** What the host and the provider's first call load, each timed alone in a fresh node process. */
const MODULES: [string, string][] = [
  ["@pulumi/pulumi/runtime", "the host loads it before printing its port"],
  ["pulumi-bucket-inventory/provider", "the shim's first call (check, diff, normalize)"],
  ["./dist/provider/client/createInventoryClient.js", "the first call that talks to a cloud (the client; each vendor's dialect and signer load on its first use)"],
  ["undici/lib/dispatcher/agent.js", "what the provider loads of undici, on its first request: the Agent"],
  ["undici", "the whole package, for comparison (not loaded)"],
];

async function moduleLoads(ctx: MeasureContext, repeats: number): Promise<Record<string, number[]>> {
  const out: Record<string, number[]> = {};
  for (const [specifier] of MODULES) {
    out[specifier] = [];
    for (let i = 0; i < repeats; i++) {
      ctx.progress.step(`module load: ${specifier}`, i, repeats);
      out[specifier].push(await moduleLoadMs(ctx.projectRoot, specifier));
    }
  }
  return out;
}

/** Where start-up goes, from the phase medians and the module load times. */
function notes(all: StartSamples, calls: Record<Call, number[]>, loads: Record<string, number[]>): string[] {
  const starts = all.plain;
  if (starts.length === 0) return [];
  const med = (values: number[]) => summarize(values).median;
  const total = med(starts.map((s) => s.totalMs));
  const toPort = med(starts.map((s) => s.spawnToPortMs));
  const ours = med(starts.map((s) => s.configureMs + s.firstCheckMs));
  const runtime = med(loads["@pulumi/pulumi/runtime"] ?? []);
  const out = [
    `Of the ${ms(total)} from spawn to the first check answered, ${ms(toPort)} pass before the host prints its port: that is ` +
      `Pulumi's host loading \`@pulumi/pulumi\` (alone: ${ms(runtime)}), before any code of this package is loaded. ` +
      `Configure and the first check (loading the provider, the first look-ups and list over HTTP) take ${ms(ours)}; ` +
      "our share of it on its own, in CPU time, is measured in *Our share of the provider host's start-up*.",
  ];
  if (all.cached.length > 0) {
    const cached = med(all.cached.map((s) => s.totalMs));
    const cachedToPort = med(all.cached.map((s) => s.spawnToPortMs));
    out.push(
      `With \`NODE_COMPILE_CACHE\` set for the whole host (the environment \`pulumi\` runs in), start-up takes ${ms(cached)} ` +
        `instead of ${ms(total)} (${ms(cachedToPort)} instead of ${ms(toPort)} to the port): Pulumi's own modules come from the ` +
        "cache too. Only the user can set it for the host (the engine starts the host before any of our code runs); README " +
        "says so. Our own modules are cached either way: the provider turns the cache on for what it loads.",
    );
  }
  if (total > TARGET_MS) {
    out.push(`The 1.0 s target is missed${toPort > TARGET_MS ? "; the host's own start-up is over it before our code runs" : ""}.`);
  }
  out.push(
    `Warm, a diff (no cloud I/O) costs ${ms(med(calls.diff))} through the host and its gRPC: the floor of every call. ` +
      `A check adds its list request (${ms(med(calls.check))}), a create its three requests (${ms(med(calls.create))}).`,
  );
  return out;
}

function report(bare: number[], all: StartSamples, calls: Record<Call, number[]>, loads: Record<string, number[]>): MeasureResult {
  const row = (label: string, starts: StartSample[]) => {
    const col = (pick: (s: StartSample) => number) => msSpread(summarize(starts.map(pick)));
    const total = summarize(starts.map((s) => s.totalMs));
    return [label, col((s) => s.spawnToPortMs), col((s) => s.configureMs), col((s) => s.firstCheckMs), msSpread(total), total.n ? verdict(total.median <= TARGET_MS) : NONE];
  };
  const total = summarize(all.plain.map((s) => s.totalMs));
  return {
    method: [
      `The host is spawned as the engine spawns it (\`node @pulumi/pulumi/cmd/dynamic-provider <engine address>\`, in the`,
      "project directory), then GetPluginInfo and Configure (stack config with credentials for all vendors), then the",
      `first Check of one ${VENDOR} resource with live checks against the fake cloud. Repeated with a new host each time,`,
      "alternately as the engine starts it and with `NODE_COMPILE_CACHE` set for the host (its cache filled by an",
      "untimed first start). `bare node` is `node -e \"\"` from spawn to exit on the same machine: the floor any node-based",
      "host pays. Then, in one warm host, one resource is created, read, diffed, updated and deleted again and again, each",
      "call timed as the engine would see it (gRPC round trip included). Diff does no cloud I/O: the host's own cost per call.",
    ],
    tables: [
      {
        caption: `Start-up, spawn → first check answered (bare node: ${msSpread(summarize(bare))}):`,
        headers: ["host", "spawn → port printed", "GetPluginInfo + Configure", "first Check (loads the provider, live checks)", "total", "target ≤ 1.0 s"],
        rows: [row("as the engine starts it", all.plain), row("with NODE_COMPILE_CACHE", all.cached)],
        align: ["l", "r", "r", "r", "r", "l"],
      },
      {
        caption: "Where start-up goes: each module loaded alone in a fresh node process (median of runs):",
        headers: ["module", "why it is loaded", "load time"],
        rows: MODULES.map(([m, why]) => [`\`${m}\``, why, msSpread(summarize(loads[m] ?? []))]),
        align: ["l", "l", "r"],
      },
      {
        caption: "Per call once the host is warm:",
        headers: ["call", "median (p25–p75, n)", "p99"],
        rows: CALLS.map((c) => [c, msSpread(summarize(calls[c])), ms(summarize(calls[c]).p99)]),
        align: ["l", "r", "r"],
      },
    ],
    plots: [],
    targets: [{ what: "host start-up, spawn → first check (median)", target: "≤ 1.0 s", current: total.n ? ms(total.median) : "not measured", met: total.n ? total.median <= TARGET_MS : undefined }],
    notes: notes(all, calls, loads),
    raw: { bareNodeMs: bare, starts: all, calls, moduleLoadMs: loads },
  };
}

export const hostStartupMeasure: Measure = {
  id: "host-startup",
  title: "Dynamic provider host start-up and per-call latency",
  budgetMs: 60_000,
  async run(ctx) {
    const fake = await FakeCloudProcess.start(ctx.projectRoot);
    const session = await HostSession.open(ctx.projectRoot);
    try {
      const bare: number[] = [];
      for (let i = 0; i < 5; i++) bare.push(await bareNodeStart());
      const starts = await startups(ctx, session, fake.url, ctx.quick ? 3 : 7);
      const calls = await callLatencies(ctx, session, fake.url, ctx.quick ? 10 : 40);
      const loads = await moduleLoads(ctx, ctx.quick ? 1 : 3);
      return report(bare, starts, calls, loads);
    } finally {
      await session.close();
      await fake.close();
    }
  },
};
