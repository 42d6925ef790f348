/** Round trips as the fake cloud saw them: how many, and of which operation, in one readable cell. */
import type { SeenRequest } from "./fakeCloudProcess";

/** Bucket look-ups (region, owner): everything check asks about a bucket rather than its inventories. */
export const LOOKUP_OPERATIONS = new Set(["GetBucketInfo", "GetBucketLocation", "GetBucketAcl", "HeadBucket"]);

export interface RequestCount {
  total: number;
  listPages: number;
  lookups: number;
  byOperation: Record<string, number>;
  /** Every request in the order the fake received it, e.g. ["PutInventory 409", "GetInventory"]. */
  sequence: string[];
  /** Requests the fake answered with an error status. */
  errors: number;
}

export function countRequests(requests: readonly SeenRequest[]): RequestCount {
  const byOperation: Record<string, number> = {};
  // A refused request keeps its status in the name ("PutInventory 409"): it is a round trip all the same.
  const sequence = requests.map((r) => `${r.operation ?? `${r.method} ${r.path}`}${r.status >= 300 ? ` ${r.status}` : ""}`);
  for (const op of sequence) byOperation[op] = (byOperation[op] ?? 0) + 1;
  return {
    total: requests.length,
    listPages: requests.filter((r) => r.operation === "ListInventory").length,
    lookups: requests.filter((r) => r.operation !== undefined && LOOKUP_OPERATIONS.has(r.operation)).length,
    byOperation,
    sequence,
    errors: requests.filter((r) => r.status >= 300).length,
  };
}

/** "3: GetInventory ×2, PutInventory" — total first, then operations in first-seen order. */
export function describeCount(count: RequestCount): string {
  const parts = Object.entries(count.byOperation).map(([op, n]) => (n > 1 ? `${op} ×${n}` : op));
  return parts.length ? `${count.total}: ${parts.join(", ")}` : "0";
}
