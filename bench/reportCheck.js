#!/usr/bin/env node
/**
 * `node bench/reportCheck.js [rows...]` (after `npm run build`): rows per second and peak RSS of
 * `bucket-inventory report` reading an S3 report of 10k, 1M and 10M rows that the fake cloud generates
 * (POST /__fake/generate-objects, no object stored one by one). The fake runs in this process; each check runs in
 * a child process of its own, so its peak RSS is the checker's alone. Prints a Markdown table for BENCHMARKS.md.
 */
const { spawn } = require("node:child_process");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const { startFakeCloud } = require(path.join(ROOT, "dist/tests/fake/index.js"));

const S3 = { AWS_ACCESS_KEY_ID: "FAKES3MAINKEY001", AWS_SECRET_ACCESS_KEY: "fake-s3-main-secret-0001" };
const CONFIG = (id) => `<InventoryConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Destination><S3BucketDestination><Bucket>arn:aws:s3:::reports</Bucket><Format>CSV</Format><Prefix>bench</Prefix></S3BucketDestination></Destination><IsEnabled>true</IsEnabled><Id>${id}</Id><Schedule><Frequency>Daily</Frequency></Schedule><IncludedObjectVersions>Current</IncludedObjectVersions><OptionalFields><Field>Size</Field><Field>LastModifiedDate</Field><Field>ETag</Field><Field>StorageClass</Field></OptionalFields></InventoryConfiguration>`;

/** The child: runs the report command in-process and prints its exit code, seconds and peak RSS as one JSON line. */
const CHILD = `
const started = process.hrtime.bigint();
require(${JSON.stringify(path.join(ROOT, "dist/cli/main.js"))}).main(JSON.parse(process.argv[1])).then((code) => {
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stderr.write(JSON.stringify({ code, seconds, maxRssKiB: process.resourceUsage().maxRSS }) + "\\n");
});
`;

async function main() {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const counts = sizes.length > 0 ? sizes : [10_000, 1_000_000, 10_000_000];
  const fake = await startFakeCloud({ port: 0 });
  const lines = ["| rows | data files | report bytes (gzip) | check wall time | rows/s | peak RSS of the check |", "|---:|---:|---:|---:|---:|---:|"];
  try {
    for (const rows of counts) {
      const id = `bench-${rows}`;
      const bucket = `bench${rows}`;
      fake.admin.generateObjects("s3", "photos", { prefix: `${bucket}/`, count: rows, size: 2048 });
      fake.admin.putInventoryXml("s3", "photos", id, CONFIG(id).replace("</IsEnabled>", `</IsEnabled><Filter><Prefix>${bucket}/</Prefix></Filter>`));
      const t0 = Date.now();
      fake.admin.runInventory("s3", "photos", id);
      process.stderr.write(`${rows} rows: report written by the fake in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
      const args = ["report", "--vendor", "s3", "--region", "us-east-1", "--bucket", "photos", "--inventory-id", id, "--endpoint", fake.url, "--json", "--no-progress"];
      const child = spawn(process.execPath, ["-e", CHILD, JSON.stringify(args)], { env: { ...process.env, ...S3 } });
      let out = "";
      let err = "";
      child.stdout.on("data", (d) => (out += d));
      child.stderr.on("data", (d) => (err += d));
      await new Promise((resolve) => child.on("close", resolve));
      const stats = JSON.parse(err.trim().split("\n").at(-1));
      const result = JSON.parse(out).results[0];
      if (result.status !== "healthy" || result.report.rows !== rows) throw new Error(`check of ${rows} rows: ${result.status} ${result.summary}`);
      const rate = Math.round(rows / stats.seconds);
      lines.push(`| ${rows.toLocaleString("en-US")} | ${result.report.files.length} | ${(result.report.bytes / 1048576).toFixed(1)} MiB | ${stats.seconds.toFixed(1)} s | ${rate.toLocaleString("en-US")} | ${(stats.maxRssKiB / 1024).toFixed(0)} MiB |`);
      process.stderr.write(`${lines.at(-1)}\n`);
    }
  } finally {
    await fake.close();
  }
  const section = [
    "## 7. `bucket-inventory report`: reading large reports",
    "",
    "`node bench/reportCheck.js` (after `npm run build`; not part of `npm run bench`, it takes minutes): the fake cloud",
    "generates an S3 report of N rows (objects made by rule, data files of 100,000 rows, gzip), then",
    "`bucket-inventory report --json` checks it in a child process of its own: download, MD5, gunzip, csv-parse, every",
    "row against the fileSchema. Wall time includes the child's start-up (~1-2 s); peak RSS is the child's maxRSS.",
    "The target is flat memory: peak RSS must not grow with the report.",
    "",
    ...lines,
    "",
    `Measured ${new Date().toISOString().slice(0, 10)} on this project's 2-core machine, shared with other work at the time.`,
    "",
  ].join("\n");
  require("node:fs").writeFileSync(path.join(ROOT, "bench/results/report-check.md"), section);
  process.stdout.write(section);
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
