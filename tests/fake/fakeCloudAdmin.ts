import { FakeError } from "./errors";
import { FakeClock } from "./clock/fakeClock";
import type { FaultRule, StoredFault } from "./faults";
import type { CloudState } from "./handleCloudRequest";
import type { PutObjectOptions } from "./objects/objectRecord";
import { InventoryScheduler } from "./reports/inventoryScheduler";
import { runStoredInventory, type RunResult } from "./reports/runStoredInventory";
import type { LoggedRequest } from "./requestLog";
import { validateSeed, VENDOR_NAMES, type Seed, type Vendor } from "./seed";
import { dialectFor } from "./vendors/dialects";
import { readConfig } from "./vendors/inventoryOperations";
import { renderWithSchema, textAt } from "./vendors/inventorySchema";
import { renderXml } from "./xml/renderXml";

/** A request the admin API cannot carry out; `status` is the HTTP status it answers with. */
export class AdminError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = "AdminError";
  }
}

export type { RunResult } from "./reports/runStoredInventory";

/** The fake's clock and the inventory schedule it drives; made here when the caller has none. */
export interface FakeTime {
  clock: FakeClock;
  scheduler: InventoryScheduler;
}

/**
 * The fake's own controls (the same ones the HTTP admin API exposes): reset, seeds, the request log, faults,
 * inventory runs, out-of-band configuration edits for drift tests, objects without signing, and a state dump.
 */
export class FakeCloudAdmin {
  private readonly time: FakeTime;

  constructor(private readonly state: CloudState, time?: FakeTime) {
    this.time = time ?? { clock: new FakeClock(state.now), scheduler: new InventoryScheduler(state) };
  }

  /** Back to the current seed: no configurations, no objects; faults, the request log and the run log are cleared too. */
  reset(): void {
    this.state.store.reset();
    this.state.faults.clear();
    this.state.log.clear();
    this.time.scheduler.clear();
  }

  /** The world time (what the fake's services see), the wall clock signatures are checked against, and the gap. */
  clock(): { now: string; wallClock: string; advancedMs: number } {
    const { clock } = this.time;
    return { now: clock.now().toISOString(), wallClock: clock.wallNow().toISOString(), advancedMs: clock.advancedMs };
  }

  /**
   * Moves the world time forward by `ms` and runs every inventory that falls due on the way, each at its own slot
   * time (oldest first), as the services would have; returns the new time and those runs.
   */
  advanceClock(ms: number): { now: string; runs: RunResult[] } {
    this.time.scheduler.tick();
    try {
      this.time.clock.advance(ms);
    } catch (error) {
      throw new AdminError(400, (error as Error).message);
    }
    const runs = this.time.scheduler.tick();
    return { now: this.time.clock.now().toISOString(), runs };
  }

  /** Runs so far (scheduled and immediate), oldest first, and each configuration's next report time. */
  inventoryRuns(): { runs: RunResult[]; upcoming: ReturnType<InventoryScheduler["upcoming"]> } {
    this.time.scheduler.tick();
    return { runs: this.time.scheduler.runs(), upcoming: this.time.scheduler.upcoming() };
  }

  /** Replaces the seed (checked; errors list every problem) and resets to it. */
  loadSeed(seed: unknown): Seed {
    const checked = validateSeed(seed, "admin seed");
    this.state.store.reset(checked);
    this.state.faults.clear();
    this.state.log.clear();
    return checked;
  }

  requests(): LoggedRequest[] {
    return this.state.log.list();
  }

  /**
   * Resolves once the fake has answered every request it has received (latency faults and delays included), so a
   * test reads a complete request log instead of sleeping for a guessed while.
   */
  idle(): Promise<void> {
    return this.state.tracker?.idle() ?? Promise.resolve();
  }

  /** Requests received and not yet answered. */
  inFlight(): number {
    return this.state.tracker?.count ?? 0;
  }

  clearRequests(): void {
    this.state.log.clear();
  }

  injectFault(rule: FaultRule): StoredFault {
    try {
      return this.state.faults.add(rule);
    } catch (error) {
      throw new AdminError(400, (error as Error).message);
    }
  }

  faults(): StoredFault[] {
    return this.state.faults.list();
  }

  clearFaults(): void {
    this.state.faults.clear();
  }

  /**
   * Runs one inventory now, as the service would (a disabled one, or one whose destination refuses it, writes
   * nothing and says why): the report goes into the configured destination bucket, in the vendor's layout.
   */
  runInventory(vendor: Vendor, bucket: string, id: string, options: { maxRowsPerFile?: number } = {}): RunResult {
    const source = this.bucket(vendor, bucket);
    const stored = this.state.store.getInventory(vendor, bucket, id);
    if (!stored) throw new AdminError(404, `no ${vendor} inventory "${id}" on bucket "${bucket}"`);
    const run = runStoredInventory(this.state, source, stored, this.state.now(), options);
    this.time.scheduler.remember([run]);
    return run;
  }

  /** The stored configuration as GET would show it (vendor XML), or undefined. */
  getInventoryXml(vendor: Vendor, bucket: string, id: string): string | undefined {
    const stored = this.state.store.getInventory(vendor, bucket, id);
    if (!stored) return undefined;
    return renderXml(renderWithSchema(stored.config, dialectFor(vendor).inventory.schema));
  }

  /** Stores a configuration out of band (drift): the vendor's schema applies, its put-time checks do not. */
  putInventoryXml(vendor: Vendor, bucket: string, id: string, xml: string): void {
    this.bucket(vendor, bucket);
    let config;
    try {
      config = readConfig(Buffer.from(xml, "utf8"), dialectFor(vendor), { outOfBand: true });
    } catch (error) {
      const tooBig = error instanceof FakeError && error.code === "MaxMessageLengthExceeded";
      throw new AdminError(tooBig ? 413 : 400, `inventory XML for ${vendor}: ${(error as Error).message}`);
    }
    if (textAt(config, "Id") !== id) throw new AdminError(400, `the document's Id "${textAt(config, "Id")}" must equal "${id}"`);
    this.state.store.putInventory(vendor, bucket, { id, config, createdAt: this.state.now().toISOString() });
  }

  deleteInventory(vendor: Vendor, bucket: string, id: string): boolean {
    return this.state.store.deleteInventory(vendor, bucket, id);
  }

  /** Writes an object without signing (to fill a bucket before a run). */
  putObject(vendor: Vendor, bucket: string, key: string, body: Buffer | string, options: PutObjectOptions = {}) {
    this.bucket(vendor, bucket);
    const result = this.state.store.objects.putObject(vendor, bucket, key, Buffer.from(body), options);
    this.state.store.persist();
    return result;
  }

  /**
   * Adds `count` objects made by rule (`<prefix><index>`, `size` bytes each) to a bucket without storing them one by
   * one: they show in inventory reports (millions of rows), not in listings (tests/fake/objects/generatedObjects.ts).
   */
  generateObjects(vendor: Vendor, bucket: string, spec: { prefix?: string; count?: number; size?: number; storageClass?: string }) {
    this.bucket(vendor, bucket);
    try {
      const set = this.state.store.objects.addGenerated(vendor, bucket, spec);
      this.state.store.persist();
      return set;
    } catch (error) {
      throw new AdminError(400, (error as Error).message);
    }
  }

  /**
   * Which source buckets may write inventory reports into a destination from now on (as a bucket policy or role
   * grant changed out of band); `undefined` lets every source again.
   */
  setInventoryGrants(vendor: Vendor, bucket: string, grants: string[] | undefined): void {
    const found = this.bucket(vendor, bucket);
    if (grants !== undefined && (!Array.isArray(grants) || grants.some((g) => typeof g !== "string"))) {
      throw new AdminError(400, `inventoryGrants ${JSON.stringify(grants)}: must be a list of source bucket names or null`);
    }
    if (grants === undefined) delete found.inventoryGrants;
    else found.inventoryGrants = [...grants];
    this.state.store.persist();
  }

  /** Everything the fake holds, secrets left out. */
  dump() {
    const { store } = this.state;
    const seed = store.seed;
    return {
      accounts: seed.accounts.map(({ secretAccessKey: _secret, ...rest }) => rest),
      buckets: seed.buckets.map((b) => ({
        ...b,
        versioning: store.objects.getVersioning(b.vendor, b.name),
        inventories: store.inventories(b.vendor, b.name).map((c) => c.id),
        objects: store.objects.allRecords(b.vendor, b.name).map((r) => ({
          key: r.key, size: r.size, versionId: r.versionId, isLatest: r.isLatest, isDeleteMarker: r.isDeleteMarker,
        })),
        generatedObjects: store.objects.generatedSets(b.vendor, b.name),
      })),
      faults: this.state.faults.list(),
      requestCount: this.state.log.size,
    };
  }

  private bucket(vendor: Vendor, name: string) {
    if (!VENDOR_NAMES.includes(vendor)) throw new AdminError(400, `vendor "${vendor}": must be one of ${VENDOR_NAMES.join(", ")}`);
    const found = this.state.store.bucket(vendor, name);
    if (!found) throw new AdminError(404, `no ${vendor} bucket "${name}" in the seed`);
    return found;
  }
}

