import { ObjectStore } from "./objects/objectStore";
import { ownerKey, validateSeed, type Seed, type SeedAccount, type SeedBucket, type Vendor } from "./seed";
import type { BodyCodec } from "./objects/objectStoreJson";
import { StateDirectory } from "./stateDirectory";
import type { ConfigNode } from "./vendors/inventorySchema";

export interface StoredInventory {
  id: string;
  /** The accepted elements, exactly as the vendor's schema read them. */
  config: ConfigNode;
  /** ISO time of the put that stored it. */
  createdAt: string;
}

interface StateJson {
  /** 1: object bodies inline (base64); 2: bodies as blobs of the data dir. */
  version: 1 | 2;
  seed: Seed;
  inventories: { vendor: Vendor; bucket: string; configs: StoredInventory[] }[];
  objects: unknown;
}

export interface StoreOptions {
  seed: Seed;
  /** Persist here; without it the state lives in memory only. */
  dataDir?: string;
  now?: () => Date;
}

/**
 * Accounts, buckets and inventory configurations (plus the objects, in C2's ObjectStore). With a data dir (locked
 * while open, see stateDirectory.ts), every mutation is written out atomically; a restart with the same dir finds it
 * all again (the seed then only matters for `reset`). Call close() to write the last state and free the dir.
 */
export class FakeStore {
  private seedValue!: Seed;
  /** The seed indexed, so that no request scans it: by access key, by vendor and account id, by vendor and name. */
  private byKey = new Map<string, SeedAccount>();
  private byOwner = new Map<string, SeedAccount>();
  private byBucket = new Map<string, SeedBucket>();
  private inventoryMap = new Map<string, Map<string, StoredInventory>>();
  objects: ObjectStore;
  private readonly directory?: StateDirectory;

  constructor(private readonly options: StoreOptions) {
    this.useSeed(options.seed);
    this.objects = new ObjectStore({ now: options.now });
    this.directory = options.dataDir ? StateDirectory.open(options.dataDir) : undefined;
    try {
      const restored = this.directory?.load((saved, codec) => this.restore(saved as StateJson, codec));
      if (!restored) this.reset(options.seed);
    } catch (error) {
      this.directory?.close();
      throw error;
    }
  }

  get seed(): Seed {
    return this.seedValue;
  }

  /** Back to a seed (the current one by default): no configurations, no objects, versioning as seeded. */
  reset(seed: Seed = this.seedValue): void {
    this.useSeed(seed);
    this.inventoryMap = new Map();
    this.objects = new ObjectStore({ now: this.options.now });
    for (const b of seed.buckets) {
      if (b.versioning !== "Off") this.objects.setVersioning(b.vendor, b.name, b.versioning);
    }
    this.persist();
  }

  accountByKey(accessKeyId: string): SeedAccount | undefined {
    return this.byKey.get(accessKeyId);
  }

  account(vendor: Vendor, accountId: string): SeedAccount | undefined {
    return this.byOwner.get(ownerKey({ vendor, accountId }));
  }

  bucket(vendor: Vendor, name: string): SeedBucket | undefined {
    return this.byBucket.get(`${vendor}:${name}`);
  }

  /** Sorted by id, as the services list them. */
  inventories(vendor: Vendor, bucket: string): StoredInventory[] {
    const configs = [...(this.inventoryMap.get(`${vendor}:${bucket}`)?.values() ?? [])];
    return configs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  getInventory(vendor: Vendor, bucket: string, id: string): StoredInventory | undefined {
    return this.inventoryMap.get(`${vendor}:${bucket}`)?.get(id);
  }

  putInventory(vendor: Vendor, bucket: string, inventory: StoredInventory): void {
    const key = `${vendor}:${bucket}`;
    const configs = this.inventoryMap.get(key) ?? new Map<string, StoredInventory>();
    configs.set(inventory.id, inventory);
    this.inventoryMap.set(key, configs);
    this.persist();
  }

  deleteInventory(vendor: Vendor, bucket: string, id: string): boolean {
    const deleted = this.inventoryMap.get(`${vendor}:${bucket}`)?.delete(id) ?? false;
    if (deleted) this.persist();
    return deleted;
  }

  /** Writes the state out (no-op in memory). Call after changing `objects` directly. */
  persist(): void {
    this.directory?.save((codec) => this.toJSON(codec));
  }

  /** Writes the last state and frees the data dir for another fake. */
  close(): void {
    try {
      this.persist();
    } finally {
      this.directory?.close();
    }
  }

  /** `codec`: where object bodies go (inline base64 unless the data dir keeps them as blobs). */
  toJSON(codec?: BodyCodec): StateJson {
    const inventories = [...this.inventoryMap.entries()].map(([key, configs]) => {
      const [vendor, bucket] = splitKey(key);
      return { vendor, bucket, configs: [...configs.values()] };
    });
    return { version: codec ? 2 : 1, seed: this.seedValue, inventories, objects: this.objects.toJSON(codec) };
  }

  private useSeed(seed: Seed): void {
    this.seedValue = seed;
    this.byKey = new Map();
    this.byOwner = new Map();
    for (const a of seed.accounts) {
      if (!this.byKey.has(a.accessKeyId)) this.byKey.set(a.accessKeyId, a);
      if (!this.byOwner.has(ownerKey(a))) this.byOwner.set(ownerKey(a), a);
    }
    this.byBucket = new Map(seed.buckets.map((b) => [`${b.vendor}:${b.name}`, b]));
  }

  private restore(saved: StateJson, codec: BodyCodec): true {
    if (saved?.version !== 1 && saved?.version !== 2) throw new Error(`fake cloud state: unsupported version ${JSON.stringify(saved?.version)}`);
    this.useSeed(validateSeed(saved.seed, "saved state"));
    for (const entry of saved.inventories ?? []) {
      this.inventoryMap.set(`${entry.vendor}:${entry.bucket}`, new Map(entry.configs.map((c) => [c.id, c])));
    }
    this.objects = ObjectStore.fromJSON(saved.objects, { now: this.options.now }, codec);
    return true;
  }
}

function splitKey(key: string): [Vendor, string] {
  const colon = key.indexOf(":");
  return [key.slice(0, colon) as Vendor, key.slice(colon + 1)];
}
