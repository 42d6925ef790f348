/** Measure 5: the fake cloud under load: 1000 configurations listed page by page; 200 concurrent clients. */
import { bytes, ms, msSpread, NONE, rate, sig, verdict } from "../../framework/format";
import type { Measure, MeasureResult } from "../../framework/measure";
import { summarize } from "../../framework/stats";
import { writeBenchSeed } from "../../support/benchSeed";
import { FakeCloudProcess } from "../../support/fakeCloudProcess";
import { CLIENTS, concurrentClients, type LoadResult } from "./concurrentClients";
import { OPS } from "./presignedRequests";
import { LISTED, PAGED_VENDORS, pagedListing, type ListingResult } from "./pagedListing";

const P99_TARGET_MS = 50;
/** Paced run: 200 clients × 1 request per 500 ms = 400 requests/s offered, about a third of what the fake serves here. */
const PACE_MS = 500;

function listingTable(results: ListingResult[]) {
  return {
    caption: `${LISTED} configurations on one bucket, listed through our client (each page as the client sees it):`,
    headers: ["vendor", "pages per listing", "configurations returned", "per page (median, p25–p75, n)", "page p99", "whole listing (median, p25–p75, n)", "CPU per listing: client / fake"],
    rows: results.map((r) =>
      r.error
        ? [r.vendor, `error: ${r.error}`, NONE, NONE, NONE, NONE, NONE]
        : [r.vendor, String(r.pagesPerListing), `${r.configurationsSeen}${r.configurationsSeen === LISTED ? " ✅" : " ❌"}`, msSpread(summarize(r.pageMs)), ms(summarize(r.pageMs).p99), msSpread(summarize(r.listingMs)), `${ms(r.clientCpuMsPerListing ?? Number.NaN)} / ${ms(r.fakeCpuMsPerListing ?? Number.NaN)}`],
    ),
    align: ["l", "r", "r", "r", "r", "r", "r"] as ("l" | "r")[],
  };
}

function loadCaption(load: LoadResult, answered: number): string {
  const mode = load.paceMs ? `each sending one request every ${load.paceMs} ms (latency from when it was due)` : "sending back to back (closed loop)";
  const cpu = load.fakeCpuSeconds === undefined ? NONE : `${sig(load.fakeCpuSeconds)} s`;
  const perRequest = load.fakeCpuSeconds === undefined || !answered ? "" : ` (${sig((load.fakeCpuSeconds * 1e6) / answered)} µs per request)`;
  return (
    `${load.clients} concurrent clients, one bucket and one connection each, ${mode}: ${answered} answered in ${ms(load.wallMs)} ` +
    `= ${rate((answered / load.wallMs) * 1000)}. CPU: fake cloud ${cpu}${perRequest}, load generator ${sig(load.generatorCpuSeconds)} s; ` +
    `fake cloud peak RSS ${load.fakePeakRssBytes === undefined ? NONE : bytes(load.fakePeakRssBytes)}:`
  );
}

function loadTable(load: LoadResult) {
  const all = OPS.flatMap((op) => load.latencies[op]);
  const errorsOf = (op: string) => Object.entries(load.errors).filter(([k]) => k.startsWith(`${op}:`)).reduce((s, [, n]) => s + n, 0);
  const row = (label: string, values: number[], errors: number) => {
    const s = summarize(values);
    return [label, String(s.n), ms(s.median), ms(s.p99), ms(s.max), String(errors)];
  };
  const errorCount = Object.values(load.errors).reduce((s, n) => s + n, 0);
  return {
    caption: loadCaption(load, all.length),
    headers: ["operation", "completed", "p50", "p99", "max", "errors"],
    rows: [...OPS.map((op) => row(op, load.latencies[op], errorsOf(op))), row("**all**", all, errorCount)],
    align: ["l", "r", "r", "r", "r", "r"] as ("l" | "r")[],
  };
}

const answeredIn = (load: LoadResult) => OPS.reduce((s, op) => s + load.latencies[op].length, 0);

/** Why the latencies are what they are: Little's law, who used the CPU, and what listing costs on each side. */
function notes(listings: ListingResult[], loads: LoadResult[]): string[] {
  const out: string[] = [];
  const closed = loads[0];
  const answered = answeredIn(closed);
  if (answered > 0) {
    const perSecond = (answered / closed.wallMs) * 1000;
    let text =
      `Back to back, ${closed.clients} requests are always in flight, so (Little's law) the mean latency is ${closed.clients} ÷ ` +
      `throughput = ${ms((closed.clients / perSecond) * 1000)}, whatever the server does; a p99 under 50 ms would need well over ` +
      `${rate(closed.clients / 0.05)}. The fake answered ${rate(perSecond)}`;
    if (closed.fakeCpuSeconds !== undefined) {
      const micros = (closed.fakeCpuSeconds * 1e6) / answered;
      text += `, spending ${sig(micros)} µs of CPU per request: one node process on one core serves at most about ${rate(1e6 / micros)}`;
      const wall = closed.wallMs / 1000;
      const fakeShare = closed.fakeCpuSeconds / wall;
      const generatorShare = closed.generatorCpuSeconds / wall;
      if (fakeShare < 0.8 && generatorShare < 0.8) {
        text +=
          `. Neither process kept a core busy all the time (fake ${Math.round(fakeShare * 100)} %, load generator ` +
          `${Math.round(generatorShare * 100)} % of the wall time), so this throughput is below the fake's CPU limit: the ` +
          "rest went to the kernel's loopback work and to waiting for a CPU (see the load average under Machine)";
      }
    }
    out.push(`${text}.`);
  }
  const paced = loads[1];
  if (paced && answeredIn(paced) > 0) {
    const all = summarize(OPS.flatMap((op) => paced.latencies[op]));
    out.push(
      `Paced at one request per ${paced.paceMs} ms per client (${rate((paced.clients * 1000) / paced.paceMs!)} offered), ` +
        `latency is the fake's service time plus little queueing: p50 ${ms(all.median)}, p99 ${ms(all.p99)}.`,
    );
  }
  const split = listings.filter((l) => l.clientCpuMsPerListing !== undefined && l.fakeCpuMsPerListing !== undefined && l.pagesPerListing);
  if (split.length) {
    const clientBound = split.every((l) => l.clientCpuMsPerListing! > l.fakeCpuMsPerListing!);
    out.push(
      (clientBound ? "Listing is bound by the client: " : "Listing cost, ") +
        "per page of 100 configurations our client spends " +
        split.map((l) => `${l.vendor} ${ms(l.clientCpuMsPerListing! / l.pagesPerListing!)}`).join(", ") +
        " of CPU (XML parse, deserialize, normalize) against the fake's " +
        split.map((l) => `${ms(l.fakeCpuMsPerListing! / l.pagesPerListing!)}`).join(", ") +
        " to build the page.",
    );
  }
  return out;
}

const errorsIn = (load: LoadResult) => Object.values(load.errors).reduce((s, n) => s + n, 0);

function report(listings: ListingResult[], loads: LoadResult[]): MeasureResult {
  const closed = loads[0];
  const all = summarize(OPS.flatMap((op) => closed.latencies[op]));
  const paced = loads[1] ? summarize(OPS.flatMap((op) => loads[1].latencies[op])) : undefined;
  return {
    method: [
      "The fake cloud runs in its own process with the bench seed (the default seed plus 50 source buckets per vendor).",
      `Listing: per paginated vendor, ${LISTED} configurations are put on one bucket, then listed in full repeatedly;`,
      "OBS is left out (10 configurations per bucket, one page). Load: every request is built and signed with the",
      "provider's own dialects and signers before the clock starts, and every client opens its connection with one",
      "untimed request; then the clients start together, each sending its",
      "requests back to back on its own connection (a closed loop, no think time), so with all clients busy the",
      "latency is the time a request waits in the fake's single process plus its service time.",
    ],
    tables: [listingTable(listings), ...loads.map(loadTable)],
    plots: [],
    targets: [
      { what: `${CLIENTS} concurrent clients, back to back: p99 latency`, target: "< 50 ms", current: all.n ? ms(all.p99) : "not measured", met: all.n ? all.p99 < P99_TARGET_MS : undefined },
      ...(paced && loads[1]
        ? [{ what: `${CLIENTS} concurrent clients, 1 request per ${loads[1].paceMs} ms each: p99 latency`, target: "< 50 ms", current: paced.n ? ms(paced.p99) : "not measured", met: paced.n ? paced.p99 < P99_TARGET_MS : undefined }]
        : []),
      { what: `${CLIENTS} concurrent clients: errors`, target: "0", current: loads.map((l) => `${errorsIn(l)} of ${OPS.reduce((s, op) => s + l.latencies[op].length, 0) + errorsIn(l)}`).join("; "), met: all.n ? loads.every((l) => errorsIn(l) === 0) : undefined },
      {
        what: `${LISTED} configurations listed page by page`,
        target: "every configuration returned",
        current: listings.map((l) => `${l.vendor} ${l.configurationsSeen ?? l.error}`).join(", "),
        met: listings.every((l) => l.configurationsSeen === LISTED),
      },
    ],
    notes: [...notes(listings, loads), ...loads.filter((l) => errorsIn(l) > 0).map((l) => `Errors (${l.paceMs ? "paced" : "back to back"}) by operation and code: ${Object.entries(l.errors).map(([k, n]) => `${k} ×${n}`).join(", ")}.`)],
    raw: { listings: listings.map(({ pageMs, ...rest }) => ({ ...rest, pageMs: summarize(pageMs) })), loads: loads.map((l) => ({ ...l, latencies: Object.fromEntries(OPS.map((op) => [op, summarize(l.latencies[op])])) })) },
  };
}

export const fakeLoadMeasure: Measure = {
  id: "fake-load",
  title: "Fake cloud under load",
  budgetMs: 75_000,
  async run(ctx) {
    const seed = writeBenchSeed();
    const fake = await FakeCloudProcess.start(ctx.projectRoot, { seedFile: seed.file });
    try {
      const listings = [];
      for (const vendor of PAGED_VENDORS) listings.push(await pagedListing(ctx, fake, vendor, ctx.quick ? 3 : 15));
      const progress = (label: string, done: number, total: number) => ctx.progress.step(label, done, total);
      const closed = await concurrentClients(fake, { opsPerClient: ctx.quick ? 12 : 60, deadline: ctx.deadline.slice(0.5) }, progress);
      const paced = await concurrentClients(fake, { opsPerClient: ctx.quick ? 8 : 24, paceMs: PACE_MS, deadline: ctx.deadline }, progress);
      return report(listings, [closed, paced]);
    } finally {
      await fake.close();
      seed.remove();
    }
  },
};
