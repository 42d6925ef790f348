/**
 * Our share of the provider host's start-up (issue 13): in a process that has loaded what Pulumi's dynamic-provider
 * host loads before it serves, the CPU from requiring the provider until the first check (with live checks) has
 * answered, against the same process requiring nothing; and what Node's compile cache changes in it.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Vendor } from "../../../provider/model/inventoryConfig";
import { alternateRounds } from "../../framework/alternateRounds";
import { ms, NONE, sig } from "../../framework/format";
import type { Measure, MeasureContext, MeasureResult, TargetCheck } from "../../framework/measure";
import { summarize } from "../../framework/stats";
import { FakeCloudProcess } from "../../support/fakeCloudProcess";
import { firstCheck, type FirstCheck } from "./firstCheckRuns";

export const TARGET_MS = 60;
/**
 * The guard's ratio: our share ÷ the host's own loading, in the same process. The target (60 ms against the host's
 * ~700 ms) is about 0.09; the guard allows the usual twice that, and a little over.
 */
const GUARD_SHARE_OF_HOST = 0.25;
/**
 * The guard's module check: loading the whole undici package again, or @smithy/core's ~370 KB behind
 * @smithy/signature-v4 (the S3 signer is our own since), would show here first.
 */
const FORBIDDEN = [/node_modules\/undici\/index\.js$/, /node_modules\/@smithy\//];

const METHOD = [
  "Each run is a fresh node process (`bench/measures/startupShare/firstCheckChild.js`) that first loads what",
  "`@pulumi/pulumi/cmd/dynamic-provider` loads before it serves (its own requires, in its order: gRPC, the protobuf",
  "modules, the Pulumi runtime, source-map-support), as the host has by the time it calls us. Then our share: from",
  "requiring `pulumi-bucket-inventory/provider` (the built package) through `configure` (credentials from stack",
  "config) until the first `check` of one resource, with its live checks against the fake cloud, has answered.",
  "The floor is the same process requiring nothing. Times are this process's CPU time (user + system), which a",
  "loaded machine stretches far less than wall time; wall time is shown beside it. As shipped, the provider turns",
  "Node's compile cache on before it loads the rest of itself (`provider/runtime/compileCache.ts`): the row is a",
  "host start after the first, the cache filled (a fresh TMPDIR per measure, filled by the untimed warm-up run);",
  "beside it the same with the cache turned off (NODE_DISABLE_COMPILE_CACHE=1), as the very first start pays it.",
  "Runs alternate (floor, cache off, as shipped; then the reverse; …).",
];

interface VendorRuns {
  vendor: Vendor;
  nothing: FirstCheck[];
  /** The compile cache turned off. */
  plain: FirstCheck[];
  /** As shipped: the provider's compile cache, filled by an earlier start. */
  cached: FirstCheck[];
}

async function runVendor(ctx: MeasureContext, fakeUrl: string, vendor: Vendor, rounds: number, share: number): Promise<VendorRuns> {
  const cacheTmp = fs.mkdtempSync(path.join(os.tmpdir(), "bench-compile-cache-"));
  const runs: VendorRuns = { vendor, nothing: [], plain: [], cached: [] };
  try {
    const base = { projectRoot: ctx.projectRoot, fakeUrl, vendor };
    const sides = [
      { name: "nothing", run: async () => (runs.nothing.push(await firstCheck({ ...base, nothing: true })), 0) },
      ...(ctx.guard ? [] : [{ name: "plain", run: async () => (runs.plain.push(await firstCheck(base)), 0) }]),
      { name: "cached", run: async () => (runs.cached.push(await firstCheck({ ...base, compileCacheTmp: cacheTmp })), 0) },
    ];
    await alternateRounds(sides, { rounds, deadline: ctx.deadline.slice(share), warmupRounds: 1, onRound: (r, n) => ctx.progress.step(`${vendor}: first check`, r, n) });
    // The warm-up runs are not samples (the cached side's first run fills the cache).
    runs.nothing.shift();
    runs.plain.shift();
    runs.cached.shift();
  } finally {
    fs.rmSync(cacheTmp, { recursive: true, force: true });
  }
  return runs;
}

export const startupShareMeasure: Measure = {
  id: "startup-share",
  title: "Our share of the provider host's start-up",
  budgetMs: 90_000,
  guardBudgetMs: 12_000,
  async run(ctx) {
    const fake = await FakeCloudProcess.start(ctx.projectRoot);
    const vendors: Vendor[] = ctx.guard ? ["s3"] : ["oss", "s3"];
    const results: VendorRuns[] = [];
    try {
      for (const [i, vendor] of vendors.entries()) results.push(await runVendor(ctx, fake.url, vendor, ctx.guard ? 2 : ctx.quick ? 3 : 6, 1 / (vendors.length - i)));
    } finally {
      await fake.close();
    }
    return report(results, ctx.guard);
  },
};

const cpuCell = (runs: FirstCheck[]) => {
  if (runs.length === 0) return NONE;
  const c = summarize(runs.map((r) => r.cpuMs));
  const w = summarize(runs.map((r) => r.wallMs));
  return `${ms(c.median)} CPU (${ms(c.p25)}–${ms(c.p75)}, n=${c.n}); wall ${ms(w.median)}`;
};

function report(results: VendorRuns[], guard: boolean): MeasureResult {
  const targets: TargetCheck[] = [];
  const rows: string[][] = [];
  const notes: string[] = [];
  for (const r of results) {
    const ours = summarize(r.cached.map((x) => x.cpuMs)).median;
    const cold = summarize(r.plain.map((x) => x.cpuMs)).median;
    const floor = summarize(r.nothing.map((x) => x.cpuMs)).median;
    const host = summarize(r.cached.map((x) => x.hostCpuMs)).median;
    const share = ours - floor;
    const modules = r.cached[0]?.modules ?? [];
    const forbidden = modules.filter((m) => FORBIDDEN.some((f) => f.test(m)));
    const met = guard ? share / host <= GUARD_SHARE_OF_HOST && forbidden.length === 0 : share <= TARGET_MS;
    rows.push([r.vendor, cpuCell(r.nothing), cpuCell(r.cached), cpuCell(r.plain), `${modules.length} (${modules.filter((m) => m.includes("node_modules")).length} from node_modules)`, ms(host), guard ? `≤ ${GUARD_SHARE_OF_HOST} of the host's` : `≤ ${TARGET_MS} ms`, met ? "✅ met" : `❌ **missed**${guard ? "" : ` by ${ms(share - TARGET_MS)}`}`]);
    targets.push({
      what: `our share of host start-up until the first check (${r.vendor}), CPU${guard ? " ÷ the host's own loading" : ""}`,
      target: guard ? `≤ ${GUARD_SHARE_OF_HOST}, and no ${FORBIDDEN.map(String).join(", ")}` : `≤ ${TARGET_MS} ms`,
      current: guard ? `${sig(share / host)} (${ms(share)} of ${ms(host)})${forbidden.length ? `; loaded ${forbidden.join(", ")}` : ""}` : ms(share),
      met,
    });
    if (Number.isFinite(cold)) notes.push(`${r.vendor}: with the compile cache filled our share is ${ms(share)} of CPU, against ${ms(cold - floor)} with it turned off (${sig(((cold - ours) / (cold - floor)) * 100, 2)} % less).`);
    notes.push(`${r.vendor}: the host had spent ${ms(host)} of CPU loading its own modules before ours; the first check loaded ${modules.length} files: ${summarizeModules(modules)}.`);
  }
  if (!guard && targets.some((t) => t.met === false)) notes.push(WHY_MISSED);
  return {
    method: METHOD,
    tables: [{
      headers: ["vendor", "floor: requiring nothing", "ours as shipped: require → first check answered", "ours, compile cache off (a first start)", "files loaded by ours", "host's own loading before ours (CPU)", "target", "verdict"],
      rows,
      align: ["l", "r", "r", "r", "r", "r", "l", "l"],
    }],
    plots: [],
    targets,
    notes,
    raw: results,
  };
}

/** From a profile of the first check (2026-12-08, issue 13 note): why the share stays above 60 ms. */
const WHY_MISSED =
  "Why the 60 ms target is missed (profiled with --cpu-prof): about 45 % of our share is loading modules, mostly " +
  "undici (its Agent ≈ 6 ms, compiling llhttp's wasm ≈ 1–1.5 ms) and fast-xml-parser (≈ 1.7 ms); the rest is code " +
  "running for the first time (the first connection, XML parsing, signing), which Node's compile cache does not " +
  "cover (it holds what was compiled as modules loaded, not the functions compiled lazily on their first call). What only the first check needs is already all " +
  "it loads: no other vendor's dialect, no @smithy, nothing of diff or the write paths. S3 costs more: its first " +
  "check sends two HeadBucket requests and undici does not keep a connection after a HEAD here, so each opens a new " +
  "one, and each closed socket's error has its stack formatted by the host's source-map-support, which reads files. " +
  "Going lower means leaving undici (the project's chosen HTTP client) or sending other requests than the services' " +
  "documented look-ups.";

/** "provider 60, undici 38, fast-xml-parser 3, …": module files per package. */
function summarizeModules(modules: string[]): string {
  const counts = new Map<string, number>();
  for (const m of modules) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(m)?.[1] ?? m.split("/").slice(0, 2).join("/");
    counts.set(pkg, (counts.get(pkg) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(", ");
}
