/**
 * Measure 2: get and put of the same configuration, ours against each vendor's official SDK, against the same fake
 * cloud process, in alternating A/B batches (A B, B A, …) in one process tree.
 */
import type { Measure } from "../../framework/measure";
import { BENCH_VENDORS } from "../../support/benchVendors";
import { FakeCloudProcess } from "../../support/fakeCloudProcess";
import { compare, type Comparison, type Op } from "./comparison";
import { report } from "./throughputReport";

export const throughputMeasure: Measure = {
  id: "throughput",
  title: "Throughput beside the official SDKs (context)",
  budgetMs: 150_000,
  async run(ctx) {
    const fake = await FakeCloudProcess.start(ctx.projectRoot);
    const comparisons: Comparison[] = [];
    try {
      const tasks = BENCH_VENDORS.flatMap((v) => (["get", "put"] as Op[]).map((op) => [v, op] as const));
      for (const [i, [vendor, op]] of tasks.entries()) {
        comparisons.push(await compare(ctx, fake, vendor, op, 1 / (tasks.length - i)));
      }
    } finally {
      await fake.close();
    }
    return report(comparisons);
  },
};
