/**
 * One comparison of measure 2: get or put of the same configuration, ours against one vendor's official SDK, in
 * alternating A/B batches against the same fake cloud process. Each batch times every operation on its own and
 * yields ops/s = operations ÷ time spent in them, plus the client's and the fake's CPU time per operation.
 */
import { createInventoryClient } from "../../../provider/client/createInventoryClient";
import type { InventoryClient } from "../../../provider/client/inventoryClient";
import { ConflictError } from "../../../provider/errors";
import type { BucketRef, Vendor } from "../../../provider/model/inventoryConfig";
import { alternateAB } from "../../framework/alternateAB";
import type { MeasureContext } from "../../framework/measure";
import { pairedRatio, summarize, type Summary } from "../../framework/stats";
import type { InventoryContender } from "../../sdks/contender";
import { officialClient } from "../../sdks/officialClients";
import { ourClient } from "../../sdks/ourClient";
import { credentialsOf, sampleConfig, sourceRef } from "../../support/benchVendors";
import type { FakeCloudProcess } from "../../support/fakeCloudProcess";
import { readCpuSeconds } from "../../support/processMemory";

export type Op = "get" | "put";
const SHARED_ID = "bench-throughput";

interface SideSamples {
  opsPerSecond: number[];
  cpuMicrosPerOp: number[];
  /** The fake cloud's CPU over this side's timed operations (clock ticks are 10 ms: summed over all batches). */
  fakeCpuSeconds: number;
  ops: number;
}

export interface Comparison {
  vendor: Vendor;
  op: Op;
  ours: string;
  theirs: string;
  oursStats?: SideStats;
  theirsStats?: SideStats;
  ratio?: ReturnType<typeof pairedRatio>;
  overwrites?: boolean;
  /** Requests the fake received for one operation of each side: both must be 1 for a like-for-like comparison. */
  requestsPerOp?: { ours: number; theirs: number };
  error?: string;
}

export interface SideStats {
  rate: Summary;
  cpu: Summary;
  /** µs of fake-cloud CPU per operation; undefined where /proc is not readable. */
  fakeCpuMicrosPerOp?: number;
}

function statsOf(rates: number[], side: SideSamples, fakeReadable: boolean): SideStats {
  const stats: SideStats = { rate: summarize(rates), cpu: summarize(side.cpuMicrosPerOp) };
  if (fakeReadable && side.ops > 0) stats.fakeCpuMicrosPerOp = (side.fakeCpuSeconds * 1e6) / side.ops;
  return stats;
}

/** Whether a put on an existing id overwrites (COS, S3) or is refused (OSS): refused puts need fresh ids. */
async function putOverwrites(client: InventoryClient, ref: BucketRef): Promise<boolean> {
  const config = sampleConfig(ref.vendor, "bench-overwrite-probe");
  await client.putInventory(ref, config);
  try {
    await client.putInventory(ref, config);
    return true;
  } catch (error) {
    if (error instanceof ConflictError) return false;
    throw error;
  }
}

interface BatchPlan {
  op: Op;
  vendor: Vendor;
  count: number;
  /** Untimed, after each put: removes what it stored when the vendor refuses to overwrite. */
  cleanup?: (id: string) => Promise<void>;
}

/** One timed batch; returns its ops/s and records the client CPU time per operation in `out`. */
async function runBatch(side: InventoryContender, plan: BatchPlan, tag: string, out: SideSamples, fakeCpu: () => number | undefined): Promise<number> {
  let spentMs = 0;
  let cpuMicros = 0;
  for (let i = 0; i < plan.count; i++) {
    const id = plan.op === "get" || !plan.cleanup ? SHARED_ID : `bench-${tag}-${i}`;
    const config = sampleConfig(plan.vendor, id);
    const fake0 = fakeCpu();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await (plan.op === "get" ? side.get(id) : side.put(config));
    spentMs += performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    cpuMicros += cpu.user + cpu.system;
    const fake1 = fakeCpu();
    if (fake0 !== undefined && fake1 !== undefined) out.fakeCpuSeconds += fake1 - fake0;
    out.ops++;
    if (plan.op === "put") await plan.cleanup?.(id);
  }
  const rate = (plan.count / spentMs) * 1000;
  out.opsPerSecond.push(rate);
  out.cpuMicrosPerOp.push(cpuMicros / plan.count);
  return rate;
}

/** How many requests one operation of `side` sends, counted at the fake. */
async function requestsPerOp(fake: FakeCloudProcess, side: InventoryContender, plan: BatchPlan): Promise<number> {
  const id = plan.op === "get" || !plan.cleanup ? SHARED_ID : "bench-probe";
  const { requests } = await fake.countDuring(() => (plan.op === "get" ? side.get(id) : side.put(sampleConfig(plan.vendor, id))));
  if (plan.op === "put") await plan.cleanup?.(id);
  return requests.length;
}

const newSamples = (): SideSamples => ({ opsPerSecond: [], cpuMicrosPerOp: [], fakeCpuSeconds: 0, ops: 0 });

export async function compare(ctx: MeasureContext, fake: FakeCloudProcess, vendor: Vendor, op: Op, share: number): Promise<Comparison> {
  const ours = ourClient(vendor, fake.url);
  const theirs = officialClient(vendor, fake.url);
  const janitor = createInventoryClient({ credentials: { [vendor]: credentialsOf(vendor) } });
  const ref = sourceRef(vendor, fake.url);
  const fakeCpu = () => (fake.pid === undefined ? undefined : readCpuSeconds(fake.pid));
  const result: Comparison = { vendor, op, ours: ours.name, theirs: theirs.name };
  try {
    await fake.reset();
    result.overwrites = await putOverwrites(janitor, ref);
    await fake.reset();
    if (op === "get") await janitor.putInventory(ref, sampleConfig(vendor, SHARED_ID));
    const cleanup = result.overwrites ? undefined : async (id: string) => void (await janitor.deleteInventory(ref, id));
    const plan: BatchPlan = { op, vendor, count: ctx.quick ? 20 : 50, cleanup };
    result.requestsPerOp = { ours: await requestsPerOp(fake, ours, plan), theirs: await requestsPerOp(fake, theirs, plan) };
    const samples = { A: newSamples(), B: newSamples() };
    const side = (name: "A" | "B", client: InventoryContender) => ({
      name: client.name,
      run: (round: number) => runBatch(client, plan, `${name}${round}`, round < 0 ? newSamples() : samples[name], fakeCpu),
    });
    const ab = await alternateAB(side("A", ours), side("B", theirs), {
      rounds: ctx.quick ? 3 : 10,
      deadline: ctx.deadline.slice(share),
      onRound: (r, n) => ctx.progress.step(`${vendor} ${op}: ours vs ${theirs.name}`, r, n),
    });
    const readable = fakeCpu() !== undefined;
    result.oursStats = statsOf(ab.a, samples.A, readable);
    result.theirsStats = statsOf(ab.b, samples.B, readable);
    result.ratio = pairedRatio(ab.a, ab.b);
  } catch (error) {
    result.error = error instanceof Error ? error.message.split("\n")[0] : String(error);
  } finally {
    await Promise.all([ours.close(), theirs.close(), janitor.close()]);
  }
  return result;
}
