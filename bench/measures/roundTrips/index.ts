/**
 * Measure 1: API round trips per operation, counted at the fake cloud: the resource's create, read, update,
 * delete (and check and diff) per vendor, and check at preview against buckets holding N configurations.
 */
import type { Vendor } from "../../../provider/model/inventoryConfig";
import { lineChart } from "../../framework/charts";
import { ms, msSpread, NONE, verdict } from "../../framework/format";
import type { Measure, MeasureResult, TargetCheck } from "../../framework/measure";
import { summarize } from "../../framework/stats";
import { BENCH_VENDORS } from "../../support/benchVendors";
import { FakeCloudProcess } from "../../support/fakeCloudProcess";
import { HostSession } from "../../support/hostSession";
import { describeCount, LOOKUP_OPERATIONS } from "../../support/requestCounts";
import { CHECK_NS, checkCounts, type CheckAtN } from "./checkCounts";
import { lifecycleCounts, type LifecycleStep, type VendorLifecycle } from "./lifecycleCounts";

const STEPS: LifecycleStep[] = ["check (new resource)", "create", "diff", "read", "check (changed field)", "update", "delete"];

/** The issue's targets; OSS refuses a put on an existing id, so its update is a delete and a put. */
function targetFor(step: LifecycleStep, vendor: Vendor): number | undefined {
  const targets: Partial<Record<LifecycleStep, number>> = { create: 2, read: 1, update: vendor === "oss" ? 2 : 1, delete: 1, diff: 0 };
  return targets[step];
}

/** List pages a check needs: one page answers "none" too; OBS returns everything on one page. */
export function expectedPages(vendor: Vendor, n: number): number {
  return vendor === "obs" ? 1 : Math.max(1, Math.ceil(n / 100));
}

function lifecycleTable(results: VendorLifecycle[]) {
  const rows = STEPS.map((step) => [
    step,
    ...results.map((r) => (r.counts[step] ? describeCount(r.counts[step]!) : r.error ? `error: ${r.error}` : NONE)),
    step === "update" ? "1 (OSS: 2, delete + put)" : String(targetFor(step, "s3") ?? "none"),
    targetFor(step, "s3") === undefined
      ? "—"
      : verdict(results.every((r) => r.counts[step]) ? results.every((r) => r.counts[step]!.total <= targetFor(step, r.vendor)!) : undefined),
  ]);
  return { caption: "Requests the fake cloud received per provider call (total: operations):", headers: ["provider call", ...results.map((r) => r.vendor), "target", "verdict"], rows };
}

function checkTable(results: CheckAtN[]) {
  const rows = results.map((r) => {
    if (r.skipped) return [r.vendor, String(r.n), `not possible: ${r.skipped}`, NONE, NONE, NONE, NONE, NONE];
    if (!r.first) return [r.vendor, String(r.n), `error: ${r.error}`, NONE, NONE, NONE, NONE, NONE];
    const laterCounts = new Set(r.later.map((l) => describeCount(l.count)));
    const pages = expectedPages(r.vendor, r.n);
    const met = r.first.count.listPages === pages && r.later.every((l) => l.count.lookups === 0);
    return [
      r.vendor, String(r.n), describeCount(r.first.count), `${pages} + look-ups`,
      laterCounts.size === 1 ? [...laterCounts][0] : [...laterCounts].join(" / "),
      ms(r.first.ms), msSpread(summarize(r.later.map((l) => l.ms))), r.error ? `error: ${r.error}` : verdict(met),
    ];
  });
  return {
    caption: "Check at preview against a bucket holding N configurations (first check in a fresh host, then the same check again in that host):",
    headers: ["vendor", "N", "first check: requests", "target: list pages", "later checks: requests", "first check", "later checks (median, p25–p75, n)", "verdict"],
    rows,
  };
}

function checkPlot(results: CheckAtN[]) {
  const series = BENCH_VENDORS.map((vendor) => ({
    name: vendor,
    points: CHECK_NS.map((n) => {
      const r = results.find((x) => x.vendor === vendor && x.n === n);
      const s = summarize(r?.later.map((l) => l.ms) ?? []);
      return { value: s.median, low: s.p25, high: s.p75 };
    }),
  }));
  const svg = lineChart({ title: "check latency vs configurations already on the bucket (warm host)", xLabel: "N configurations on the source bucket", yLabel: "ms per check (median, p25–p75)", categories: CHECK_NS.map(String), series });
  return { file: "check-latency-vs-n.svg", title: "Check latency vs N", svg };
}

function targets(lifecycle: VendorLifecycle[], checks: CheckAtN[]): TargetCheck[] {
  const out: TargetCheck[] = [];
  for (const step of ["create", "read", "update", "delete"] as LifecycleStep[]) {
    const seen = lifecycle.map((r) => `${r.vendor} ${r.counts[step]?.total ?? "?"}`).join(", ");
    const measured = lifecycle.every((r) => r.counts[step]);
    out.push({
      what: `${step}: requests`,
      target: step === "update" ? "1 (OSS 2: delete + put)" : String(targetFor(step, "s3")),
      current: seen,
      met: measured ? lifecycle.every((r) => r.counts[step]!.total <= targetFor(step, r.vendor)!) : undefined,
    });
  }
  const measured = checks.filter((c) => c.first);
  const pagesRight = measured.filter((c) => c.first!.count.listPages === expectedPages(c.vendor, c.n));
  const cached = measured.filter((c) => c.later.every((l) => l.count.lookups === 0));
  const lookups = BENCH_VENDORS.map((v) => `${v} ${measured.find((c) => c.vendor === v)?.first?.count.lookups ?? "?"}`).join(", ");
  out.push({
    what: "check: list pages; bucket look-ups cached per process",
    target: "⌈N/100⌉ pages (1 when N = 0; OBS 1) + look-ups once per bucket per process",
    current:
      `pages as targeted in ${pagesRight.length}/${measured.length} cases; look-ups on the first check: ${lookups}; ` +
      `none on later checks in ${cached.length}/${measured.length} cases`,
    met: measured.length ? pagesRight.length === measured.length && cached.length === measured.length : undefined,
  });
  return out;
}

/** OSS's update, request by request: what OSS forces (delete + put) and what the provider adds. */
function ossUpdateNote(sequence: string[]): string {
  const deleteAt = sequence.indexOf("DeleteInventory");
  const lastPut = sequence.lastIndexOf("PutInventory");
  const extras = [
    sequence.some((op) => op.startsWith("PutInventory 409")) ? "a put that OSS refused (409) before the provider fell back to delete + put" : "",
    deleteAt > 0 && sequence.slice(0, deleteAt).includes("GetInventory") ? "a GetInventory before the delete (the configuration to put back if the new put fails)" : "",
    lastPut >= 0 && sequence.slice(lastPut + 1).includes("GetInventory") ? "the read-back after the put" : "",
  ].filter(Boolean);
  return (
    `OSS refuses a put on an existing id, so an update must delete and put (the target's 2). It ran ${sequence.join(" → ")}.` +
    (extras.length ? ` Beyond delete + put: ${extras.join("; ")}; these are the provider's choices, not OSS's.` : "")
  );
}

/** What explains the counts, read from the counts themselves. */
function notes(lifecycle: VendorLifecycle[], checks: CheckAtN[]): string[] {
  const out: string[] = [];
  const over = (step: LifecycleStep) => lifecycle.filter((r) => r.counts[step] && r.counts[step]!.total > targetFor(step, r.vendor)!);
  const creates = over("create");
  if (creates.length) {
    const seen = creates.map((r) => `${r.vendor} ${describeCount(r.counts.create!)}`).join("; ");
    out.push(
      `create is over its target of 2 (${seen}). Besides the probe GetInventory (create never overwrites a configuration ` +
        "this stack did not make) and the PutInventory, the provider reads the configuration back after the put " +
        "(provider/resource/lifecycle.ts `readBack`) to return the service's own view and to wait out read-after-write lag. " +
        "That read-back is the request over the target; meeting it means returning the normalized configuration that was " +
        "put, or reading back only on a vendor known to lag.",
    );
  }
  const updates = over("update");
  const overwriting = updates.filter((r) => r.vendor !== "oss");
  if (overwriting.length) {
    const seen = overwriting.map((r) => `${r.vendor} ${r.counts.update!.sequence.join(" → ")}`).join("; ");
    out.push(`update is over its target of 1 where the put overwrites (${seen}): the same read-back after the put.`);
  }
  const oss = updates.find((r) => r.vendor === "oss");
  if (oss) out.push(ossUpdateNote(oss.counts.update!.sequence));
  const lookups = BENCH_VENDORS.map((vendor) => {
    const first = checks.find((c) => c.vendor === vendor && c.first)?.first;
    if (!first) return `${vendor} not measured`;
    const ops = Object.entries(first.count.byOperation).filter(([op]) => LOOKUP_OPERATIONS.has(op.split(" ")[0]));
    return `${vendor} ${first.count.lookups} (${ops.map(([op, n]) => (n > 1 ? `${op} ×${n}` : op)).join(", ")})`;
  });
  out.push(
    `Bucket look-ups on the first check in a process, for the source and the destination bucket: ${lookups.join("; ")}. ` +
      "Later checks in the same process make none (cached per bucket), but list the source bucket's configurations again " +
      "every time: the limit check counts what the bucket holds now.",
  );
  const big = checks.filter((c) => c.n === 1000 && c.later.length > 0);
  if (big.length) {
    const perPage = big.map((c) => `${c.vendor} ${ms(summarize(c.later.map((l) => l.ms)).median / expectedPages(c.vendor, c.n))}`);
    out.push(`At N = 1000 a warm check spends, per list page of 100 configurations: ${perPage.join(", ")} (most of it parsing the page; see measure 5).`);
  }
  return out;
}

export const roundTripsMeasure: Measure = {
  id: "round-trips",
  title: "API round trips per operation",
  budgetMs: 120_000,
  async run(ctx): Promise<MeasureResult> {
    const fake = await FakeCloudProcess.start(ctx.projectRoot);
    const session = await HostSession.open(ctx.projectRoot);
    try {
      const lifecycle = await lifecycleCounts(ctx, session, fake);
      const checks = await checkCounts(ctx, session, fake);
      return {
        method: [
          "Each vendor's resource (default-seed buckets, one configuration) goes through the real dynamic provider host:",
          "Check (new) → Create → Check (changed field) → Diff → Read → Update → Delete, with the properties the engine",
          "sends. The fake cloud's request log is cleared before and read after each call. Then, per vendor and N, the",
          "source bucket is filled with N configurations, a fresh host is started (empty look-up cache) and the same",
          "preview Check runs once, then again repeatedly in that host. Stack config holds credentials for every vendor,",
          "so check runs its live checks (destination look-up, limits against the bucket's existing configurations).",
        ],
        tables: [lifecycleTable(lifecycle), checkTable(checks)],
        plots: [checkPlot(checks)],
        targets: targets(lifecycle, checks),
        notes: notes(lifecycle, checks),
        raw: {
          lifecycle: lifecycle.map((r) => ({ vendor: r.vendor, error: r.error, requests: Object.fromEntries(Object.entries(r.counts).map(([k, c]) => [k, c!.sequence])) })),
          checks: checks.map((c) => ({
            vendor: c.vendor, n: c.n, skipped: c.skipped, error: c.error,
            first: c.first && { requests: c.first.count.sequence, ms: c.first.ms },
            later: { requests: [...new Set(c.later.map((l) => describeCount(l.count)))], ms: c.later.map((l) => l.ms) },
          })),
        },
      };
    } finally {
      await session.close();
      await fake.close();
    }
  },
};
