/**
 * Preview-time checks with live look-ups against the fake cloud's default seed (co-location, limits, OBS prefix
 * overlap), and the lifecycle's behaviour under injected faults: OSS update restored on failure, a create whose
 * read-back fails still recorded, parallel creates on one bucket all landing.
 */
import type { Vendor } from "../../../provider/model/inventoryConfig";
import { normalizeConfig } from "../../../provider/model/normalize";
import { configOf, normalizeArgs } from "../../../provider/resource/resourceArgs";
import { fakeArgs, failuresText, refOf, rejection, startHarness, type Harness } from "./fakeCloudSetup";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());
beforeEach(async () => {
  h.fake.admin.reset();
  await h.renewProvider();
});

async function checkFailures(vendor: Vendor, patch: Record<string, unknown>): Promise<string[]> {
  return failuresText((await h.provider.check({}, fakeArgs(h.fake, vendor, patch))).failures);
}

describe("preview: live co-location with the seed's buckets", () => {
  const cases: [Vendor, Record<string, unknown>, string[]][] = [
    ["oss", { "destination.bucket": "reports-beijing" }, [
      'destination.bucket: "reports-beijing" is in cn-beijing, source "photos" is in cn-hangzhou; OSS requires the same region',
    ]],
    ["oss", { "destination.bucket": "partner-reports" }, [
      'destination.bucket: "partner-reports" is not in the account of source "photos": its look-up with the source\'s credentials was refused (AccessDenied); OSS requires the same account',
      'destination.accountId: "1000000000000001" does not own "partner-reports": that account owns source "photos" and was refused a look-up of "partner-reports" (AccessDenied); OSS requires the destination owner\'s account id',
    ]],
    ["cos", { "destination.bucket": "reports-bj-1250000000" }, [
      'destination.bucket: "reports-bj-1250000000" is in ap-beijing, source "photos-1250000000" is in ap-guangzhou; COS requires the same region',
    ]],
    ["cos", { "destination.bucket": "partner-reports-1250000001", "destination.accountId": "100000000001" }, [
      'destination.accountId: "100000000001" does not own "partner-reports-1250000001": that account owns source "photos-1250000000" and was refused a look-up of "partner-reports-1250000001" (AccessDenied); COS requires the destination owner\'s account id',
    ]],
    ["cos", { "destination.bucket": "partner-reports-1250000001" }, []],
    ["obs", { "destination.bucket": "reports-shanghai" }, [
      'destination.bucket: "reports-shanghai" is in cn-east-3, source "photos" is in cn-north-4; OBS requires the same region',
    ]],
    ["obs", { "destination.bucket": "partner-reports" }, [
      'destination.bucket: "partner-reports" is not in the account of source "photos": its look-up with the source\'s credentials was refused (AccessDenied); OBS requires the same account',
    ]],
    ["s3", { "destination.bucket": "reports-eu" }, [
      'destination.bucket: "reports-eu" is in eu-west-1, source "photos" is in us-east-1; S3 requires the same region',
    ]],
    ["s3", { "destination.bucket": "partner-reports", "destination.accountId": "111111111111" }, [
      'destination.accountId: "111111111111" does not own "partner-reports": that account owns source "photos" and was refused a look-up of "partner-reports" (AccessDenied); S3 requires the destination owner\'s account id',
    ]],
    ["s3", { "destination.bucket": "partner-reports", "destination.accountId": "222222222222" }, []],
    ["s3", { "destination.accountId": "222222222222" }, [
      'destination.accountId: "222222222222" does not own "reports": S3 refused it as the expected bucket owner',
    ]],
  ];

  it.each(cases)("%s %j", async (vendor, patch, expected) => {
    expect(await checkFailures(vendor, patch)).toEqual(expected);
  });

  it("agrees with the service: what preview refuses, the service refuses too", async () => {
    const checked = await h.provider.check({}, fakeArgs(h.fake, "oss", { "destination.bucket": "reports-beijing" }));
    await expect(h.other.putInventory(refOf(h.fake, "oss"), configOf(normalizeArgs(checked.inputs)))).rejects.toThrow(/InvalidArgument/);
  });

  it("skips look-ups it cannot make (no credentials) instead of failing the preview", async () => {
    const { createBucketInventoryProvider } = await import("../../../provider/resource/bucketInventoryProvider");
    const bare = createBucketInventoryProvider({ env: {} });
    await bare.configure({ config: { get: () => undefined } });
    expect((await bare.check({}, fakeArgs(h.fake, "oss", { "destination.bucket": "reports-beijing" }))).failures).toEqual([]);
  });

  it("skips look-ups that fail on the wire", async () => {
    h.fake.admin.injectFault({ match: { vendor: "oss" }, times: "always", action: { kind: "reset" } });
    expect(await checkFailures("oss", { "destination.bucket": "reports-beijing" })).toEqual([]);
  });
});

describe("preview: live limits", () => {
  it("counts the OBS bucket's existing configurations and this deployment's new ones", async () => {
    const ref = refOf(h.fake, "obs");
    for (let i = 0; i < 9; i++) {
      await h.other.putInventory(ref, configOf(normalizeArgs(fakeArgs(h.fake, "obs", { inventoryId: `inv-${i}`, "filter.prefix": `p${i}/` }))));
    }
    expect(await checkFailures("obs", { inventoryId: "new-a", "filter.prefix": "a/" })).toEqual([]);
    expect(await checkFailures("obs", { inventoryId: "new-b", "filter.prefix": "b/" })).toEqual([
      'inventoryId: "new-b" would make 11 inventory configurations on bucket "photos" (9 exist, 2 added by this deployment); OBS allows at most 10 per bucket',
    ]);
  });

  it("refuses an overlapping OBS prefix, as the service would", async () => {
    const ref = refOf(h.fake, "obs");
    await h.other.putInventory(ref, configOf(normalizeArgs(fakeArgs(h.fake, "obs", { inventoryId: "logs", "filter.prefix": "logs/2024/" }))));
    const expected = 'filter.prefix: "logs/" overlaps inventory "logs" on bucket "photos", whose prefix is "logs/2024/"; OBS does not allow one inventory\'s prefix to contain another\'s';
    expect(await checkFailures("obs", { "filter.prefix": "logs/" })).toEqual([expected]);
    const refused = await rejection(h.other.putInventory(ref, configOf(normalizeArgs(fakeArgs(h.fake, "obs", { "filter.prefix": "logs/" })))));
    expect(refused.message).toContain("PrefixExistInclusionRelationship");
  });

  it("reads every page of a long list (OSS, 100 a page)", async () => {
    const ref = refOf(h.fake, "s3");
    for (let i = 0; i < 230; i++) {
      await h.other.putInventory(ref, configOf(normalizeArgs(fakeArgs(h.fake, "s3", { inventoryId: `inv-${String(i).padStart(3, "0")}` }))));
    }
    expect((await h.other.listInventories(ref)).length).toBe(230);
    expect(await checkFailures("s3", {})).toEqual([]);
  }, 60_000);
});

describe("faults: nothing lost, nothing orphaned", () => {
  it("OSS update: a configuration the service refuses fails the update before anything is deleted", async () => {
    const checked = await h.provider.check({}, fakeArgs(h.fake, "oss"));
    const { id, outs } = await h.provider.create(checked.inputs);
    const ref = refOf(h.fake, "oss");
    const before = await h.other.getInventory(ref, "daily");
    h.fake.admin.clearRequests();
    h.fake.admin.injectFault({ match: { vendor: "oss", operation: "PutInventory" }, action: { kind: "status", status: 400, code: "InvalidArgument", message: "Injected refusal." } });
    const next = await h.provider.check(outs, fakeArgs(h.fake, "oss", { "destination.prefix": "v2/" }));
    const error = await rejection(h.provider.update(id, outs, next.inputs));
    expect(error.message).toMatch(
      /^updating bucket inventory oss:cn-hangzhou:photos:daily: InvalidArgument Injected refusal\. \(request id [^)]+\); the configuration was left as it was$/,
    );
    const log = h.fake.admin.requests().filter((r) => r.vendor === "oss").map((r) => `${r.method} ${r.operation} ${r.status}`);
    expect(log.filter((l) => l.startsWith("DELETE"))).toEqual([]);
    expect(await h.other.getInventory(ref, "daily")).toEqual(before);
  });

  it("OSS update: when the final put fails after the delete, the old configuration is put back", async () => {
    const checked = await h.provider.check({}, fakeArgs(h.fake, "oss"));
    const { id, outs } = await h.provider.create(checked.inputs);
    const ref = refOf(h.fake, "oss");
    const before = await h.other.getInventory(ref, "daily");
    // The probe (refused for its id, as OSS does) goes through; the put after the delete is refused once.
    h.fake.admin.injectFault({ match: { vendor: "oss", operation: "PutInventory" }, action: { kind: "status", status: 409, code: "InventoryAlreadyExist", message: "probe" } });
    h.fake.admin.injectFault({ match: { vendor: "oss", operation: "PutInventory" }, action: { kind: "status", status: 400, code: "InvalidArgument", message: "Injected refusal." } });
    const next = await h.provider.check(outs, fakeArgs(h.fake, "oss", { "destination.prefix": "v2/" }));
    const error = await rejection(h.provider.update(id, outs, next.inputs));
    expect(error.message).toMatch(
      /^updating bucket inventory oss:cn-hangzhou:photos:daily: InvalidArgument Injected refusal\. \(request id [^)]+\); the previous configuration was put back and is unchanged$/,
    );
    expect(error.id).toBe(id);
    const log = h.fake.admin.requests().filter((r) => r.vendor === "oss").map((r) => `${r.method} ${r.operation} ${r.status}`);
    expect(log.slice(-4)).toEqual(["PUT PutInventory 409", "DELETE DeleteInventory 204", "PUT PutInventory 400", "PUT PutInventory 200"]);
    expect(await h.other.getInventory(ref, "daily")).toEqual(before);
    expect((await h.other.listInventories(ref)).map((c) => c.id)).toEqual(["daily"]);
  });

  it("OSS update: a throttled put is retried and lands", async () => {
    const checked = await h.provider.check({}, fakeArgs(h.fake, "oss"));
    const { id, outs } = await h.provider.create(checked.inputs);
    h.fake.admin.injectFault({ match: { vendor: "oss", operation: "PutInventory" }, action: { kind: "status", status: 503 } });
    const next = await h.provider.check(outs, fakeArgs(h.fake, "oss", { "destination.prefix": "v2/" }));
    const { outs: updated } = await h.provider.update(id, outs, next.inputs);
    expect(updated.destination.prefix).toBe("v2/");
  });

  it("create: when reading back fails after the put, the error carries the id so Pulumi records the resource", async () => {
    const checked = await h.provider.check({}, fakeArgs(h.fake, "cos"));
    h.fake.admin.injectFault({ match: { vendor: "cos", operation: "GetInventory" }, times: 1, action: { kind: "status", status: 404, code: "NoSuchInventoryConfiguration", message: "probe" } });
    h.fake.admin.injectFault({ match: { vendor: "cos", operation: "GetInventory" }, times: "always", action: { kind: "reset" } });
    const error = await rejection(h.provider.create(checked.inputs));
    expect(error.message).toMatch(/^creating bucket inventory cos:ap-guangzhou:photos-1250000000:daily: the configuration was written, but reading it back failed: /);
    expect(error.id).toBe("cos:ap-guangzhou:photos-1250000000:daily");
    h.fake.admin.clearFaults();
    const stored = await h.other.getInventory(refOf(h.fake, "cos"), "daily");
    expect(normalizeConfig("cos", stored!)).toEqual(normalizeConfig("cos", configOf(normalizeArgs(checked.inputs))));
  });

  it("parallel creates on one bucket all land", async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `parallel-${i}`);
    const checked = await Promise.all(ids.map((inventoryId) => h.provider.check({}, fakeArgs(h.fake, "s3", { inventoryId }))));
    await Promise.all(checked.map((c) => h.provider.create(c.inputs)));
    const listed = (await h.other.listInventories(refOf(h.fake, "s3"))).map((c) => c.id).sort();
    expect(listed).toEqual([...ids].sort());
  });
});
