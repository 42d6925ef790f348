/** N resources as a multi-cloud stack declares them: vendors in turn, each on one of the bench seed's buckets. */
import { BENCH_VENDORS, sampleArgs } from "./benchVendors";
import { BENCH_BUCKETS, benchBucket } from "./benchSeed";
import type { ResourceSpec } from "./hostSession";

export function spreadResources(count: number, endpoint: string, namePrefix = "inv"): ResourceSpec[] {
  return Array.from({ length: count }, (_, i) => {
    const vendor = BENCH_VENDORS[i % BENCH_VENDORS.length];
    const bucket = benchBucket(vendor, Math.floor(i / BENCH_VENDORS.length) % BENCH_BUCKETS);
    const id = `${namePrefix}-${String(i).padStart(4, "0")}`;
    return { name: id, args: sampleArgs(vendor, id, endpoint, bucket) };
  });
}
