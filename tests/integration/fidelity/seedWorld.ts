/**
 * A small world for one seed sample: one account that owns the source bucket and the destinations the sample
 * names, in one region; the fake cloud is loaded with it, and a provider is given that account's keys, as a user's
 * environment would. The two sides never share code: the provider reaches the fake only over HTTP.
 */
import { createInventoryClient, type ClosableInventoryClient } from "../../../provider/client/createInventoryClient";
import type { ClientOptions } from "../../../provider/client/inventoryClient";
import { DIALECTS } from "../../../provider/dialects/dialectFor";
import type { Vendor } from "../../../provider/model/inventoryConfig";
import { createBucketInventoryProvider, type BucketInventoryProvider } from "../../../provider/resource/bucketInventoryProvider";
import { CREDENTIAL_KEYS } from "../../../provider/resource/credentials";
import type { FakeCloud } from "../../fake/index";
import { idQuery } from "../fake/support/fixtures";
import { signedCall, type CallResult, type TestAccount } from "../fake/support/signedClient";

export interface SeedWorld {
  vendor: Vendor;
  region: string;
  accountId: string;
  /** COS: the APPID the account's bucket names end with. */
  appId?: string;
  /** OSS: allow-listed for incremental inventory. */
  incremental?: boolean;
  source: string;
  /** Other buckets of the same account and region (the sample's destinations). */
  others: string[];
  /** Source versioning; Enabled unless a test says otherwise. */
  versioning?: "Off" | "Enabled";
}

export function accountOf(world: SeedWorld): TestAccount {
  const tag = world.accountId.replace(/\D/g, "").padEnd(8, "0").slice(0, 8);
  return { vendor: world.vendor, accessKeyId: `SEEDWALK${world.vendor.toUpperCase()}${tag}`, secretAccessKey: `seed-walk-secret-${world.vendor}-${tag}` };
}

export function fakeSeedOf(world: SeedWorld): unknown {
  const account = accountOf(world);
  const bucket = (name: string) => ({ vendor: world.vendor, name, region: world.region, accountId: world.accountId, versioning: world.versioning ?? "Enabled" });
  return {
    accounts: [{
      vendor: world.vendor, accountId: world.accountId, accessKeyId: account.accessKeyId, secretAccessKey: account.secretAccessKey,
      ...(world.appId ? { appId: world.appId } : {}),
      ...(world.incremental ? { incrementalInventory: true } : {}),
    }],
    buckets: [world.source, ...world.others.filter((b) => b !== world.source)].map(bucket),
  };
}

/** PUT a body as it is, on the world's source bucket, signed as its account. */
export function putBody(fake: FakeCloud, world: SeedWorld, id: string, body: string): Promise<CallResult> {
  const headers: Record<string, string> = world.vendor === "obs" ? {} : { "content-type": "application/xml" };
  return signedCall(fake.url, { account: accountOf(world), method: "PUT", bucket: world.source, region: world.region, query: idQuery(world.vendor, id), headers, body });
}

export function getBody(fake: FakeCloud, world: SeedWorld, id: string): Promise<CallResult> {
  return signedCall(fake.url, { account: accountOf(world), method: "GET", bucket: world.source, region: world.region, query: idQuery(world.vendor, id) });
}

/** The sample as resource arguments: the provider's own reading of the XML, placed in the world. */
export function argsOfSample(fake: FakeCloud, world: SeedWorld, xml: string): Record<string, unknown> {
  const { id, ...config } = DIALECTS[world.vendor].deserializeInventory(xml);
  return { vendor: world.vendor, region: world.region, bucket: world.source, inventoryId: id, ...config, endpoint: fake.url };
}

export interface WorldProvider {
  provider: BucketInventoryProvider;
  close(): Promise<void>;
}

/** A provider whose environment holds the world's account keys, with retries kept short. */
export async function providerFor(world: SeedWorld): Promise<WorldProvider> {
  const account = accountOf(world);
  const keys = CREDENTIAL_KEYS[world.vendor].env;
  const clients: ClosableInventoryClient[] = [];
  const createClient = (options: ClientOptions) => {
    const made = createInventoryClient({ ...options, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 } });
    clients.push(made);
    return made;
  };
  const provider = createBucketInventoryProvider({
    env: { [keys.id]: account.accessKeyId, [keys.secret]: account.secretAccessKey },
    createClient,
    lifecycle: { readBack: { attempts: 2, delayMs: 5 } },
  });
  await provider.configure({ config: { get: () => undefined } });
  return { provider, close: async () => void (await Promise.all(clients.map((c) => c.close()))) };
}
