import { FakeError } from "./errors";
import type { FaultRule, StoredFault } from "./faults";
import type { CloudState } from "./handleCloudRequest";
import type { PutObjectOptions } from "./objects/objectRecord";
import { writeInventoryReport } from "./reports/writeInventoryReport";
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

export interface RunResult {
  vendor: Vendor;
  sourceBucket: string;
  destinationBucket: string;
  /** Keys written into the destination bucket, data files first. */
  keys: string[];
  manifestKey?: string;
  skippedReason?: string;
  rowCount: number;
}

/**
 * The fake's own controls (the same ones the HTTP admin API exposes): reset, seeds, the request log, faults,
 * inventory runs, out-of-band configuration edits for drift tests, objects without signing, and a state dump.
 */
export class FakeCloudAdmin {
  constructor(private readonly state: CloudState) {}

  /** Back to the current seed: no configurations, no objects; faults and the request log are cleared too. */
  reset(): void {
    this.state.store.reset();
    this.state.faults.clear();
    this.state.log.clear();
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

  /** Runs one inventory now: the report goes into the configured destination bucket, in the vendor's layout. */
  runInventory(vendor: Vendor, bucket: string, id: string, options: { maxRowsPerFile?: number } = {}): RunResult {
    const { store } = this.state;
    const source = this.bucket(vendor, bucket);
    const stored = store.getInventory(vendor, bucket, id);
    if (!stored) throw new AdminError(404, `no ${vendor} inventory "${id}" on bucket "${bucket}"`);
    const spec = dialectFor(vendor).inventory.runSpec(stored.config);
    const dest = this.bucket(vendor, spec.destinationBucket);
    const appIdOf = (accountId: string) => store.account(vendor, accountId)?.appId;
    const sourceAppId = vendor === "cos" ? appIdOf(source.accountId) : undefined;
    const destinationAppId = vendor === "cos" ? appIdOf(dest.accountId) : undefined;
    const report = writeInventoryReport({
      vendor,
      sourceBucket: bucket,
      sourceAppId,
      destinationBucket: destinationAppId ? dest.name.slice(0, -(destinationAppId.length + 1)) : dest.name,
      destinationAppId,
      config: spec.config,
      objects: store.objects.allRecords(vendor, bucket),
      now: this.state.now(),
      newUuid: this.state.newUuid,
      maxRowsPerFile: options.maxRowsPerFile,
    });
    for (const file of report.files) store.objects.putObject(vendor, dest.name, file.key, file.body, { contentType: file.contentType });
    store.persist();
    return {
      vendor, sourceBucket: bucket, destinationBucket: dest.name, keys: report.files.map((f) => f.key),
      manifestKey: report.manifestKey, skippedReason: report.skippedReason, rowCount: report.rowCount,
    };
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

