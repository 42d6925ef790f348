/**
 * Random valid configurations per vendor through the whole stack and back: the real client puts them on the fake
 * cloud and reads them back unchanged after normalization; the resource creates them and its outputs show no diff
 * against the inputs (no perpetual diff from anything the service echoes). OSS runs in every placement its gated
 * features need: cn-qingdao for the time/size/storage-class filters, na-south-1 with an allow-listed account for
 * incremental inventory.
 */
import fc from "fast-check";
import type { ClosableInventoryClient } from "../../provider/client/createInventoryClient";
import { createInventoryClient } from "../../provider/client/createInventoryClient";
import { VENDORS, type BucketRef, type InventoryConfig, type Vendor } from "../../provider/model/inventoryConfig";
import { normalizeConfig } from "../../provider/model/normalize";
import { createBucketInventoryProvider, type BucketInventoryProvider } from "../../provider/resource/bucketInventoryProvider";
import { CREDENTIAL_KEYS } from "../../provider/resource/credentials";
import { diffInventory } from "../../provider/resource/diff";
import { defaultSeed, startFakeCloud, type FakeCloud, type Seed } from "../fake/index";
import { mainAccount } from "../reliability/support/faultCloud";
import { Figures } from "../reliability/support/figures";
import { argsArbitrary, configArbitrary, SEED_PLACEMENT, type ConfigOptions, type Placement } from "./support/inventoryArbitraries";

const figures = new Figures("property-fake-round-trip");
const OSS_UID = "1000000000000001";
const OSS_PLACES: [string, Placement, ConfigOptions][] = [
  ["cn-hangzhou", SEED_PLACEMENT.oss, {}],
  ["cn-qingdao", { ...SEED_PLACEMENT.oss, region: "cn-qingdao", bucket: "qd-photos", destinationBucket: "qd-reports" }, { advancedFilters: true }],
  ["na-south-1", { ...SEED_PLACEMENT.oss, region: "na-south-1", bucket: "mx-photos", destinationBucket: "mx-reports" }, { incremental: true }],
];

/** The default seed plus OSS buckets where the gated features work, owned by an allow-listed main account. */
function seedWithGatedRegions(): Seed {
  const seed = defaultSeed();
  mainAccount(seed, "oss").incrementalInventory = true;
  for (const [region, place] of OSS_PLACES.slice(1)) {
    for (const name of [place.bucket, place.destinationBucket]) seed.buckets.push({ vendor: "oss", name, region, accountId: OSS_UID, versioning: "Off" });
  }
  return seed;
}

let fake: FakeCloud;
let client: ClosableInventoryClient;
let provider: BucketInventoryProvider;

beforeAll(async () => {
  const seed = seedWithGatedRegions();
  fake = await startFakeCloud({ port: 0, seed });
  const credentials = Object.fromEntries(VENDORS.map((v) => [v, { accessKeyId: mainAccount(seed, v).accessKeyId, secretAccessKey: mainAccount(seed, v).secretAccessKey }]));
  client = createInventoryClient({ credentials, retry: { maxAttempts: 1 } });
  provider = createBucketInventoryProvider({ createClient: () => client, env: {}, lifecycle: { readBack: { attempts: 1, delayMs: 1 } } });
  const stack: Record<string, string> = {};
  for (const v of VENDORS) {
    stack[`bucket-inventory:${CREDENTIAL_KEYS[v].config.id}`] = mainAccount(seed, v).accessKeyId;
    stack[`bucket-inventory:${CREDENTIAL_KEYS[v].config.secret}`] = mainAccount(seed, v).secretAccessKey;
  }
  await provider.configure({ config: { get: (key: string) => stack[key] } });
});
afterAll(async () => {
  figures.write();
  await client?.close();
  await fake?.close();
});

const cases: [string, Vendor, Placement, ConfigOptions][] = [
  ...OSS_PLACES.map(([region, place, options]) => [`oss in ${region}`, "oss", place, options] as [string, Vendor, Placement, ConfigOptions]),
  ...(["cos", "obs", "s3"] as Vendor[]).map((v) => [v, v, SEED_PLACEMENT[v], { advancedFilters: true }] as [string, Vendor, Placement, ConfigOptions]),
];

describe.each(cases)("%s", (_name, vendor, place, options) => {
  const ref = (): BucketRef => ({ vendor, region: place.region, bucket: place.bucket, endpoint: fake.url });

  test("put → get returns the configuration unchanged after normalization", async () => {
    await fc.assert(
      fc.asyncProperty(configArbitrary(vendor, place, options), async (config: InventoryConfig) => {
        figures.add("inputsFuzzed");
        try {
          await client.putInventory(ref(), config);
          const back = await client.getInventory(ref(), config.id);
          expect(back && normalizeConfig(vendor, back)).toStrictEqual(normalizeConfig(vendor, config));
          const listed = await client.listInventories(ref());
          expect(listed.map((c) => normalizeConfig(vendor, c))).toStrictEqual([normalizeConfig(vendor, config)]);
        } finally {
          await client.deleteInventory(ref(), config.id);
        }
      }),
      { numRuns: 25 },
    );
  });

  test("create's outputs show no diff against the inputs, and read agrees", async () => {
    await fc.assert(
      fc.asyncProperty(argsArbitrary(vendor, place, options), async (args) => {
        figures.add("inputsFuzzed");
        const inputs = { ...args, endpoint: fake.url };
        const checked = await provider.check({}, inputs);
        expect(checked.failures).toEqual([]);
        const created = await provider.create(checked.inputs);
        try {
          expect(diffInventory(created.outs, inputs).diffs).toEqual([]);
          const read = await provider.read(created.id, created.outs);
          expect(read.id).toBe(created.id);
          expect(diffInventory(read.props, inputs).diffs).toEqual([]);
        } finally {
          await provider.delete(created.id, created.outs);
        }
      }),
      { numRuns: 25 },
    );
  });
});
