/**
 * What preview-time checks learn from the live service and remember for the life of the provider process:
 * bucket look-ups (region, owner), cached per bucket; and the configurations this process has already checked,
 * per source bucket, so the limit and overlap checks count a deployment's new resources together.
 */
import type { InventoryClient } from "../client/inventoryClient";
import type { BucketInfo, BucketRef, VersioningStatus } from "../model/inventoryConfig";

/** One key per bucket as the service sees it: vendor, endpoint (or region) and name. */
export function bucketKey(ref: BucketRef): string {
  return `${ref.vendor}|${ref.endpoint ?? ref.region}|${ref.bucket}`;
}

export class BucketLookups {
  private readonly cache = new Map<string, Promise<BucketInfo | undefined>>();
  private readonly versionings = new Map<string, Promise<VersioningStatus | undefined>>();

  /** Cached per bucket like `describe`; a failed look-up is forgotten. */
  versioning(client: InventoryClient, ref: BucketRef): Promise<VersioningStatus | undefined> {
    const key = bucketKey(ref);
    let entry = this.versionings.get(key);
    if (!entry) {
      entry = client.getVersioning(ref);
      this.versionings.set(key, entry);
      entry.catch(() => this.versionings.delete(key));
    }
    return entry;
  }

  /** Cached per bucket (and expected owner); a failed look-up is forgotten so a later check can try again. */
  describe(client: InventoryClient, ref: BucketRef, expectedOwner?: string): Promise<BucketInfo | undefined> {
    const key = `${bucketKey(ref)}|${expectedOwner ?? ""}`;
    let entry = this.cache.get(key);
    if (!entry) {
      entry = client.describeBucket(ref, expectedOwner ? { expectedOwner } : undefined);
      this.cache.set(key, entry);
      entry.catch(() => this.cache.delete(key));
    }
    return entry;
  }
}

export interface PlannedInventory {
  id: string;
  /** OBS overlap checks: the filter prefix ("" = whole bucket). */
  prefix: string;
}

export class PlannedInventories {
  private readonly byBucket = new Map<string, Map<string, PlannedInventory>>();

  /** Remember a configuration this process checked; the latest check of an id wins. */
  add(ref: BucketRef, planned: PlannedInventory): void {
    const key = bucketKey(ref);
    const entries = this.byBucket.get(key) ?? new Map<string, PlannedInventory>();
    entries.set(planned.id, planned);
    this.byBucket.set(key, entries);
  }

  /** Forget a configuration this process deleted. */
  remove(ref: BucketRef, id: string): void {
    this.byBucket.get(bucketKey(ref))?.delete(id);
  }

  on(ref: BucketRef): PlannedInventory[] {
    return [...(this.byBucket.get(bucketKey(ref))?.values() ?? [])];
  }

  /**
   * Those checked before `id` (in the order first checked; all of them when `id` was never checked). Checks run
   * in parallel, so counting every one would fail them all; each counts only those ahead of it.
   */
  before(ref: BucketRef, id: string): PlannedInventory[] {
    const all = this.on(ref);
    const at = all.findIndex((p) => p.id === id);
    return at < 0 ? all : all.slice(0, at);
  }
}
