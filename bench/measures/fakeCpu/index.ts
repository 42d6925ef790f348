/**
 * The fake cloud's CPU per request against its floor (issue 13): a bare node:http server answering the very bytes
 * the fake answered, under the same load (16 clients back to back, each on its own bucket, put → get → list →
 * delete), in alternating rounds; the server process's CPU per request from /proc.
 */
import { alternateRounds, roundRatio } from "../../framework/alternateRounds";
import { ratio, sig } from "../../framework/format";
import type { Measure, MeasureResult } from "../../framework/measure";
import { guardLimit } from "../../framework/guard";
import { summarize } from "../../framework/stats";
import { BareServerProcess } from "../../floors/bareServerProcess";
import { writeBenchSeed } from "../../support/benchSeed";
import { FakeCloudProcess } from "../../support/fakeCloudProcess";
import { OPS } from "../fakeLoad/presignedRequests";
import { LoadClients, planLoad, record, runBatch } from "./serverLoad";

const TARGET = 2;
/** Where the fake stood when the guard was set (BENCHMARKS.md: the target is missed, and why): its guard holds it there. */
const STANDS_AT = 4.3;
const CONNECTIONS = 16;

const METHOD = [
  `${CONNECTIONS} clients, each on its own connection and its own bucket (vendors in turn), send their pre-signed`,
  `${OPS.join(" → ")} cycle back to back (the provider's own dialects and signers built and signed them before the`,
  "clock started). The same requests go, in alternating rounds, to the fake cloud and to its floor, `bench/floors/",
  "bareServer.js`: a bare node:http server in its own process answering each request with the status, headers and",
  "body the fake answered it with (recorded beforehand), reading the request body and doing nothing else. A sample",
  "is the server process's CPU time over one round (summed over its threads from /proc/<pid>/task/*/schedstat) ÷ the",
  "requests it answered; the ratio is the median of per-round ratios.",
];

export const fakeCpuMeasure: Measure = {
  id: "fake-cpu",
  title: "Fake cloud CPU per request against a bare node:http server",
  budgetMs: 60_000,
  guardBudgetMs: 12_000,
  async run(ctx) {
    const seed = writeBenchSeed();
    const fake = await FakeCloudProcess.start(ctx.projectRoot, { seedFile: seed.file });
    let bare: BareServerProcess | undefined;
    const loads: LoadClients[] = [];
    try {
      const perClient = ctx.guard ? 40 : ctx.quick ? 40 : 100;
      const plans = await planLoad(fake.url, CONNECTIONS, perClient);
      const fakeLoad = new LoadClients(fake.url, CONNECTIONS);
      loads.push(fakeLoad);
      const answers = await record(fakeLoad, plans);
      bare = await BareServerProcess.start(answers);
      const bareLoad = new LoadClients(bare.url, CONNECTIONS);
      loads.push(bareLoad);
      const bareServer = bare;
      const samples = await alternateRounds(
        [
          { name: "bare", run: () => runBatch(bareLoad, bareServer.pid!, plans) },
          { name: "fake", run: () => runBatch(fakeLoad, fake.pid!, plans) },
        ],
        { rounds: ctx.guard ? 6 : ctx.quick ? 4 : 12, deadline: ctx.deadline, onRound: (r, n) => ctx.progress.step("fake cloud / bare server", r, n) },
      );
      return report(samples.bare, samples.fake, answers.length, ctx.guard);
    } finally {
      await Promise.all(loads.map((l) => l.close()));
      await Promise.all([fake.close(), bare?.close()]);
      seed.remove();
    }
  },
};

function report(bare: number[], fake: number[], distinct: number, guard: boolean): MeasureResult {
  const r = roundRatio(fake, bare);
  const limit = guard ? guardLimit(TARGET, STANDS_AT) : TARGET;
  const met = Number.isFinite(r.median) ? r.median <= limit : undefined;
  const b = summarize(bare);
  const f = summarize(fake);
  return {
    method: METHOD,
    tables: [{
      headers: ["server", "CPU per request (median, p25–p75, rounds)", "÷ floor (p25–p75)", "target", "verdict"],
      rows: [
        ["bare node:http (floor)", `${sig(b.median)} µs (${sig(b.p25)}–${sig(b.p75)}, n=${b.n})`, "1×", "", ""],
        ["fake cloud", `${sig(f.median)} µs (${sig(f.p25)}–${sig(f.p75)}, n=${f.n})`, `${ratio(r.median)} (${sig(r.p25)}–${sig(r.p75)})`, `≤ ${sig(limit)}×`, met === undefined ? "not measured" : met ? "✅ met" : `❌ **missed** by ${sig((r.median / limit - 1) * 100, 2)} %`],
      ],
      align: ["l", "r", "r", "l", "l"],
    }],
    plots: [],
    targets: [{ what: "fake cloud CPU per request ÷ bare node:http server", target: `≤ ${sig(limit)}×`, current: ratio(r.median), met }],
    notes: [
      `The bare server answers ${distinct} distinct requests from memory; what the fake spends above it (${sig(f.median - b.median)} µs per request) ` +
        "is the fake's job: parsing the request (headers, target, query), naming the caller from its key and verifying the " +
        "signature (the scheme's canonical request, a hash, one or two HMACs; V4 signing keys are derived once per day and " +
        "scope), refusing what the service refuses (clock skew, Content-MD5, x-amz-content-sha256), reading a put's XML (UTF-8 " +
        "and XML 1.0 checks, fast-xml-parser's validator and parser) against the vendor's schema and rules, the store, " +
        "rendering the answer's XML, and logging the request.",
      ...(met === false && !guard
        ? [
            `The ≤ ${TARGET}× target is missed: it would leave the fake ${sig(TARGET * b.median - b.median)} µs per request above a server ` +
              "that does nothing, less than verifying one signature and reading one document cost. Cut so far: ids from a pooled " +
              "random buffer (an OpenSSL call and a getpid per id before), derived signing keys kept, one-shot hashes, COS encoding " +
              "only the listed headers, the log masking credentials when read instead of on every request, answers rendered into " +
              "one string (no array, closure or entry list per element). Profiled under this load (perf on CPU time, the main " +
              "thread): about a third of the fake's own work reads a put's document (fast-xml-parser's validator, then its " +
              "parser), a third verifies the signature (parsing the Authorization header, the canonical request, the HMACs), the " +
              "rest is the store, the schema, rendering and the log; V8's optimizing compiler adds its own threads while the " +
              "rounds warm up. What is left is the verification and the XML the fake exists for; the guard holds it where it stands.",
          ]
        : []),
    ],
    raw: { bare, fake, ratio: r },
  };
}
