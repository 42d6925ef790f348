/**
 * The fake cloud set up for fault tests: the default seed plus `cells` source buckets per vendor (same region and
 * account as the seed's "reports" destination), so each test cell owns a bucket and faults can be aimed at it alone
 * while cells run side by side. Gives real clients (real signing, loopback HTTP) and provider objects wired to it,
 * reads the fake's stored state out of band, and waits for requests still in flight (a delayed request may land
 * after the client gave up on it).
 */
import { setTimeout as sleep } from "node:timers/promises";
import { createInventoryClient, type ClosableInventoryClient } from "../../../provider/client/createInventoryClient";
import type { ClientOptions, CredentialSource } from "../../../provider/client/inventoryClient";
import type { BucketRef, Vendor } from "../../../provider/model/inventoryConfig";
import { createBucketInventoryProvider, type BucketInventoryProvider } from "../../../provider/resource/bucketInventoryProvider";
import { CREDENTIAL_KEYS } from "../../../provider/resource/credentials";
import { defaultSeed, startFakeCloud, type FakeCloud, type Seed } from "../../fake/index";

export const REGION: Record<Vendor, string> = { oss: "cn-hangzhou", cos: "ap-guangzhou", obs: "cn-north-4", s3: "us-east-1" };
const COS_APPID = "1250000000";

/** The seed's main account per vendor. */
export function mainAccount(seed: Seed, vendor: Vendor) {
  const account = seed.accounts.find((a) => a.vendor === vendor);
  if (!account) throw new Error(`the seed has no ${vendor} account`);
  return account;
}

/** Source bucket name of cell `n`. */
export function cellBucket(vendor: Vendor, n: number): string {
  return vendor === "cos" ? `cell${n}-${COS_APPID}` : `cell${n}`;
}

function seedWithCells(cells: number): Seed {
  const seed = defaultSeed();
  for (const vendor of ["oss", "cos", "obs", "s3"] as Vendor[]) {
    const accountId = mainAccount(seed, vendor).accountId;
    for (let n = 0; n < cells; n++) {
      seed.buckets.push({ vendor, name: cellBucket(vendor, n), region: REGION[vendor], accountId, versioning: "Off" });
    }
  }
  return seed;
}

export interface FaultCloud {
  fake: FakeCloud;
  seed: Seed;
  credentials: CredentialSource;
  /** Environment variables a user's shell would hold for the seed's main accounts. */
  env: Record<string, string>;
  ref(vendor: Vendor, cell: number): BucketRef;
  /** A real client on the fake; closed by `close()`. */
  client(options?: Partial<ClientOptions>): ClosableInventoryClient;
  /** A provider object as the dynamic provider host would drive it, its clients made by `client(options)`. */
  provider(options?: Partial<ClientOptions>): Promise<BucketInventoryProvider>;
  /** The document the fake holds for (ref, id), read out of band through the admin API (none: undefined). */
  storedXml(ref: BucketRef, id: string): string | undefined;
  /** The ids of every configuration the fake holds, per "<vendor>:<bucket>" (one dump of its whole state). */
  storedIdsByBucket(): Map<string, string[]>;
  /**
   * Waits (first `settleMs`, then polling, bounded) until the fake has answered `sent` requests on the ref's
   * bucket, so no delayed one is still pending when the state is read.
   */
  drain(ref: BucketRef, sent: number, settleMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startFaultCloud(cells: number): Promise<FaultCloud> {
  const seed = seedWithCells(cells);
  const fake = await startFakeCloud({ port: 0, seed });
  const credentials: CredentialSource = {};
  const env: Record<string, string> = {};
  for (const vendor of ["oss", "cos", "obs", "s3"] as Vendor[]) {
    const account = mainAccount(seed, vendor);
    credentials[vendor] = { accessKeyId: account.accessKeyId, secretAccessKey: account.secretAccessKey };
    env[CREDENTIAL_KEYS[vendor].env.id] = account.accessKeyId;
    env[CREDENTIAL_KEYS[vendor].env.secret] = account.secretAccessKey;
  }
  const open: ClosableInventoryClient[] = [];
  const client = (options: Partial<ClientOptions> = {}) => {
    const made = createInventoryClient({ credentials, ...options });
    open.push(made);
    return made;
  };
  return {
    fake,
    seed,
    credentials,
    env,
    ref: (vendor, cell) => ({ vendor, region: REGION[vendor], bucket: cellBucket(vendor, cell), endpoint: fake.url }),
    client,
    async provider(options = {}) {
      const provider = createBucketInventoryProvider({
        env,
        createClient: (given) => client({ ...given, ...options, credentials: given.credentials }),
        lifecycle: { readBack: { attempts: 3, delayMs: 5 } },
      });
      await provider.configure({ config: { get: () => undefined } });
      return provider;
    },
    storedXml: (ref, id) => fake.admin.getInventoryXml(ref.vendor, ref.bucket, id),
    storedIdsByBucket: () => new Map(fake.admin.dump().buckets.map((b) => [`${b.vendor}:${b.name}`, b.inventories])),
    async drain(ref, sent, settleMs = 0) {
      // Reading the log copies it: look rarely. A delayed request lands at most settleMs after the client gave up.
      if (settleMs > 0) await sleep(settleMs);
      for (let i = 0; i < 50; i++) {
        const answered = fake.admin.requests().filter((r) => r.bucket === ref.bucket).length;
        if (answered >= sent) return;
        await sleep(100);
      }
      throw new Error(`the fake answered fewer than ${sent} requests on ${ref.bucket} within 5 s`);
    },
    async close() {
      await Promise.all(open.splice(0).map((c) => c.close()));
      await fake.close();
    },
  };
}
