/**
 * Client CPU against the floor (issue 13): per vendor, get and put with 16 in flight, and a list page of 100
 * configurations, by the floor client, ours and the vendor's official SDK, against one fake cloud process.
 */
import type { Measure } from "../../framework/measure";
import { BENCH_VENDORS } from "../../support/benchVendors";
import { FakeCloudProcess } from "../../support/fakeCloudProcess";
import { clientCpuReport } from "./clientCpuReport";
import { compareCpu, planFor, type ClientOp, type CpuComparison } from "./cpuComparison";

export const clientCpuMeasure: Measure = {
  id: "client-cpu",
  title: "Client CPU against the floor, with the official SDKs beside it",
  budgetMs: 240_000,
  guardBudgetMs: 25_000,
  async run(ctx) {
    const fake = await FakeCloudProcess.start(ctx.projectRoot);
    const comparisons: CpuComparison[] = [];
    try {
      const tasks = (["get", "put", "list"] as ClientOp[]).flatMap((op) => BENCH_VENDORS.map((vendor) => [vendor, op] as const));
      for (const [i, [vendor, op]] of tasks.entries()) {
        const plan = planFor(op, ctx);
        comparisons.push(await compareCpu(ctx, fake, vendor, op, plan, 1 / (tasks.length - i)));
      }
    } finally {
      await fake.close();
    }
    return clientCpuReport(comparisons, ctx.guard);
  },
};
