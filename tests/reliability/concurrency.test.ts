/**
 * `pulumi up --parallel` on one bucket: many resources created at once through one provider process all land,
 * also while the service throttles and drops connections; and the preview's limit check counts the
 * configurations this process has already checked, so with OBS's limit of 10, of 11 checks exactly the 11th
 * fails (and with 1,000 elsewhere, exactly the one that would be the 1,001st).
 */
import { DIALECTS } from "../../provider/dialects/dialectFor";
import { VENDORS, type BucketRef, type Vendor } from "../../provider/model/inventoryConfig";
import type { BucketInventoryProvider } from "../../provider/resource/bucketInventoryProvider";
import { argsFor, oldConfig } from "./support/cellConfigs";
import { startFaultCloud, type FaultCloud } from "./support/faultCloud";
import { Figures } from "./support/figures";

const figures = new Figures("concurrency");
let cloud: FaultCloud;
let nextCell = 0;

beforeAll(async () => {
  cloud = await startFaultCloud(40);
});
afterAll(async () => {
  figures.write();
  await cloud?.close();
});

/** How many resources a vendor's bucket can take in one deployment here (OBS allows 10 per bucket). */
const MANY: Record<Vendor, number> = { oss: 40, cos: 40, obs: 10, s3: 40 };

/** Arguments for resource `i`: its own id and, for OBS's no-overlap rule, its own prefix. */
function resourceArgs(ref: BucketRef, i: number): Record<string, unknown> {
  const config = oldConfig(ref.vendor, `parallel-${String(i).padStart(3, "0")}`);
  return argsFor(ref, { ...config, filter: { prefix: `part-${String(i).padStart(3, "0")}/` } });
}

/** The provider as the dynamic provider host runs it: one process, one configure, many concurrent calls. */
async function hostProvider(): Promise<BucketInventoryProvider> {
  return cloud.provider({ retry: { maxAttempts: 6, baseDelayMs: 2, maxDelayMs: 20 }, timeoutMs: 2_000 });
}

/** Every created configuration is looked for on the bucket; one not there is lost. */
function countLanded(created: number, found: number): void {
  figures.add("stateChecks", created);
  figures.add("configsLost", Math.max(0, created - found));
}

async function createAll(provider: BucketInventoryProvider, ref: BucketRef, n: number): Promise<string[]> {
  const args = Array.from({ length: n }, (_, i) => resourceArgs(ref, i));
  const checked = await Promise.all(args.map((a) => provider.check({}, a)));
  for (const c of checked) expect(c.failures).toEqual([]);
  const created = await Promise.all(checked.map((c) => provider.create(c.inputs)));
  figures.add("parallelCreates", n);
  return created.map((c) => c.id);
}

describe.each(VENDORS.map((v) => [v]))("%s", (vendor) => {
  test("resources created in parallel on one bucket all land, each as written", async () => {
    const ref = cloud.ref(vendor, nextCell++);
    const provider = await hostProvider();
    const ids = await createAll(provider, ref, MANY[vendor]);
    expect(new Set(ids).size).toBe(MANY[vendor]);
    const listed = await cloud.client().listInventories(ref);
    countLanded(ids.length, listed.length);
    expect(listed.map((c) => c.id).sort()).toEqual(ids.map((id) => id.split(":").pop()).sort());
    for (let i = 0; i < MANY[vendor]; i++) {
      const id = `parallel-${String(i).padStart(3, "0")}`;
      // Read out of band as the fake holds it, not through the provider's own reader.
      expect(cloud.storedXml(ref, id)).toContain(`<Filter><Prefix>part-${String(i).padStart(3, "0")}/</Prefix>`);
    }
  });

  test("they all land while the service throttles, resets and times out some of the requests", async () => {
    const ref = cloud.ref(vendor, nextCell++);
    const n = MANY[vendor];
    const admin = cloud.fake.admin;
    admin.injectFault({ match: { bucket: ref.bucket }, times: Math.ceil(n / 4), action: { kind: "status", status: 503, code: "SlowDown" } });
    admin.injectFault({ match: { bucket: ref.bucket, operation: "PutInventory" }, times: Math.ceil(n / 8), action: { kind: "reset", when: "mid-body" } });
    admin.injectFault({ match: { bucket: ref.bucket, operation: "GetInventory" }, times: Math.ceil(n / 8), action: { kind: "reset", when: "before" } });
    const ids = await createAll(await hostProvider(), ref, n);
    const hits = admin.faults().filter((f) => f.match?.bucket === ref.bucket).reduce((sum, f) => sum + f.hits, 0);
    figures.add("faultsInjected", hits);
    figures.add("operationsUnderFault", n);
    figures.add("operationsSurvived", n);
    expect(hits).toBeGreaterThan(0);
    const listed = await cloud.client().listInventories(ref);
    countLanded(ids.length, listed.length);
    expect(listed.map((c) => c.id).sort()).toEqual(ids.map((id) => id.split(":").pop()).sort());
  });
});

describe("the preview's limit check counts what this process already checked", () => {
  async function checkInParallel(ref: BucketRef, from: number, count: number) {
    const provider = await hostProvider();
    const results = await Promise.all(Array.from({ length: count }, (_, i) => provider.check({}, resourceArgs(ref, from + i))));
    return results.map((r) => r.failures.filter((f) => f.property === "inventoryId").map((f) => f.reason));
  }

  test("OBS, limit 10, empty bucket: of 11 parallel checks exactly the 11th fails", async () => {
    const ref = cloud.ref("obs", nextCell++);
    const failures = await checkInParallel(ref, 0, 11);
    expect(failures.slice(0, 10)).toEqual(Array(10).fill([]));
    expect(failures[10]).toEqual([expect.stringMatching(/would make 11 inventory configurations.*OBS allows at most 10 per bucket/)]);
  });

  test("OBS, 7 configurations on the bucket: of 4 parallel checks exactly the 4th fails", async () => {
    const ref = cloud.ref("obs", nextCell++);
    const client = cloud.client();
    for (let i = 0; i < 7; i++) await client.putInventory(ref, { ...oldConfig("obs", `existing-${i}`), filter: { prefix: `old-${i}/` } });
    const failures = await checkInParallel(ref, 0, 4);
    expect(failures.map((f) => f.length)).toEqual([0, 0, 0, 1]);
  });

  test.concurrent.each(["oss", "cos", "s3"] as Vendor[])("%s, limit 1,000, 998 configurations on the bucket: of 3 parallel checks exactly the 3rd fails", async (vendor) => {
    const ref = cloud.ref(vendor, nextCell++);
    for (let i = 0; i < 998; i++) {
      const config = oldConfig(vendor, `existing-${String(i).padStart(4, "0")}`);
      cloud.fake.admin.putInventoryXml(vendor, ref.bucket, config.id, DIALECTS[vendor].serializeInventory(config, ref));
    }
    const failures = await checkInParallel(ref, 0, 3);
    expect(failures.map((f) => f.length)).toEqual([0, 0, 1]);
    expect(failures[2][0]).toMatch(/would make 1001 inventory configurations/);
  });

  test("checking the same resource again (preview, then up) does not count it twice", async () => {
    const ref = cloud.ref("obs", nextCell++);
    const provider = await hostProvider();
    for (let round = 0; round < 2; round++) {
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => provider.check({}, resourceArgs(ref, i))));
      expect(results.flatMap((r) => r.failures)).toEqual([]);
    }
  });
});
