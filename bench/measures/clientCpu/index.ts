/**
 * Client CPU against the floor (issue 13): per vendor, get and put with 16 in flight, and a list page of 100
 * configurations, by the floor client, ours and the vendor's official SDK, against one fake cloud process.
 */
import type { Vendor } from "../../../provider/model/inventoryConfig";
import type { Measure } from "../../framework/measure";
import type { ClientSide } from "../../support/clientWorker";
import { ClientWorkerProcess } from "../../support/clientWorkerProcess";
import { BENCH_VENDORS } from "../../support/benchVendors";
import { FakeCloudProcess } from "../../support/fakeCloudProcess";
import { clientCpuReport } from "./clientCpuReport";
import { compareCpu, planFor, type ClientOp, type CpuComparison } from "./cpuComparison";

/** The guard's rows: each signing family's get and put, and one list page (the code between is shared). */
const GUARD_TASKS: [Vendor, ClientOp][] = [["oss", "get"], ["s3", "get"], ["oss", "put"], ["s3", "put"], ["s3", "list"]];

function tasksFor(guard: boolean): [Vendor, ClientOp][] {
  if (guard) return GUARD_TASKS;
  return (["get", "put", "list"] as ClientOp[]).flatMap((op) => BENCH_VENDORS.map((vendor) => [vendor, op] as [Vendor, ClientOp]));
}

export const clientCpuMeasure: Measure = {
  id: "client-cpu",
  title: "Client CPU against the floor, with the official SDKs beside it",
  budgetMs: 240_000,
  guardBudgetMs: 25_000,
  async run(ctx) {
    const withSdk = planFor("get", ctx).withSdk;
    const sides: ClientSide[] = withSdk ? ["floor", "ours", "sdk"] : ["floor", "ours"];
    const workers = sides.map((side) => ClientWorkerProcess.start(side));
    const fake = await FakeCloudProcess.start(ctx.projectRoot);
    const comparisons: CpuComparison[] = [];
    try {
      const tasks = tasksFor(ctx.guard);
      for (const [i, [vendor, op]] of tasks.entries()) {
        comparisons.push(await compareCpu(ctx, fake, workers, vendor, op, planFor(op, ctx), 1 / (tasks.length - i)));
      }
    } finally {
      await Promise.all([fake.close(), ...workers.map((w) => w.close())]);
    }
    return clientCpuReport(comparisons, ctx.guard);
  },
};
