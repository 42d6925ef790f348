#!/usr/bin/env node
/**
 * `npm run bench:report [-- rows...]`: rows per second and peak RSS of `bucket-inventory report` reading an S3 report
 * of 10k, 1M and 10M rows that the fake cloud generates (POST /__fake/generate-objects, no object stored one by one).
 * The fake runs in this process; each check runs in a child process of its own, so its peak RSS is the checker's
 * alone. Too long for `npm run bench` (minutes): the outcome is kept in bench/results/report-check.json, which
 * `npm run bench` reports after its own measures (framework/reportWriter.ts).
 */
const { spawn } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");

const S3 = { AWS_ACCESS_KEY_ID: "FAKES3MAINKEY001", AWS_SECRET_ACCESS_KEY: "fake-s3-main-secret-0001" };
const CONFIG = (id, prefix) => `<InventoryConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Destination><S3BucketDestination><Bucket>arn:aws:s3:::reports</Bucket><Format>CSV</Format><Prefix>bench</Prefix></S3BucketDestination></Destination><IsEnabled>true</IsEnabled><Filter><Prefix>${prefix}</Prefix></Filter><Id>${id}</Id><Schedule><Frequency>Daily</Frequency></Schedule><IncludedObjectVersions>Current</IncludedObjectVersions><OptionalFields><Field>Size</Field><Field>LastModifiedDate</Field><Field>ETag</Field><Field>StorageClass</Field></OptionalFields></InventoryConfiguration>`;
/** Flat memory: the largest report may cost at most this much more peak RSS than the smallest. */
const FLAT_LIMIT = 1.5;
/** A V8 heap this small cannot hold a report of 1M rows (~50 MiB of CSV): a check that completes under it streams. */
const SMALL_HEAP_MIB = 32;

/** The child: runs the report command in-process and prints its exit code, seconds and peak RSS as one JSON line. */
const CHILD = `
const started = process.hrtime.bigint();
require(${JSON.stringify(path.join(ROOT, "dist/cli/main.js"))}).main(JSON.parse(process.argv[1])).then((code) => {
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stderr.write(JSON.stringify({ code, seconds, maxRssKiB: process.resourceUsage().maxRSS }) + "\\n");
});
`;

/** One check in a child process; `nodeOptions` e.g. a heap cap. Resolves the verdict and the child's figures. */
async function checkInChild(fake, id, nodeOptions) {
  const args = ["report", "--vendor", "s3", "--region", "us-east-1", "--bucket", "photos", "--inventory-id", id, "--endpoint", fake.url, "--json", "--no-progress"];
  const child = spawn(process.execPath, [...nodeOptions, "-e", CHILD, JSON.stringify(args)], { env: { ...process.env, ...S3 } });
  let out = "";
  let err = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (err += d));
  const exitCode = await new Promise((resolve) => child.on("close", resolve));
  const last = err.trim().split("\n").at(-1) ?? "";
  if (!last.startsWith("{")) return { ok: false, why: `the check died (exit ${exitCode}): ${last.slice(0, 200)}` };
  const stats = JSON.parse(last);
  const result = JSON.parse(out).results[0];
  return { ok: result.status === "healthy", stats, result, why: `${result.status}: ${result.summary}` };
}

async function main() {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const counts = sizes.length > 0 ? sizes : [10_000, 1_000_000, 10_000_000];
  const started = Date.now();
  const { startFakeCloud } = require(path.join(ROOT, "dist/tests/fake/index.js"));
  const fake = await startFakeCloud({ port: 0 });
  const runs = [];
  try {
    for (const rows of counts) {
      const id = `bench-${rows}`;
      const prefix = `bench${rows}/`;
      fake.admin.generateObjects("s3", "photos", { prefix, count: rows, size: 2048 });
      fake.admin.putInventoryXml("s3", "photos", id, CONFIG(id, prefix));
      const t0 = Date.now();
      fake.admin.runInventory("s3", "photos", id);
      process.stderr.write(`${rows} rows: report written by the fake in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
      const check = await checkInChild(fake, id, []);
      if (!check.ok || check.result.report.rows !== rows) throw new Error(`check of ${rows} rows: ${check.why}`);
      const small = await checkInChild(fake, id, [`--max-old-space-size=${SMALL_HEAP_MIB}`]);
      runs.push({ rows, files: check.result.report.files.length, bytes: check.result.report.bytes, seconds: check.stats.seconds, maxRssKiB: check.stats.maxRssKiB, smallHeap: { ok: small.ok, why: small.ok ? undefined : small.why, maxRssKiB: small.stats?.maxRssKiB } });
      process.stderr.write(`${JSON.stringify(runs.at(-1))}\n`);
    }
  } finally {
    await fake.close();
  }
  const outcome = outcomeOf(runs, Date.now() - started);
  fs.mkdirSync(path.join(ROOT, "bench/results"), { recursive: true });
  fs.writeFileSync(path.join(ROOT, "bench/results/report-check.json"), `${JSON.stringify(outcome, null, 2)}\n`);
  process.stdout.write(`${outcome.result.tables[0].rows.map((r) => r.join(" | ")).join("\n")}\n${outcome.result.targets.map((t) => `${t.what}: ${t.current} (${t.informational ? "reported" : t.met ? "met" : "missed"})`).join("\n")}\n`);
  if (outcome.result.targets.some((t) => t.met === false)) process.exitCode = 2;
}

/** The outcome in the shape of a bench measure's (framework/measure.ts), for BENCHMARKS.md. */
function outcomeOf(runs, durationMs) {
  const mib = (kib) => `${(kib / 1024).toFixed(0)} MiB`;
  const smallest = runs[0];
  const largest = runs.at(-1);
  const growth = largest.maxRssKiB / smallest.maxRssKiB;
  const cappedOk = runs.every((r) => r.smallHeap.ok);
  const date = new Date().toISOString().slice(0, 10);
  return {
    id: "report-check",
    title: "`bucket-inventory report`: reading large reports",
    durationMs,
    result: {
      method: [
        `\`npm run bench:report\` (minutes per run, so not part of \`npm run bench\`; this section is its last outcome, measured ${date}, kept in \`bench/results/report-check.json\`): the fake cloud generates an S3 report of N rows (objects made by rule, not stored one by one; data files of 100,000 rows, gzip), then \`bucket-inventory report --json\` checks it in a child process of its own: list, download, MD5, gunzip, csv-parse, every row against the manifest's fileSchema.`,
        "",
        `Wall time includes the child's start-up (~1 s); peak RSS is the child's maxRSS. Every report is checked a second time with the V8 heap capped at ${SMALL_HEAP_MIB} MiB (\`--max-old-space-size=${SMALL_HEAP_MIB}\`): a checker that held the report in memory could not finish.`,
      ],
      tables: [
        {
          headers: ["rows", "data files", "report bytes (gzip)", "check wall time", "rows/s", "peak RSS of the check", `with a ${SMALL_HEAP_MIB} MiB heap`],
          align: ["r", "r", "r", "r", "r", "r", "l"],
          rows: runs.map((r) => [
            r.rows.toLocaleString("en-US"), String(r.files), `${(r.bytes / 1048576).toFixed(1)} MiB`, `${r.seconds.toFixed(1)} s`,
            Math.round(r.rows / r.seconds).toLocaleString("en-US"), mib(r.maxRssKiB),
            r.smallHeap.ok ? `healthy, peak RSS ${mib(r.smallHeap.maxRssKiB)}` : `failed: ${r.smallHeap.why}`,
          ]),
        },
      ],
      plots: [],
      targets: [
        { what: `peak RSS at ${largest.rows.toLocaleString("en-US")} rows / at ${smallest.rows.toLocaleString("en-US")} rows`, target: `≤ ${FLAT_LIMIT}× (flat)`, current: `${growth.toFixed(2)}× (${mib(largest.maxRssKiB)} / ${mib(smallest.maxRssKiB)})`, met: runs.length > 1 ? growth <= FLAT_LIMIT : undefined },
        { what: `check completes with a ${SMALL_HEAP_MIB} MiB V8 heap`, target: "every report", current: runs.map((r) => `${r.rows.toLocaleString("en-US")}: ${r.smallHeap.ok ? "yes" : "no"}`).join(", "), met: cappedOk },
        { what: `rows per second at ${largest.rows.toLocaleString("en-US")} rows`, target: "reported", current: Math.round(largest.rows / largest.seconds).toLocaleString("en-US"), informational: true },
      ],
      notes: [
        "Peak RSS is mostly the runtime itself (node, undici, csv-parse: ~100 MiB at 10k rows). What a larger report adds lies outside V8's heap (zlib and socket buffers, malloc's arenas), not rows: the check still completes with the heap capped at 32 MiB at every size, where a 10M-row report is 55 MiB gzipped and ~570 MiB of CSV.",
        "Rows per second grow with size because the child's start-up is spread over more rows.",
        `Measured on this project's 2-core machine (shared with other work at the time): rates move with load, the memory figures barely.`,
      ],
      raw: runs,
    },
  };
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(1);
  });
}

module.exports = { outcomeOf };
