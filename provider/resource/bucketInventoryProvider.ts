/**
 * The dynamic provider itself, as a plain object with the methods Pulumi's dynamic provider host calls:
 * configure, check, diff, create, read, update, delete. It holds, per process: the stack configuration given to
 * `configure` (credentials live only here, in memory), one InventoryClient, the bucket look-up cache and the
 * configurations checked so far. No Pulumi import: sdk/'s serialized shim requires this at call time.
 */
import type { ClientOptions, InventoryClient } from "../client/inventoryClient";
import { engineWarningSink } from "../host/engineWarnings";
import type { Vendor } from "../model/inventoryConfig";
import { checkInventory, newLiveCheckState, type CheckResult } from "./check";
import { credentialOrigin, credentialSource, credentialsFor, noCredentialsHint, readStackConfig, requireCredentials, retrySettings, type StackConfig } from "./credentials";
import type { InventoryDiff } from "./diff";
import { nameEndpointSource, withConfiguredEndpoint } from "./endpointConfig";
import type { LifecycleOptions, ReadOutcome } from "./lifecycle";
import { lookupProblems } from "./lookupProblems";
import type { Operation, RecordedFailure } from "./operationErrors";
import { deleteFirstForLimit, deleteFirstWarning, whyDeleteFirst } from "./replacement";
import { bucketRefOf, normalizeArgs, resourceIdOfArgs, type BucketInventoryOutputs } from "./resourceArgs";
import type { WarningSink } from "./previewWarnings";

/** Property bags as the host passes them (plain JSON objects). */
type Props = object;

/** The shape of Pulumi's `dynamic.ResourceProvider`, written out so provider/ needs no Pulumi import. */
export interface BucketInventoryProvider {
  configure(request: { config?: { get(key: string): unknown } }): Promise<void>;
  check(olds: Props, news: Props): Promise<CheckResult>;
  diff(id: string, olds: Props, news: Props): Promise<InventoryDiff>;
  create(inputs: Props): Promise<{ id: string; outs: BucketInventoryOutputs }>;
  read(id: string, props?: Props): Promise<ReadOutcome>;
  update(id: string, olds: Props, news: Props): Promise<{ outs: BucketInventoryOutputs }>;
  delete(id: string, props: Props): Promise<void>;
}

export interface ProviderDependencies {
  /** Defaults to createInventoryClient from provider/client. */
  createClient?: (options: ClientOptions) => InventoryClient;
  /** Defaults to process.env, read when a client is first needed. */
  env?: Readonly<Record<string, string | undefined>>;
  lifecycle?: LifecycleOptions;
  /** Where preview warnings go; defaults to the Pulumi engine's warnings (provider/host/engineWarnings.ts). */
  warn?: WarningSink;
}

/* eslint-disable @typescript-eslint/no-require-imports -- see `later` */
/**
 * What only diff, create, read, update and delete use, loaded on first use: the host's first call is a check, and
 * its start-up is paid on every preview (issue 13: our share of start-up).
 */
const later = {
  diff: () => require("./diff") as typeof import("./diff"),
  lifecycle: () => require("./lifecycle") as typeof import("./lifecycle"),
  errors: () => require("./operationErrors") as typeof import("./operationErrors"),
  refused: () => require("./refusedCredentials") as typeof import("./refusedCredentials"),
  update: () => require("./updateInventory") as typeof import("./updateInventory"),
};
/* eslint-enable @typescript-eslint/no-require-imports */

function defaultClientFactory(): (options: ClientOptions) => InventoryClient {
  // Loaded on first use: the provider's pure parts (check, diff) never pay for HTTP and signing modules.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("../client/createInventoryClient").createInventoryClient;
}

export function createBucketInventoryProvider(deps: ProviderDependencies = {}): BucketInventoryProvider {
  let stack: StackConfig = {};
  let client: InventoryClient | undefined;
  const env = () => deps.env ?? process.env;
  const warn = deps.warn ?? engineWarningSink();
  // Keyed: the same skipped check of the same resource is one warning, whatever request id each attempt got.
  const warned = new Set<string>();
  const warnOnce = (key: string, message: string) => {
    if (warned.has(key)) return;
    warned.add(key);
    warn(message);
  };
  const problems = lookupProblems({ credentialOrigin: (vendor) => credentialOrigin(vendor, stack, env()), warn: warnOnce });
  const live = { ...newLiveCheckState(), problems };

  const sharedClient = (): InventoryClient => {
    if (!client) {
      const { timeoutMs, retry } = retrySettings(stack);
      const options: ClientOptions = { credentials: credentialSource(stack, env()), retry };
      if (timeoutMs !== undefined) options.timeoutMs = timeoutMs;
      client = (deps.createClient ?? defaultClientFactory())(options);
    }
    return client;
  };

  /**
   * For live checks: a client only when this vendor has credentials (none: the checks are skipped). Credentials
   * that are set but unusable (a line break in a token, an id without its secret) fail the preview here, naming
   * the key, instead of the `up` later; a bad retry setting is reported by the operations.
   */
  const liveClient = (vendor: Vendor): InventoryClient | undefined => {
    if (!credentialsFor(vendor, stack, env())) {
      warnOnce(`no credentials|${vendor}`, `BucketInventory: no ${vendor} credentials, so preview's live checks of ${vendor} inventories are skipped (${noCredentialsHint(vendor)})`);
      return undefined;
    }
    try {
      return sharedClient();
    } catch {
      return undefined;
    }
  };

  /**
   * Runs an operation with the client. Credentials are required, and their absence is reported in the operation's
   * context; credentials the service refuses are named by where they came from (refusedCredentials.ts).
   */
  const operate = async <T>(operation: Operation, id: string, props: unknown, run: (client: InventoryClient) => Promise<T>): Promise<T> => {
    const { contextOf, inContext } = later.errors();
    const args = later.lifecycle().identityOf(id, props);
    const context = contextOf(operation, resourceIdOfArgs(args));
    let client: InventoryClient;
    try {
      requireCredentials(args.vendor, stack, env());
      client = sharedClient();
    } catch (error) {
      throw inContext(error, context);
    }
    try {
      return await run(client);
    } catch (error) {
      throw later.refused().nameRefusedCredentials(error, args.vendor, credentialOrigin(args.vendor, stack, env()), context);
    }
  };

  return {
    async configure(request) {
      stack = readStackConfig(request?.config);
      client = undefined;
    },
    async check(olds, news) {
      const { inputs, key } = withConfiguredEndpoint(news, stack);
      const result = nameEndpointSource(await checkInventory(inputs, { clientFor: liveClient, ...live }, olds), key);
      const args = normalizeArgs(result.inputs);
      for (const w of result.warnings) warn(`BucketInventory ${resourceIdOfArgs(args)}: ${w.property}: ${w.reason}`);
      return result;
    },
    async diff(_id, olds, news) {
      const diff = later.diff().diffInventory(olds, news);
      if (diff.replaces.length === 0) return diff;
      const why = whyDeleteFirst(olds, news) ?? (await deleteFirstForLimit(olds, news, liveClient));
      diff.deleteBeforeReplace = why !== undefined;
      if (why) warn(deleteFirstWarning(olds, news, why));
      return diff;
    },
    async create(inputs) {
      const args = normalizeArgs(inputs);
      return keepProviderOnRecordedFailure(inputs, () =>
        operate("creating", resourceIdOfArgs(args), inputs, (client) => later.lifecycle().createInventory(client, inputs, deps.lifecycle)),
      );
    },
    read: async (id, props) => operate("reading", id, props ?? {}, (client) => later.lifecycle().readInventory(client, id, props ?? {})),
    update: async (id, olds, news) =>
      keepProviderOnRecordedFailure(news, () => operate("updating", id, news, (client) => later.update().updateInventory(client, id, olds, news, deps.lifecycle))),
    async delete(id, props) {
      await operate("deleting", id, props, (client) => later.lifecycle().deleteInventory(client, id, props));
      const args = later.lifecycle().identityOf(id, props);
      live.planned.remove(bucketRefOf(args), args.inventoryId);
    },
  };
}

/**
 * The host stores a recorded failure's `properties` as the resource's outputs as they are: without `__provider`,
 * the next refresh or destroy of that resource cannot load its provider. Carry the inputs' one along.
 */
async function keepProviderOnRecordedFailure<T>(inputs: Props, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const provider = (inputs as { __provider?: unknown }).__provider;
    if (isRecordedFailure(error) && provider !== undefined) error.properties.__provider = provider;
    throw error;
  }
}

function isRecordedFailure(error: unknown): error is RecordedFailure {
  return error instanceof Error && typeof (error as RecordedFailure).id === "string" && typeof (error as RecordedFailure).properties === "object";
}
