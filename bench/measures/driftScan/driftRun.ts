/**
 * One run of `bucket-inventory drift` as a CI job runs it: the built command in its own process, the state in a
 * file written like `pulumi stack export` writes it (N managed buckets of one vendor, k configurations each, all
 * in sync), credentials in the environment. The fake cloud counts the requests; the wall time is the command's,
 * start to exit, as a job sees it.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { createInventoryClient } from "../../../provider/client/createInventoryClient";
import type { Vendor } from "../../../provider/model/inventoryConfig";
import { CREDENTIAL_KEYS } from "../../../provider/resource/credentials";
import { outputsOf, normalizeArgs } from "../../../provider/resource/resourceArgs";
import { credentialsOf, DEFAULT_SEED_FILE, mainAccount, PLACES, sampleArgs, sampleConfig, sourceRef } from "../../support/benchVendors";
import type { FakeCloudProcess } from "../../support/fakeCloudProcess";
import { countRequests, type RequestCount } from "../../support/requestCounts";

export const MAX_BUCKETS = 1000;
const TYPE = "pulumi-nodejs:dynamic/bucket-inventory:BucketInventory";

export function driftBucket(vendor: Vendor, index: number): string {
  const name = `drift-${String(index).padStart(4, "0")}`;
  return vendor === "cos" ? `${name}-${mainAccount("cos").appId}` : name;
}

/** The default seed plus MAX_BUCKETS source buckets per vendor beside each vendor's "reports". */
export function writeDriftSeed(): { file: string; remove(): void } {
  const seed = JSON.parse(fs.readFileSync(DEFAULT_SEED_FILE, "utf8")) as { buckets: unknown[] };
  for (const vendor of ["oss", "cos", "obs", "s3"] as Vendor[]) {
    for (let i = 0; i < MAX_BUCKETS; i++) {
      seed.buckets.push({ vendor, name: driftBucket(vendor, i), region: PLACES[vendor].region, accountId: mainAccount(vendor).accountId, versioning: "Off" });
    }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-drift-"));
  const file = path.join(dir, "seed.json");
  fs.writeFileSync(file, JSON.stringify(seed));
  return { file, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

const inventoryId = (k: number) => `cfg-${k}`;

/** Puts k configurations on each of the first n buckets (untimed set-up); returns the export text for them. */
export async function prepareState(fake: FakeCloudProcess, vendor: Vendor, n: number, k: number, onProgress: (done: number, total: number) => void): Promise<string> {
  const client = createInventoryClient({ credentials: { [vendor]: credentialsOf(vendor) } });
  const jobs = Array.from({ length: n * k }, (_, j) => ({ bucket: driftBucket(vendor, Math.floor(j / k)), id: inventoryId(j % k) }));
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      await client.putInventory(sourceRef(vendor, fake.url, job.bucket), sampleConfig(vendor, job.id));
      onProgress(++done, jobs.length);
    }
  };
  try {
    await Promise.all(Array.from({ length: 16 }, worker));
  } finally {
    await client.close();
  }
  const resources = jobs.map((job) => {
    const args = normalizeArgs(sampleArgs(vendor, job.id, fake.url, job.bucket));
    const outputs = outputsOf(args, sampleConfig(vendor, job.id));
    return { urn: `urn:pulumi:bench::drift::${TYPE}::${job.bucket}-${job.id}`, custom: true, id: outputs.resourceId, type: TYPE, inputs: args, outputs };
  });
  return JSON.stringify({ version: 3, deployment: { manifest: {}, resources } });
}

export interface DriftSample {
  ms: number;
  count: RequestCount;
  exitCode: number | null;
  inSync: number;
}

/** `bucket-inventory drift --state <file> --json --quiet` in its own process, timed from spawn to exit. */
export async function runDrift(projectRoot: string, fake: FakeCloudProcess, vendor: Vendor, stateFile: string): Promise<DriftSample> {
  const keys = CREDENTIAL_KEYS[vendor].env;
  const env = { PATH: process.env.PATH ?? "", [keys.id]: credentialsOf(vendor).accessKeyId, [keys.secret]: credentialsOf(vendor).secretAccessKey };
  await fake.clearRequests();
  const started = performance.now();
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectRoot, "bin", "bucket-inventory.js"), "drift", "--state", stateFile, "--json", "--quiet"], { env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString("utf8")));
    child.stderr.on("data", (c: Buffer) => (err += c.toString("utf8")));
    child.once("error", reject);
    child.once("close", (exit) => resolve({ code: exit, stdout: out, stderr: err }));
  });
  const ms = performance.now() - started;
  if (code !== 0) throw new Error(`bucket-inventory drift exited ${code}: ${(stderr || stdout).slice(0, 400)}`);
  const report = JSON.parse(stdout) as { summary: { inSync: number } };
  return { ms, count: countRequests(await fake.requests()), exitCode: code, inSync: report.summary.inSync };
}
