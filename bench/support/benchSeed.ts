/**
 * The benchmark's seed: the default seed plus BENCH_BUCKETS extra source buckets per vendor, owned by the main
 * account in the region of its "reports" destination. Many resources or clients can then each work on their own
 * bucket (as real stacks spread over buckets), and no measure runs into a per-bucket limit (OBS: 10).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Vendor } from "../../provider/model/inventoryConfig";
import { BENCH_VENDORS, DEFAULT_SEED_FILE, mainAccount, PLACES } from "./benchVendors";

export const BENCH_BUCKETS = 50;

/** Extra bucket `index` (0-based) of a vendor, as its API addresses it (COS with the APPID suffix). */
export function benchBucket(vendor: Vendor, index: number): string {
  const name = `bench-${String(index).padStart(2, "0")}`;
  return vendor === "cos" ? `${name}-${mainAccount("cos").appId}` : name;
}

/** Writes the seed into a fresh temporary folder; returns the file and a clean-up function. */
export function writeBenchSeed(): { file: string; remove(): void } {
  const seed = JSON.parse(fs.readFileSync(DEFAULT_SEED_FILE, "utf8")) as { accounts: unknown[]; buckets: unknown[] };
  for (const vendor of BENCH_VENDORS) {
    for (let i = 0; i < BENCH_BUCKETS; i++) {
      seed.buckets.push({ vendor, name: benchBucket(vendor, i), region: PLACES[vendor].region, accountId: mainAccount(vendor).accountId, versioning: "Off" });
    }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-seed-"));
  const file = path.join(dir, "seed.json");
  fs.writeFileSync(file, JSON.stringify(seed, null, 2));
  return { file, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
