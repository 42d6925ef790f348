import type { Credentials } from "../signing/signingTypes";
import type { BucketInfo, BucketRef, InventoryConfig, Vendor, VersioningStatus } from "../model/inventoryConfig";
import type { HttpRequest, HttpResponse } from "../http/httpTypes";

/**
 * The one surface check and lifecycle use to talk to a vendor. Every method runs the dialect's
 * build → sign → send → parse for `ref.vendor`; only send does I/O.
 */
export interface InventoryClient {
  putInventory(ref: BucketRef, config: InventoryConfig): Promise<void>;
  /** `undefined` when the configuration (or its bucket) does not exist. */
  getInventory(ref: BucketRef, id: string): Promise<InventoryConfig | undefined>;
  /** Every configuration on the bucket, following continuation tokens through all pages. */
  listInventories(ref: BucketRef): Promise<InventoryConfig[]>;
  /** `false` when it was already gone (not an error: delete is idempotent). */
  deleteInventory(ref: BucketRef, id: string): Promise<boolean>;
  /**
   * Region and owner of a bucket, for co-location checks. `undefined` when the bucket does not exist.
   * `expectedOwner` (S3 `x-amz-expected-bucket-owner`) asks the service to confirm the owner.
   */
  describeBucket(ref: BucketRef, options?: { expectedOwner?: string }): Promise<BucketInfo | undefined>;
  /** The bucket's versioning; `undefined` when the bucket does not exist. */
  getVersioning(ref: BucketRef): Promise<VersioningStatus | undefined>;
}

/** Credentials per vendor; a vendor without an entry fails with a ConfigError naming what to set. */
export type CredentialSource = Partial<Record<Vendor, Credentials>>;

export interface RetryPolicy {
  /** Attempts in all, including the first. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Give up once this much time has passed since the first attempt. */
  totalTimeoutMs: number;
}

export interface ClientOptions {
  credentials: CredentialSource;
  /** Per request: connect + headers + body. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Injected clock (signing dates); defaults to `() => new Date()`. */
  now?: () => Date;
  /** OSS signature scheme: V4 (OSS4-HMAC-SHA256, the default) or the older V1 (HMAC-SHA1). */
  ossSignatureVersion?: "v4" | "v1";
  /** Called once per attempt, after the response or failure; for counting and debugging. Never sees credentials. */
  onExchange?: (request: Pick<HttpRequest, "method" | "origin" | "path" | "query">, response?: Pick<HttpResponse, "status">) => void;
}
