/**
 * One row of the client measure: get, put or list of one vendor, 16 operations in flight, against the same fake
 * cloud process, by the floor client, ours and (outside the guard) the vendor's official SDK, each in a process of
 * its own (bench/support/clientWorker.ts), in alternating rounds (F O S, S O F, …). A sample is the worker's CPU
 * time over one batch ÷ its operations; what compares is each side's per-round ratio to the floor's sample of the
 * same round.
 */
import type { Vendor } from "../../../provider/model/inventoryConfig";
import { alternateRounds, roundRatio, type RoundRatio } from "../../framework/alternateRounds";
import type { MeasureContext } from "../../framework/measure";
import { summarize, type Summary } from "../../framework/stats";
import { createInventoryClient } from "../../../provider/client/createInventoryClient";
import { BUCKET_LIMIT, credentialsOf, sampleConfig, sourceRef } from "../../support/benchVendors";
import type { ClientSide, WorkerOp } from "../../support/clientWorker";
import { ClientWorkerProcess } from "../../support/clientWorkerProcess";
import type { FakeCloudProcess } from "../../support/fakeCloudProcess";
import { seedConfigurations } from "../../support/seedConfigurations";

export type ClientOp = WorkerOp;
export const IN_FLIGHT = 16;
const SHARED_ID = "bench-client-cpu";
/** Configurations on the listed bucket: one full page (OBS holds at most 10 per bucket, all on its one page). */
export const listedCount = (vendor: Vendor) => Math.min(100, BUCKET_LIMIT[vendor]);

export interface SideResult {
  side: ClientSide;
  name: string;
  /** µs of client CPU per operation, one sample per round. */
  cpu: Summary;
  samples: number[];
  /** This side's per-round ratio to the floor. */
  toFloor: RoundRatio;
  requestsPerOp?: number;
}

export interface CpuComparison {
  vendor: Vendor;
  op: ClientOp;
  /** Floor first, then ours, then the SDK. */
  sides: SideResult[];
  error?: string;
}

export interface ComparisonPlan {
  /** Operations per timed batch. */
  batch: number;
  warmupOps: number;
  rounds: number;
  withSdk: boolean;
}

/** get/put: a few hundred operations make a batch long enough for CPU time; a list page costs ~30× a get. */
export function planFor(op: ClientOp, ctx: Pick<MeasureContext, "quick" | "guard">): ComparisonPlan {
  const scale = op === "list" ? 1 / 20 : 1;
  const plan = (batch: number, warmupOps: number, rounds: number, withSdk: boolean) => ({ batch: Math.ceil(batch * scale), warmupOps: Math.ceil(warmupOps * scale), rounds, withSdk });
  if (ctx.guard) return plan(200, 600, 6, false);
  if (ctx.quick) return plan(150, 600, 4, true);
  return plan(300, 2400, 12, true);
}

/** get reads one stored configuration; list reads a bucket holding one full page. */
async function prepare(fake: FakeCloudProcess, vendor: Vendor, op: ClientOp): Promise<void> {
  await fake.reset();
  if (op === "list") await seedConfigurations(fake.url, vendor, listedCount(vendor));
  if (op !== "get") return;
  const janitor = createInventoryClient({ credentials: { [vendor]: credentialsOf(vendor) } });
  try {
    await janitor.putInventory(sourceRef(vendor, fake.url), sampleConfig(vendor, SHARED_ID));
  } finally {
    await janitor.close();
  }
}

/**
 * `workers`: one per side, floor first (then ours, then the SDK when the plan has it); each opens its client for
 * this vendor here.
 */
export async function compareCpu(ctx: MeasureContext, fake: FakeCloudProcess, workers: ClientWorkerProcess[], vendor: Vendor, op: ClientOp, plan: ComparisonPlan, share: number): Promise<CpuComparison> {
  const result: CpuComparison = { vendor, op, sides: [] };
  // OSS refuses a put on an existing id: its puts take fresh ids, and the fake is reset after each batch (untimed).
  const fresh = op === "put" && vendor === "oss";
  let batches = 0;
  const batch = async (worker: ClientWorkerProcess, count: number) => {
    const cost = await worker.run({ op, count, inFlight: IN_FLIGHT, id: SHARED_ID, freshIds: fresh ? `b${batches++}-` : undefined });
    if (fresh) await fake.reset();
    return cost.cpuMicrosPerOp;
  };
  try {
    await prepare(fake, vendor, op);
    for (const worker of workers) await worker.open(vendor, fake.url);
    const requests: number[] = [];
    for (const worker of workers) requests.push((await fake.countDuring(() => batch(worker, 1))).requests.length);
    const contenders = workers.map((worker) => ({
      name: worker.name,
      async run(round: number) {
        // The warm-up runs in batches too, so an OSS bucket never holds more than one batch of puts.
        if (round < 0) {
          for (let done = 0; done < plan.warmupOps; done += plan.batch) await batch(worker, plan.batch);
          return Number.NaN;
        }
        return batch(worker, plan.batch);
      },
    }));
    const samples = await alternateRounds(contenders, {
      rounds: plan.rounds,
      deadline: ctx.deadline.slice(share),
      onRound: (r, n) => ctx.progress.step(`${vendor} ${op}: ${workers.map((w) => w.name).join(" / ")}`, r, n),
    });
    const floor = samples[workers[0].name];
    result.sides = workers.map((worker, i) => ({
      side: worker.side,
      name: worker.name,
      cpu: summarize(samples[worker.name]),
      samples: samples[worker.name],
      toFloor: roundRatio(samples[worker.name], floor),
      requestsPerOp: requests[i],
    }));
  } catch (error) {
    result.error = error instanceof Error ? error.message.split("\n")[0] : String(error);
  }
  return result;
}
