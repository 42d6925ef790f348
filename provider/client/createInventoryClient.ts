import { BucketInventoryError, ConfigError, withContext } from "../errors";
import { dialectFor } from "../dialects/dialectFor";
import { resolveRetryPolicy, withRetry } from "../http/retry";
import { createHttpAgent, DEFAULT_TIMEOUT_MS } from "../http/send";
import { resourceIdOf, type BucketRef } from "../model/inventoryConfig";
import { credentialsFor } from "./credentialsFor";
import type { ClientOptions, InventoryClient } from "./inventoryClient";
import * as operations from "./inventoryOperations";
import type { OperationContext } from "./inventoryOperations";
import { signerFor } from "./signerFor";

export interface ClosableInventoryClient extends InventoryClient {
  /** Closes the client's idle connections. */
  close(): Promise<void>;
}

/** Runs `body` and puts `what` in front of whatever it throws ("putting bucket inventory oss:...: ..."). */
async function labelled<T>(what: string, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    throw error instanceof BucketInventoryError ? withContext(error, what) : error;
  }
}

const bucketId = (ref: BucketRef) => `${ref.vendor}:${ref.region}:${ref.bucket}`;

/**
 * Wires dialect + signer + send + retry + parse for each vendor. Settings are checked here (ConfigError); the
 * vendor's credentials only when that vendor is first used, so a program using one cloud needs only its keys.
 */
export function createInventoryClient(options: ClientOptions): ClosableInventoryClient {
  const policy = resolveRetryPolicy(options.retry);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!(timeoutMs > 0) || !Number.isFinite(timeoutMs)) throw new ConfigError(`timeoutMs is ${timeoutMs}: must be a positive number`);
  const dispatcher = createHttpAgent(timeoutMs);

  const contextFor = (ref: BucketRef): OperationContext => {
    const dialect = dialectFor(ref.vendor);
    return {
      dialect,
      credentials: credentialsFor(options.credentials, dialect),
      signer: signerFor(ref.vendor, options.ossSignatureVersion),
      now: options.now ?? (() => new Date()),
      timeoutMs,
      dispatcher,
      onExchange: options.onExchange,
      retry: (attempt) => withRetry(attempt, policy),
    };
  };

  return {
    putInventory: (ref, config) =>
      labelled(`putting bucket inventory ${resourceIdOf(ref, config.id)}`, () => operations.putInventory(contextFor(ref), ref, config)),
    getInventory: (ref, id) =>
      labelled(`reading bucket inventory ${resourceIdOf(ref, id)}`, () => operations.getInventory(contextFor(ref), ref, id)),
    listInventories: (ref) =>
      labelled(`listing bucket inventories of ${bucketId(ref)}`, () => operations.listInventories(contextFor(ref), ref)),
    deleteInventory: (ref, id) =>
      labelled(`deleting bucket inventory ${resourceIdOf(ref, id)}`, () => operations.deleteInventory(contextFor(ref), ref, id)),
    describeBucket: (ref, describeOptions = {}) =>
      labelled(`looking up bucket ${bucketId(ref)}`, () => operations.describeBucket(contextFor(ref), ref, describeOptions)),
    getVersioning: (ref) =>
      labelled(`reading the versioning of bucket ${bucketId(ref)}`, () => operations.getVersioning(contextFor(ref), ref)),
    close: () => dispatcher.close(),
  };
}
