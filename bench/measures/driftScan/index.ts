/**
 * 7. `bucket-inventory drift` at scale (issue 14): requests and wall time for 10, 100 and 1000 managed buckets per
 * vendor, every configuration in sync. The target: one list request per bucket page, nothing per in-sync
 * configuration (bucket look-ups, cached per bucket, are counted apart).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Vendor } from "../../../provider/model/inventoryConfig";
import { boundedLoop } from "../../framework/deadline";
import { msSpread } from "../../framework/format";
import { emptyResult, type Measure, type MeasureContext, type MeasureResult } from "../../framework/measure";
import { summarize } from "../../framework/stats";
import { BENCH_VENDORS } from "../../support/benchVendors";
import { FakeCloudProcess } from "../../support/fakeCloudProcess";
import { prepareState, runDrift, writeDriftSeed, type DriftSample } from "./driftRun";

export const DRIFT_NS = [10, 100, 1000];

interface DriftCase {
  vendor: Vendor;
  buckets: number;
  perBucket: number;
  samples: DriftSample[];
}

const OTHER = (s: DriftSample) => s.count.total - s.count.listPages - s.count.lookups;

async function oneCase(ctx: MeasureContext, fake: FakeCloudProcess, dir: string, vendor: Vendor, n: number, k: number): Promise<DriftCase> {
  await fake.reset();
  const state = await prepareState(fake, vendor, n, k, (done, total) => ctx.progress.step(`${vendor}: ${n} buckets × ${k}: putting configurations`, done, total));
  const file = path.join(dir, `${vendor}-${n}-${k}.json`);
  fs.writeFileSync(file, state);
  const samples: DriftSample[] = [];
  const maxCount = ctx.quick ? 1 : n >= 1000 ? 3 : 5;
  await boundedLoop({ maxCount, deadline: ctx.deadline, minCount: 1 }, async (i) => {
    ctx.progress.step(`${vendor}: drift over ${n} buckets × ${k}`, i, maxCount);
    samples.push(await runDrift(ctx.projectRoot, fake, vendor, file));
  });
  return { vendor, buckets: n, perBucket: k, samples };
}

function report(cases: DriftCase[]): MeasureResult {
  const result = emptyResult();
  const rows = cases.map((c) => {
    const s = c.samples[0];
    return [c.vendor, String(c.buckets), String(c.buckets * c.perBucket), String(s.count.listPages), String(s.count.lookups), String(OTHER(s)), String(s.count.total), msSpread(summarize(c.samples.map((x) => x.ms)))];
  });
  result.tables.push({
    caption: "Every configuration in sync (exit 0). Requests as the fake cloud counted them, in the first run of each case; wall time of the command, spawn to exit.",
    headers: ["vendor", "managed buckets", "configurations", "list requests", "bucket look-ups", "other requests", "requests in all", "wall time"],
    rows,
    align: ["l", "r", "r", "r", "r", "r", "r", "r"],
  });
  const steady = cases.every((c) => c.samples.every((s) => s.count.listPages === c.buckets && OTHER(s) === 0 && s.inSync === c.buckets * c.perBucket));
  const perConfig = BENCH_VENDORS.map((v) => {
    const [one, two] = [1, 2].map((k) => cases.find((c) => c.vendor === v && c.buckets === DRIFT_NS[0] && c.perBucket === k));
    return one && two ? two.samples[0].count.total - one.samples[0].count.total : undefined;
  });
  const at1000 = cases.filter((c) => c.buckets === 1000 && c.perBucket === 1);
  result.targets.push(
    { what: "drift: list requests", target: "one per bucket page; no other inventory request", current: steady ? `${cases.length}/${cases.length} cases` : "see the table", met: steady },
    {
      what: "drift: requests per in-sync configuration",
      target: "0",
      current: perConfig.every((d) => d !== undefined) ? `2 configurations per bucket cost ${perConfig.map((d, i) => `${BENCH_VENDORS[i]} +${d}`).join(", ")} requests over 1` : "not measured",
      met: perConfig.every((d) => d === 0) ? true : perConfig.some((d) => d === undefined) ? undefined : false,
    },
    { what: "drift: wall time for 1000 managed buckets", target: "none (reported)", current: at1000.map((c) => `${c.vendor} ${msSpread(summarize(c.samples.map((s) => s.ms)))}`).join("; ") || "not measured", informational: true },
  );
  result.method.push(
    "- The fake cloud in its own process with the default seed plus 1,000 source buckets per vendor. For each vendor and N in " +
      `${DRIFT_NS.join(", ")}: N buckets each get one configuration (and, at N = ${DRIFT_NS[0]}, also two) through our client, untimed; the state is`,
    "  written as `pulumi stack export` writes it, one BucketInventory per configuration, all in sync.",
    "- Then `bucket-inventory drift --state <file> --json --quiet` runs as a CI job runs it (the built command, its own process,",
    "  credentials in the environment, default concurrency: 8 buckets at a time per vendor). Requests are counted at the fake;",
    "  wall time is spawn to exit, so it includes node's start-up (about 0.2 s).",
    "- Look-ups: every destination bucket once (the configurations all write to the vendor's `reports`: OSS GetBucketInfo, COS",
    "  HEAD and ACL, OBS location and ACL, S3 HeadBucket); on OSS and OBS, which require source and destination in one account,",
    "  each source bucket once as well.",
  );
  result.notes.push(
    "Requests grow with buckets, not with configurations: a bucket costs its list pages and, on OSS and OBS, its own look-up " +
      "(OSS GetBucketInfo; OBS location and ACL), whatever it holds. Nothing is read per configuration: no GetInventory at all.",
  );
  result.raw = cases.map((c) => ({ vendor: c.vendor, buckets: c.buckets, perBucket: c.perBucket, samples: c.samples.map((s) => ({ ms: s.ms, requests: s.count.byOperation })) }));
  return result;
}

export const driftScanMeasure: Measure = {
  id: "drift",
  title: "bucket-inventory drift at scale",
  budgetMs: 150_000,
  async run(ctx) {
    const seed = writeDriftSeed();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-drift-state-"));
    const fake = await FakeCloudProcess.start(ctx.projectRoot, { seedFile: seed.file });
    try {
      const cases: DriftCase[] = [];
      const ns = ctx.quick ? DRIFT_NS.slice(0, 2) : DRIFT_NS;
      for (const vendor of BENCH_VENDORS) {
        cases.push(await oneCase(ctx, fake, dir, vendor, DRIFT_NS[0], 2));
        for (const n of ns) cases.push(await oneCase(ctx, fake, dir, vendor, n, 1));
      }
      return report(cases);
    } finally {
      await fake.close();
      seed.remove();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
