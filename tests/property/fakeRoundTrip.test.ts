/**
 * Random valid configurations per vendor through the whole stack and back, judged by an oracle that is not ours:
 * the real client (or the resource) puts them on the fake cloud, and the vendor's official SDK reads back exactly
 * what the arguments say (tests/support/oracle/officialSdkView.ts). Our own read must then show no diff against the
 * inputs either (no perpetual diff from anything the service echoes). Buckets are random names over each vendor's
 * naming rule in several regions, the destination is written plain or as an ARN, and OSS also runs where its gated
 * features are offered: cn-qingdao for the time/size/storage-class filters, na-south-1 with an allow-listed account
 * for incremental inventory.
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
import { expectedView, sdkView } from "../support/oracle/officialSdkView";
import { argsArbitrary, type ConfigOptions } from "./support/inventoryArbitraries";
import { bucketNameArbitrary, destinationSpelling, REGIONS, type Placement } from "./support/placementArbitraries";

const figures = new Figures("property-fake-round-trip");
const RUNS = 25;

/** Source and destination buckets of one account in one region, named at random within the vendor's rule. */
interface Site {
  vendor: Vendor;
  region: string;
  bucket: string;
  destination: string;
  options: ConfigOptions;
}

/** A few sites per vendor, drawn once with a fixed seed so the fake can be seeded with them. */
function drawSites(): Site[] {
  const sites: Site[] = [];
  for (const vendor of VENDORS) {
    const regions: [string, ConfigOptions][] =
      vendor === "oss" ? [["cn-hangzhou", {}], ["cn-qingdao", { advancedFilters: true }], ["na-south-1", { incremental: true }]] : REGIONS[vendor].slice(0, 2).map((r) => [r, { advancedFilters: true }]);
    regions.forEach(([region, options], i) => {
      const name = (n: number) => {
        const drawn = fc.sample(bucketNameArbitrary(vendor, region), { numRuns: 1, seed: 1_000 * i + n + VENDORS.indexOf(vendor) * 77 })[0];
        // COS buckets carry their owner's appid: the main account's.
        return vendor === "cos" ? drawn.replace(/-\d+$/, "-1250000000") : drawn;
      };
      sites.push({ vendor, region, bucket: name(1), destination: name(2), options });
    });
  }
  return sites;
}

const SITES = drawSites();

function seedWithSites(): Seed {
  const seed = defaultSeed();
  mainAccount(seed, "oss").incrementalInventory = true;
  for (const site of SITES) {
    const accountId = mainAccount(seed, site.vendor).accountId;
    for (const name of [site.bucket, site.destination]) seed.buckets.push({ vendor: site.vendor, name, region: site.region, accountId, versioning: "Off" });
  }
  return seed;
}

let fake: FakeCloud;
let seed: Seed;
let client: ClosableInventoryClient;
let provider: BucketInventoryProvider;

beforeAll(async () => {
  seed = seedWithSites();
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

/** Resource arguments on the site, the destination spelled at random, accounts as the seed has them. */
function siteArgs(site: Site): fc.Arbitrary<Record<string, unknown>> {
  const account = mainAccount(seed, site.vendor).accountId;
  return destinationSpelling(site.vendor, site.region, site.destination).chain((destinationBucket) => {
    const place: Placement = { region: site.region, bucket: site.bucket, destinationBucket };
    if (site.vendor !== "obs") place.accountId = account;
    if (site.vendor === "oss") place.roleArn = `acs:ram::${account}:role/AliyunOSSRole`;
    return argsArbitrary(site.vendor, place, site.options);
  });
}

/** The client's model of the arguments: the destination by its plain bucket name (the model never holds an ARN). */
const configOfArgs = (args: Record<string, unknown>): InventoryConfig => {
  const { vendor, region, bucket, inventoryId, destination, ...config } = args;
  void vendor, region, bucket;
  const d = destination as { bucket: string };
  return { ...config, id: inventoryId, destination: { ...d, bucket: d.bucket.replace(/^(acs:oss:::|arn:aws:s3:::|qcs::cos:[^:]*::)/, "") } } as unknown as InventoryConfig;
};

describe.each(SITES.map((s) => [`${s.vendor} ${s.region} ${s.bucket}`, s] as [string, Site]))("%s", (_name, site) => {
  const ref = (): BucketRef => ({ vendor: site.vendor, region: site.region, bucket: site.bucket, endpoint: fake.url });
  const target = () => ({ vendor: site.vendor, endpoint: fake.url, region: site.region, bucket: site.bucket, credentials: mainAccount(seed, site.vendor) });

  test("the client's put is what the official SDK reads back, and our get and list agree", async () => {
    await fc.assert(
      fc.asyncProperty(siteArgs(site), async (args) => {
        figures.add("inputsFuzzed");
        const config = configOfArgs(args);
        try {
          await client.putInventory(ref(), config);
          expect(await sdkView(target(), config.id)).toEqual(expectedView(site.vendor, args));
          const back = await client.getInventory(ref(), config.id);
          expect(back && normalizeConfig(site.vendor, back)).toStrictEqual(normalizeConfig(site.vendor, config));
          const listed = await client.listInventories(ref());
          expect(listed.map((c) => normalizeConfig(site.vendor, c))).toStrictEqual([normalizeConfig(site.vendor, config)]);
        } finally {
          await client.deleteInventory(ref(), config.id);
        }
      }),
      { numRuns: RUNS },
    );
  });

  test("what passes check is created as written (official SDK), and its outputs and a read show no diff", async () => {
    await fc.assert(
      fc.asyncProperty(siteArgs(site), async (args) => {
        figures.add("inputsFuzzed");
        const inputs = { ...args, endpoint: fake.url };
        const checked = await provider.check({}, inputs);
        expect(checked.failures).toEqual([]);
        const created = await provider.create(checked.inputs);
        try {
          expect(await sdkView(target(), String(args.inventoryId))).toEqual(expectedView(site.vendor, args));
          expect(diffInventory(created.outs, inputs).diffs).toEqual([]);
          const read = await provider.read(created.id, created.outs);
          expect(read.id).toBe(created.id);
          expect(diffInventory(read.props, inputs).diffs).toEqual([]);
        } finally {
          await provider.delete(created.id, created.outs);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
