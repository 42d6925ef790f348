/**
 * A small in-memory InventoryClient for the resource's unit tests: buckets with region and owner, configurations
 * per bucket, OSS's refusal of a put on an existing id, and scripted failures per operation. Calls are recorded.
 */
import type { InventoryClient } from "../../../provider/client/inventoryClient";
import { AccessDeniedError, ConflictError, InvalidArgumentError, TransportError } from "../../../provider/errors";
import type { BucketInfo, BucketRef, InventoryConfig, VersioningStatus } from "../../../provider/model/inventoryConfig";

type Operation = "putInventory" | "getInventory" | "listInventories" | "deleteInventory" | "describeBucket" | "getVersioning";

export interface MemoryBucket extends BucketInfo {
  vendor: BucketRef["vendor"];
  name: string;
  /** Off when not given, as a new bucket is. */
  versioning?: VersioningStatus;
}

export class MemoryInventoryClient implements InventoryClient {
  readonly calls: { op: Operation; bucket: string; id?: string }[] = [];
  readonly configs = new Map<string, Map<string, InventoryConfig>>();
  private readonly failures: { op: Operation; error: Error; remaining: number; skip: number }[] = [];

  /**
   * `caller`: the account the credentials belong to, per vendor. When set, look-ups of another account's bucket
   * are refused with AccessDenied, as the real services (and the fake cloud) do.
   */
  constructor(readonly buckets: MemoryBucket[] = [], readonly caller: Partial<Record<BucketRef["vendor"], string>> = {}) {}

  /** The next `times` calls of `op` fail with `error`, after `skip` calls that succeed. */
  failNext(op: Operation, error: Error, times = 1, skip = 0): void {
    this.failures.push({ op, error, remaining: times, skip });
  }

  seed(ref: BucketRef, config: InventoryConfig): void {
    this.bucketConfigs(ref).set(config.id, structuredClone(config));
  }

  stored(ref: BucketRef, id: string): InventoryConfig | undefined {
    return this.configs.get(key(ref))?.get(id);
  }

  private bucketConfigs(ref: BucketRef): Map<string, InventoryConfig> {
    const k = key(ref);
    if (!this.configs.has(k)) this.configs.set(k, new Map());
    return this.configs.get(k)!;
  }

  private enter(op: Operation, ref: BucketRef, id?: string): void {
    this.calls.push({ op, bucket: ref.bucket, id });
    const failure = this.failures.find((f) => f.op === op && f.remaining > 0);
    if (failure && failure.skip > 0) {
      failure.skip--;
    } else if (failure) {
      failure.remaining--;
      throw failure.error;
    }
  }

  async putInventory(ref: BucketRef, config: InventoryConfig): Promise<void> {
    this.enter("putInventory", ref, config.id);
    const configs = this.bucketConfigs(ref);
    if (ref.vendor === "oss" && configs.has(config.id)) {
      throw new ConflictError({ vendorCode: "InventoryAlreadyExist", vendorMessage: "The inventory already exists.", status: 409, requestId: "mem-1" });
    }
    configs.set(config.id, structuredClone(config));
  }

  async getInventory(ref: BucketRef, id: string): Promise<InventoryConfig | undefined> {
    this.enter("getInventory", ref, id);
    const found = this.configs.get(key(ref))?.get(id);
    return found && structuredClone(found);
  }

  async listInventories(ref: BucketRef): Promise<InventoryConfig[]> {
    this.enter("listInventories", ref);
    return [...(this.configs.get(key(ref))?.values() ?? [])].map((c) => structuredClone(c));
  }

  async deleteInventory(ref: BucketRef, id: string): Promise<boolean> {
    this.enter("deleteInventory", ref, id);
    return this.configs.get(key(ref))?.delete(id) ?? false;
  }

  async describeBucket(ref: BucketRef, options?: { expectedOwner?: string }): Promise<BucketInfo | undefined> {
    this.enter("describeBucket", ref);
    const bucket = this.buckets.find((b) => b.vendor === ref.vendor && b.name === ref.bucket);
    if (!bucket) return undefined;
    const caller = this.caller[ref.vendor];
    if (caller !== undefined && caller !== bucket.ownerId) {
      throw new AccessDeniedError({ vendorCode: "AccessDenied", vendorMessage: "The bucket you access does not belong to you.", status: 403 });
    }
    if (options?.expectedOwner && options.expectedOwner !== bucket.ownerId) {
      throw new AccessDeniedError({ vendorCode: "AccessDenied", vendorMessage: "Access Denied", status: 403 });
    }
    // S3 reports no owner from HeadBucket.
    return ref.vendor === "s3" ? { region: bucket.region } : { region: bucket.region, ownerId: bucket.ownerId };
  }

  async getVersioning(ref: BucketRef): Promise<VersioningStatus | undefined> {
    this.enter("getVersioning", ref);
    const bucket = this.buckets.find((b) => b.vendor === ref.vendor && b.name === ref.bucket);
    const caller = this.caller[ref.vendor];
    if (bucket && caller !== undefined && caller !== bucket.ownerId) {
      throw new AccessDeniedError({ vendorCode: "AccessDenied", vendorMessage: "The bucket you access does not belong to you.", status: 403 });
    }
    return bucket && (bucket.versioning ?? "Off");
  }
}

function key(ref: BucketRef): string {
  return `${ref.vendor}|${ref.bucket}`;
}

export const transportError = () => new TransportError("connection reset by peer");
export const invalidArgument = (message = "The inventory configuration is invalid.") =>
  new InvalidArgumentError({ vendorCode: "InvalidArgument", vendorMessage: message, status: 400, requestId: "mem-2" });

/** The default fake seed's buckets, as the co-location checks see them. */
export const SEED_BUCKETS: MemoryBucket[] = [
  { vendor: "oss", name: "photos", region: "cn-hangzhou", ownerId: "1000000000000001", versioning: "Enabled" },
  { vendor: "oss", name: "reports", region: "cn-hangzhou", ownerId: "1000000000000001" },
  { vendor: "oss", name: "reports-beijing", region: "cn-beijing", ownerId: "1000000000000001" },
  { vendor: "oss", name: "partner-reports", region: "cn-hangzhou", ownerId: "1000000000000002" },
  { vendor: "cos", name: "photos-1250000000", region: "ap-guangzhou", ownerId: "100000000001", versioning: "Enabled" },
  { vendor: "cos", name: "reports-1250000000", region: "ap-guangzhou", ownerId: "100000000001" },
  { vendor: "cos", name: "reports-bj-1250000000", region: "ap-beijing", ownerId: "100000000001" },
  { vendor: "cos", name: "partner-reports-1250000001", region: "ap-guangzhou", ownerId: "100000000002" },
  { vendor: "obs", name: "photos", region: "cn-north-4", ownerId: "0a1b2c3d4e5f60718293a4b5c6d7e8f9", versioning: "Enabled" },
  { vendor: "obs", name: "reports", region: "cn-north-4", ownerId: "0a1b2c3d4e5f60718293a4b5c6d7e8f9" },
  { vendor: "obs", name: "reports-shanghai", region: "cn-east-3", ownerId: "0a1b2c3d4e5f60718293a4b5c6d7e8f9" },
  { vendor: "obs", name: "partner-reports", region: "cn-north-4", ownerId: "f9e8d7c6b5a40392817f6e5d4c3b2a10" },
  { vendor: "s3", name: "photos", region: "us-east-1", ownerId: "111111111111", versioning: "Enabled" },
  { vendor: "s3", name: "reports", region: "us-east-1", ownerId: "111111111111" },
  { vendor: "s3", name: "reports-eu", region: "eu-west-1", ownerId: "111111111111" },
  { vendor: "s3", name: "partner-reports", region: "us-east-1", ownerId: "222222222222" },
];
