/**
 * The client a drift scan reads through: the provider's own InventoryClient (signing, retries, throttling), with
 * every read cached per bucket for the length of the scan. A bucket is listed once, however many rules look at its
 * configurations; a bucket is looked up once, however many configurations write to it. Failures are cached too:
 * a refused or broken bucket costs one round of retries, not one per configuration. The scan only reads.
 */
import type { InventoryClient } from "../../provider/client/inventoryClient";
import type { BucketInfo, BucketRef, InventoryConfig, VersioningStatus } from "../../provider/model/inventoryConfig";
import { bucketKey } from "../../provider/resource/bucketLookups";

export type LookupOutcome = { found: BucketInfo } | { missing: true } | { failed: unknown };

export class ScanClient implements InventoryClient {
  private readonly listings = new Map<string, Promise<InventoryConfig[]>>();
  private readonly lookups = new Map<string, Promise<BucketInfo | undefined>>();
  private readonly versionings = new Map<string, Promise<VersioningStatus | undefined>>();

  constructor(private readonly client: InventoryClient) {}

  listInventories(ref: BucketRef): Promise<InventoryConfig[]> {
    return this.cached(this.listings, bucketKey(ref), () => this.client.listInventories(ref));
  }

  describeBucket(ref: BucketRef, options?: { expectedOwner?: string }): Promise<BucketInfo | undefined> {
    const key = `${bucketKey(ref)}|${options?.expectedOwner ?? ""}`;
    return this.cached(this.lookups, key, () => this.client.describeBucket(ref, options));
  }

  getVersioning(ref: BucketRef): Promise<VersioningStatus | undefined> {
    return this.cached(this.versionings, bucketKey(ref), () => this.client.getVersioning(ref));
  }

  /** A bucket's look-up (cached: usually the one the co-location rules already made). */
  async lookUp(ref: BucketRef): Promise<LookupOutcome> {
    try {
      const info = await this.describeBucket(ref);
      return info ? { found: info } : { missing: true };
    } catch (failed) {
      return { failed };
    }
  }

  getInventory(): Promise<InventoryConfig | undefined> {
    return Promise.reject(new Error("a drift scan reads whole listings, never single configurations"));
  }

  putInventory(): Promise<void> {
    return Promise.reject(new Error("a drift scan never writes"));
  }

  deleteInventory(): Promise<boolean> {
    return Promise.reject(new Error("a drift scan never deletes"));
  }

  private cached<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
    let entry = cache.get(key);
    if (!entry) {
      entry = load();
      cache.set(key, entry);
      entry.catch(() => undefined); // observed by whoever awaits it; never an unhandled rejection
    }
    return entry;
  }
}
