import { BucketInventoryError, ConfigError, withContext } from "../errors";
import { dialectFor } from "../dialects/dialectFor";
import { resolveRetryPolicy, withRetry } from "../http/retry";
import { createHttpAgent, DEFAULT_TIMEOUT_MS } from "../http/send";
import { resourceIdOf, type BucketRef, type Vendor } from "../model/inventoryConfig";
import { credentialsFor } from "./credentialsFor";
import type { ClientOptions, InventoryClient } from "./inventoryClient";
import * as operations from "./inventoryOperations";
import type { OperationContext } from "./inventoryOperations";
import { signerFor } from "./signerFor";

export interface ClosableInventoryClient extends InventoryClient {
  /** Closes the client's idle connections. */
  close(): Promise<void>;
}

/** What an operation throws, with `what` in front ("putting bucket inventory oss:...: ..."); built only on failure. */
function labelled(error: unknown, what: () => string): unknown {
  return error instanceof BucketInventoryError ? withContext(error, what()) : error;
}

const bucketId = (ref: BucketRef) => `${ref.vendor}:${ref.region}:${ref.bucket}`;

/**
 * Wires dialect + signer + send + retry + parse for each vendor. Settings are checked here (ConfigError); the
 * vendor's credentials only when that vendor is first used, so a program using one cloud needs only its keys.
 * Each vendor's context is built once, on its first successful use, and reused by every call after it.
 */
export function createInventoryClient(options: ClientOptions): ClosableInventoryClient {
  const policy = resolveRetryPolicy(options.retry);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!(timeoutMs > 0) || !Number.isFinite(timeoutMs)) throw new ConfigError(`timeoutMs is ${timeoutMs}: must be a positive number`);
  const dispatcher = createHttpAgent(timeoutMs);
  const now = options.now ?? (() => new Date());
  const retry = <T>(attempt: () => Promise<T>) => withRetry(attempt, policy);
  const contexts = new Map<Vendor, OperationContext>();

  const contextFor = (ref: BucketRef): OperationContext => {
    let ctx = contexts.get(ref.vendor);
    if (!ctx) {
      const dialect = dialectFor(ref.vendor);
      const credentials = credentialsFor(options.credentials, dialect);
      const signer = signerFor(ref.vendor, options.ossSignatureVersion);
      ctx = { dialect, credentials, signer, now, timeoutMs, dispatcher, onExchange: options.onExchange, retry };
      contexts.set(ref.vendor, ctx);
    }
    return ctx;
  };

  return {
    async putInventory(ref, config) {
      try {
        return await operations.putInventory(contextFor(ref), ref, config);
      } catch (error) {
        throw labelled(error, () => `putting bucket inventory ${resourceIdOf(ref, config.id)}`);
      }
    },
    async getInventory(ref, id) {
      try {
        return await operations.getInventory(contextFor(ref), ref, id);
      } catch (error) {
        throw labelled(error, () => `reading bucket inventory ${resourceIdOf(ref, id)}`);
      }
    },
    async listInventories(ref) {
      try {
        return await operations.listInventories(contextFor(ref), ref);
      } catch (error) {
        throw labelled(error, () => `listing bucket inventories of ${bucketId(ref)}`);
      }
    },
    async deleteInventory(ref, id) {
      try {
        return await operations.deleteInventory(contextFor(ref), ref, id);
      } catch (error) {
        throw labelled(error, () => `deleting bucket inventory ${resourceIdOf(ref, id)}`);
      }
    },
    async describeBucket(ref, describeOptions = {}) {
      try {
        return await operations.describeBucket(contextFor(ref), ref, describeOptions);
      } catch (error) {
        throw labelled(error, () => `looking up bucket ${bucketId(ref)}`);
      }
    },
    async getVersioning(ref) {
      try {
        return await operations.getVersioning(contextFor(ref), ref);
      } catch (error) {
        throw labelled(error, () => `reading the versioning of bucket ${bucketId(ref)}`);
      }
    },
    close: () => dispatcher.close(),
  };
}
