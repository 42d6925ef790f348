/**
 * The SDK comparison's section of BENCHMARKS.md, kept as context (issue 13): requests, ops/s and CPU per operation,
 * ours beside each official SDK, sequential. No verdict: both sides wait for the same server, so an ops/s ratio
 * says little; the targets are judged against the floor in the client-cpu measure.
 */
import { barChart } from "../../framework/charts";
import { NONE, rateSpread, ratio, sig } from "../../framework/format";
import type { MeasureResult } from "../../framework/measure";
import type { Comparison } from "./comparison";

const METHOD = [
  "Per vendor and operation, our InventoryClient (defaults: OSS signs V4, up to 3 attempts, undici keep-alive) and the",
  "vendor's official SDK (its defaults: ali-oss signs V1; esdk-obs-nodejs, given an IP endpoint, uses path-style",
  "addressing with its S3-compatible V2 signature; cos-nodejs-sdk-v5 connects to the fake's address through its `Ip`",
  "option and keeps the virtual-hosted Host) run batches of sequential operations against the same fake cloud",
  "process: get reads a configuration put once beforehand; put writes the same configuration again where the vendor",
  "overwrites (COS, OBS, S3) and a fresh id each time where it refuses a put on an existing id (OSS), deleting it",
  "after each put outside the timed span. One untimed warm-up batch per side, then A and B alternate batch by batch.",
  "ops/s = operations ÷ the time spent in them. Client CPU = the benchmark process's CPU time during the operations;",
  "fake cloud CPU = the fake process's CPU time during them (from /proc, 10 ms ticks summed over all batches).",
  "On loopback part of the kernel's TCP work for both ends is charged to whichever process sends, so CPU figures",
  "compare sides against each other; they are not absolute costs.",
];

/** What explains the ratios, from the numbers themselves. */
function notes(comparisons: Comparison[]): string[] {
  const measured = comparisons.filter((c) => c.oursStats && c.theirsStats);
  if (measured.length === 0) return [];
  const out: string[] = [];
  const single = measured.filter((c) => c.requestsPerOp?.ours === 1 && c.requestsPerOp.theirs === 1);
  out.push(
    single.length === measured.length
      ? "Every operation is exactly one request on both sides (counted at the fake before the batches): the comparison is like for like."
      : `Requests per operation differ in ${measured.filter((c) => !single.includes(c)).map((c) => `${c.vendor} ${c.op}`).join(", ")} (see the table).`,
  );
  const fakeShare = measured
    .filter((c) => c.oursStats!.fakeCpuMicrosPerOp !== undefined)
    .map((c) => `${c.vendor} ${c.op} ${sig(c.oursStats!.fakeCpuMicrosPerOp!)} µs`);
  out.push(
    "Each operation is one request to the same server, so both sides pay the same server and loopback time per request; " +
      "ops/s can only differ by what the clients themselves spend, which is why this table is context and the client's " +
      "targets are judged against the floor (client-cpu)." +
      (fakeShare.length ? ` The fake cloud spent (per request, serving ours): ${fakeShare.join(", ")}.` : ""),
  );
  const cpuRatios = measured.map((c) => c.theirsStats!.cpu.median / c.oursStats!.cpu.median);
  out.push(
    `Per operation the SDKs spend ${sig(Math.min(...cpuRatios))}× to ${sig(Math.max(...cpuRatios))}× the client CPU ours does ` +
      "(median of batches): on a real network, where every request waits tens of milliseconds anyway, this is the " +
      "difference that remains, as CPU rather than as ops/s.",
  );
  const cheaper = measured.filter((c) => c.oursStats!.cpu.median < c.theirsStats!.cpu.median);
  out.push(
    `Client CPU per operation is lower for ours in ${cheaper.length} of ${measured.length} comparisons` +
      (cheaper.length < measured.length
        ? `; higher in ${measured.filter((c) => !cheaper.includes(c)).map((c) => `${c.vendor} ${c.op}`).join(", ")}.`
        : "."),
  );
  const errors = comparisons.filter((c) => c.error);
  if (errors.length) out.push(`Not measured: ${errors.map((c) => `${c.vendor} ${c.op} (${c.error})`).join("; ")}.`);
  return out;
}

export function report(comparisons: Comparison[]): MeasureResult {
  const rows = comparisons.map((c) => [
    c.vendor, c.op, c.theirs,
    c.requestsPerOp ? `${c.requestsPerOp.ours} / ${c.requestsPerOp.theirs}` : NONE,
    c.oursStats ? rateSpread(c.oursStats.rate) : NONE,
    c.theirsStats ? rateSpread(c.theirsStats.rate) : NONE,
    c.ratio ? `${ratio(c.ratio.median)} (${sig(c.ratio.p25)}–${sig(c.ratio.p75)})` : NONE,
    c.oursStats && c.theirsStats ? `${sig(c.oursStats.cpu.median)} / ${sig(c.theirsStats.cpu.median)}` : NONE,
    c.oursStats?.fakeCpuMicrosPerOp !== undefined && c.theirsStats?.fakeCpuMicrosPerOp !== undefined
      ? `${sig(c.oursStats.fakeCpuMicrosPerOp)} / ${sig(c.theirsStats.fakeCpuMicrosPerOp)}`
      : NONE,
  ]);
  const measured = comparisons.filter((c) => c.oursStats && c.theirsStats);
  const svg = barChart({
    title: "get/put throughput against the same fake cloud (sequential, median, p25–p75)",
    xLabel: "vendor and operation",
    yLabel: "ops/s",
    categories: measured.map((c) => `${c.vendor} ${c.op}`),
    series: [
      { name: "ours", points: measured.map((c) => ({ value: c.oursStats!.rate.median, low: c.oursStats!.rate.p25, high: c.oursStats!.rate.p75 })) },
      { name: "official SDK", points: measured.map((c) => ({ value: c.theirsStats!.rate.median, low: c.theirsStats!.rate.p25, high: c.theirsStats!.rate.p75 })) },
    ],
  });
  return {
    method: METHOD,
    tables: [{
      headers: ["vendor", "op", "official SDK", "requests per op ours / SDK", "ours ops/s (p25–p75, batches)", "SDK ops/s (p25–p75, batches)", "ratio ours/SDK (p25–p75 of pairs)", "client CPU µs/op ours / SDK", "fake cloud CPU µs/op ours / SDK"],
      rows,
      align: ["l", "l", "l", "r", "r", "r", "r", "r", "r"],
    }],
    plots: [{ file: "throughput.svg", title: "Throughput, ours vs official SDKs", svg }],
    targets: comparisons.map((c) => ({
      what: `${c.vendor} ${c.op}: ours / ${c.theirs}, ops/s sequential (context)`,
      target: "none (context)",
      current: c.ratio ? ratio(c.ratio.median) : `error: ${c.error ?? "not measured"}`,
      informational: true,
    })),
    notes: notes(comparisons),
    raw: comparisons,
  };
}
