/**
 * The resource against the real stack over loopback: the fake cloud (default seed) and the real
 * createInventoryClient, through the provider object exactly as the dynamic provider host calls it.
 */
import { startFakeCloud, type FakeCloud } from "../../fake/index";
import seed from "../../fake/defaultSeed.json";
import { createBucketInventoryProvider, type BucketInventoryProvider } from "../../../provider/resource/bucketInventoryProvider";
import { createInventoryClient } from "../../../provider/client/createInventoryClient";
import type { ClientOptions, InventoryClient } from "../../../provider/client/inventoryClient";
import type { Vendor } from "../../../provider/model/inventoryConfig";
import { CREDENTIAL_KEYS } from "../../../provider/resource/credentials";
import { argsWith } from "../../unit/resource/validArgs";

export const VENDOR_LIST: Vendor[] = ["oss", "cos", "obs", "s3"];

/** Environment variables holding each vendor's main seed account, as a user's shell would. */
export function seedEnvironment(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const vendor of VENDOR_LIST) {
    const account = seed.accounts.find((a) => a.vendor === vendor)!;
    env[CREDENTIAL_KEYS[vendor].env.id] = account.accessKeyId;
    env[CREDENTIAL_KEYS[vendor].env.secret] = account.secretAccessKey;
  }
  return env;
}

export interface Harness {
  fake: FakeCloud;
  provider: BucketInventoryProvider;
  /** Preview warnings of the providers made so far. */
  warnings: string[];
  /** A second, independent client (someone else's tool) for out-of-band changes. */
  other: InventoryClient;
  /** A new provider, as a new `pulumi` run starts a new provider process; `config` is its stack config. */
  renewProvider(config?: Record<string, string>): Promise<void>;
  close(): Promise<void>;
}

const clients: { close(): Promise<void> }[] = [];

function client(options: ClientOptions): InventoryClient {
  const made = createInventoryClient({ ...options, retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5, ...options.retry } });
  clients.push(made);
  return made;
}

export async function startHarness(): Promise<Harness> {
  const fake = await startFakeCloud({ port: 0 });
  const env = seedEnvironment();
  const newProvider = async (config: Record<string, string> = {}) => {
    // Preview warnings are kept, not printed: tests that care read them.
    const provider = createBucketInventoryProvider({ env, createClient: client, lifecycle: { readBack: { attempts: 3, delayMs: 5 } }, warn: (m) => harness.warnings.push(m) });
    await provider.configure({ config: { get: (key) => config[key] } });
    return provider;
  };
  const other = client({ credentials: createBucketInventoryProviderCredentials(env) });
  const harness: Harness = {
    fake,
    warnings: [],
    provider: await newProvider(),
    other,
    renewProvider: async (config) => {
      harness.provider = await newProvider(config);
    },
    close: async () => {
      await Promise.all(clients.splice(0).map((c) => c.close()));
      await fake.close();
    },
  };
  return harness;
}

function createBucketInventoryProviderCredentials(env: Record<string, string>): ClientOptions["credentials"] {
  const out: ClientOptions["credentials"] = {};
  for (const vendor of VENDOR_LIST) {
    out[vendor] = { accessKeyId: env[CREDENTIAL_KEYS[vendor].env.id], secretAccessKey: env[CREDENTIAL_KEYS[vendor].env.secret] };
  }
  return out;
}

/** The vendor's valid example aimed at the fake cloud. */
export function fakeArgs(fake: FakeCloud, vendor: Vendor, patch: Record<string, unknown> = {}): Record<string, unknown> {
  return argsWith(vendor, { endpoint: fake.url, ...patch });
}

export function refOf(fake: FakeCloud, vendor: Vendor) {
  const a = argsWith(vendor);
  return { vendor, region: a.region as string, bucket: a.bucket as string, endpoint: fake.url };
}

export async function rejection(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error("expected a failure");
}

export const failuresText = (failures: { property: string; reason: string }[]) => failures.map((f) => `${f.property}: ${f.reason}`);
