import { checkInventory, newLiveCheckState, type LiveCheckEnvironment } from "../../../provider/resource/check";
import type { Vendor } from "../../../provider/model/inventoryConfig";
import { UNKNOWN_VALUE } from "../../../provider/model/unknownValue";
import { MemoryInventoryClient, SEED_BUCKETS, transportError } from "./memoryInventoryClient";
import { argsWith } from "./validArgs";

function environment(client: MemoryInventoryClient | undefined): LiveCheckEnvironment {
  return { clientFor: () => client, ...newLiveCheckState() };
}

/** `olds`: the resource's previous inputs (an update of this stack's own configuration); none for a new resource. */
async function liveFailures(env: LiveCheckEnvironment, vendor: Vendor, patch: Record<string, unknown> = {}, olds?: Record<string, unknown>): Promise<string[]> {
  const result = await checkInventory(argsWith(vendor, patch), env, olds);
  return result.failures.map((f) => `${f.property}: ${f.reason}`);
}

function seedConfigs(client: MemoryInventoryClient, vendor: Vendor, bucket: string, ids: { id: string; prefix?: string }[]): void {
  for (const { id, prefix } of ids) {
    client.seed({ vendor, region: "any", bucket }, {
      id, enabled: true, destination: { bucket: "reports", format: "CSV" }, schedule: { frequency: "Daily" },
      includedObjectVersions: "Current", optionalFields: [], ...(prefix === undefined ? {} : { filter: { prefix } }),
    });
  }
}

describe("check: live co-location", () => {
  it.each<Vendor>(["oss", "cos", "obs", "s3"])("passes the valid %s example against the seed's buckets", async (vendor) => {
    expect(await liveFailures(environment(new MemoryInventoryClient(SEED_BUCKETS)), vendor)).toEqual([]);
  });

  const cases: [string, Vendor, Record<string, unknown>, string[]][] = [
    ["OSS destination in another region", "oss", { "destination.bucket": "reports-beijing" }, [
      'destination.bucket: "reports-beijing" is in cn-beijing, source "photos" is in cn-hangzhou; OSS requires the same region',
    ]],
    ["COS destination in another region", "cos", { "destination.bucket": "reports-bj-1250000000" }, [
      'destination.bucket: "reports-bj-1250000000" is in ap-beijing, source "photos-1250000000" is in ap-guangzhou; COS requires the same region',
    ]],
    ["OBS destination in another region", "obs", { "destination.bucket": "reports-shanghai" }, [
      'destination.bucket: "reports-shanghai" is in cn-east-3, source "photos" is in cn-north-4; OBS requires the same region',
    ]],
    ["S3 destination in another region", "s3", { "destination.bucket": "reports-eu" }, [
      'destination.bucket: "reports-eu" is in eu-west-1, source "photos" is in us-east-1; S3 requires the same region',
    ]],
    ["OSS destination of another account", "oss", { "destination.bucket": "partner-reports" }, [
      'destination.bucket: "partner-reports" belongs to account 1000000000000002, source "photos" to account 1000000000000001; OSS requires the same account',
      'destination.accountId: "1000000000000001" does not own "partner-reports" (account 1000000000000002 does); OSS requires the destination owner\'s account id',
    ]],
    ["OBS destination of another account", "obs", { "destination.bucket": "partner-reports" }, [
      'destination.bucket: "partner-reports" belongs to account f9e8d7c6b5a40392817f6e5d4c3b2a10, source "photos" to account 0a1b2c3d4e5f60718293a4b5c6d7e8f9; OBS requires the same account',
    ]],
    ["COS may write to another account", "cos", { "destination.bucket": "partner-reports-1250000001" }, []],
    ["COS stated account must own the destination", "cos", { "destination.bucket": "partner-reports-1250000001", "destination.accountId": "100000000001" }, [
      'destination.accountId: "100000000001" does not own "partner-reports-1250000001" (account 100000000002 does); COS requires the destination owner\'s account id',
    ]],
    ["S3 may write to another account", "s3", { "destination.bucket": "partner-reports", "destination.accountId": "222222222222" }, []],
    ["S3 stated account must own the destination", "s3", { "destination.bucket": "partner-reports", "destination.accountId": "111111111111" }, [
      'destination.accountId: "111111111111" does not own "partner-reports": S3 refused it as the expected bucket owner',
    ]],
    ["OSS stated account must own the destination", "oss", {
      "destination.accountId": "1000000000000002", "destination.roleArn": "acs:ram::1000000000000002:role/AliyunOSSRole",
    }, [
      'destination.accountId: "1000000000000002" does not own "reports" (account 1000000000000001 does); OSS requires the destination owner\'s account id',
    ]],
    ["an ARN spelling is looked up by its bucket", "oss", { "destination.bucket": "acs:oss:::reports-beijing" }, [
      'destination.bucket: "reports-beijing" is in cn-beijing, source "photos" is in cn-hangzhou; OSS requires the same region',
    ]],
    ["a destination that does not exist yet is not failed", "oss", { "destination.bucket": "created-later" }, []],
  ];

  it.each(cases)("%s", async (_name, vendor, patch, expected) => {
    expect(await liveFailures(environment(new MemoryInventoryClient(SEED_BUCKETS)), vendor, patch)).toEqual(expected);
  });

  it.each<[string, Vendor, Record<string, unknown>, string[]]>([
    ["OSS", "oss", { "destination.bucket": "partner-reports" }, [
      'destination.bucket: "partner-reports" is not in the account of source "photos": its look-up with the source\'s credentials was refused (AccessDenied); OSS requires the same account',
      'destination.accountId: "1000000000000001" does not own "partner-reports": that account owns source "photos" and was refused a look-up of "partner-reports" (AccessDenied); OSS requires the destination owner\'s account id',
    ]],
    ["OBS", "obs", { "destination.bucket": "partner-reports" }, [
      'destination.bucket: "partner-reports" is not in the account of source "photos": its look-up with the source\'s credentials was refused (AccessDenied); OBS requires the same account',
    ]],
    ["COS, stated account is the caller's", "cos", { "destination.bucket": "partner-reports-1250000001", "destination.accountId": "100000000001" }, [
      'destination.accountId: "100000000001" does not own "partner-reports-1250000001": that account owns source "photos-1250000000" and was refused a look-up of "partner-reports-1250000001" (AccessDenied); COS requires the destination owner\'s account id',
    ]],
    ["COS, stated account is the partner's", "cos", { "destination.bucket": "partner-reports-1250000001", "destination.accountId": "100000000002" }, []],
    ["S3, stated account is the caller's", "s3", { "destination.bucket": "partner-reports", "destination.accountId": "111111111111" }, [
      'destination.accountId: "111111111111" does not own "partner-reports": that account owns source "photos" and was refused a look-up of "partner-reports" (AccessDenied); S3 requires the destination owner\'s account id',
    ]],
    ["S3, stated account is the partner's", "s3", { "destination.bucket": "partner-reports", "destination.accountId": "222222222222" }, []],
  ])("another account's destination refuses look-ups (%s)", async (_name, vendor, patch, expected) => {
    const caller = { oss: "1000000000000001", cos: "100000000001", obs: "0a1b2c3d4e5f60718293a4b5c6d7e8f9", s3: "111111111111" };
    expect(await liveFailures(environment(new MemoryInventoryClient(SEED_BUCKETS, caller)), vendor, patch)).toEqual(expected);
  });

  it("looks each bucket up once per process", async () => {
    const client = new MemoryInventoryClient(SEED_BUCKETS);
    const env = environment(client);
    await liveFailures(env, "oss", { inventoryId: "a" });
    await liveFailures(env, "oss", { inventoryId: "b" });
    const lookups = client.calls.filter((c) => c.op === "describeBucket").map((c) => c.bucket);
    expect(lookups).toEqual(["photos", "reports"]);
  });

  it("skips live checks without credentials", async () => {
    expect(await liveFailures(environment(undefined), "oss", { "destination.bucket": "reports-beijing" })).toEqual([]);
  });

  it("skips a look-up that fails on the wire, and tries again next time", async () => {
    const client = new MemoryInventoryClient(SEED_BUCKETS);
    client.failNext("describeBucket", transportError(), 2);
    client.failNext("listInventories", transportError());
    const env = environment(client);
    expect(await liveFailures(env, "oss", { "destination.bucket": "reports-beijing" })).toEqual([]);
    expect(await liveFailures(env, "oss", { "destination.bucket": "reports-beijing", inventoryId: "other" })).toEqual([
      'destination.bucket: "reports-beijing" is in cn-beijing, source "photos" is in cn-hangzhou; OSS requires the same region',
    ]);
  });

  it("does not look up unknown values", async () => {
    const client = new MemoryInventoryClient(SEED_BUCKETS);
    expect(await liveFailures(environment(client), "oss", { "destination.bucket": UNKNOWN_VALUE, inventoryId: UNKNOWN_VALUE })).toEqual([]);
    expect(client.calls).toEqual([]);
  });
});

describe("check: live limits", () => {
  it("counts existing configurations (every page) plus those this process checked", async () => {
    const client = new MemoryInventoryClient(SEED_BUCKETS);
    seedConfigs(client, "obs", "photos", Array.from({ length: 8 }, (_, i) => ({ id: `inv-${i}`, prefix: `p${i}/` })));
    const env = environment(client);
    expect(await liveFailures(env, "obs", { inventoryId: "new-1", "filter.prefix": "n1/" })).toEqual([]);
    expect(await liveFailures(env, "obs", { inventoryId: "new-2", "filter.prefix": "n2/" })).toEqual([]);
    expect(await liveFailures(env, "obs", { inventoryId: "new-3", "filter.prefix": "n3/" })).toEqual([
      'inventoryId: "new-3" would make 11 inventory configurations on bucket "photos" (8 exist, 3 added by this deployment); OBS allows at most 10 per bucket',
    ]);
    // Checking an id again (the same deployment's second check) does not count it twice, and gives the same answer.
    expect(await liveFailures(env, "obs", { inventoryId: "new-2", "filter.prefix": "n2/" })).toEqual([]);
    expect(await liveFailures(env, "obs", { inventoryId: "new-3", "filter.prefix": "n3/" })).toHaveLength(1);
  });

  it("lets an existing id be updated at the limit", async () => {
    const client = new MemoryInventoryClient(SEED_BUCKETS);
    seedConfigs(client, "obs", "photos", Array.from({ length: 10 }, (_, i) => ({ id: `inv-${i}`, prefix: `p${i}/` })));
    const own = argsWith("obs", { inventoryId: "inv-3", "filter.prefix": "p3/" });
    expect(await liveFailures(environment(client), "obs", { inventoryId: "inv-3", "filter.prefix": "p3/", enabled: false }, own)).toEqual([]);
  });

  it("uses the 1000 limit on OSS", async () => {
    const client = new MemoryInventoryClient(SEED_BUCKETS);
    seedConfigs(client, "oss", "photos", Array.from({ length: 1000 }, (_, i) => ({ id: `inv-${i}` })));
    expect(await liveFailures(environment(client), "oss")).toEqual([
      'inventoryId: "daily" would make 1001 inventory configurations on bucket "photos" (1000 exist, 1 added by this deployment); OSS allows at most 1000 per bucket',
    ]);
  });

  it("refuses an OBS prefix that overlaps an existing one, either way round", async () => {
    const client = new MemoryInventoryClient(SEED_BUCKETS);
    seedConfigs(client, "obs", "photos", [{ id: "logs", prefix: "logs/2024/" }]);
    const env = environment(client);
    expect(await liveFailures(env, "obs", { "filter.prefix": "logs/" })).toEqual([
      'filter.prefix: "logs/" overlaps inventory "logs" on bucket "photos", whose prefix is "logs/2024/"; OBS does not allow one inventory\'s prefix to contain another\'s',
    ]);
    expect(await liveFailures(env, "obs", { "filter.prefix": "logs/2024/06/" })).toEqual([
      'filter.prefix: "logs/2024/06/" overlaps inventory "logs" on bucket "photos", whose prefix is "logs/2024/"; OBS does not allow one inventory\'s prefix to contain another\'s',
    ]);
    expect(await liveFailures(env, "obs", { "filter.prefix": "images/" })).toEqual([]);
  });

  it("refuses a whole-bucket OBS inventory beside prefixed ones", async () => {
    const client = new MemoryInventoryClient(SEED_BUCKETS);
    seedConfigs(client, "obs", "photos", [{ id: "images", prefix: "images/" }]);
    expect(await liveFailures(environment(client), "obs", { filter: undefined })).toEqual([
      'filter.prefix: no prefix (the whole bucket) overlaps inventory "images" on bucket "photos", whose prefix is "images/"; OBS does not allow one inventory\'s prefix to contain another\'s',
    ]);
  });

  it("sees overlap between two new OBS inventories of one deployment", async () => {
    const env = environment(new MemoryInventoryClient(SEED_BUCKETS));
    expect(await liveFailures(env, "obs", { inventoryId: "a", "filter.prefix": "ab" })).toEqual([]);
    expect(await liveFailures(env, "obs", { inventoryId: "b", "filter.prefix": "abc" })).toEqual([
      'filter.prefix: "abc" overlaps inventory "a" on bucket "photos", whose prefix is "ab"; OBS does not allow one inventory\'s prefix to contain another\'s',
    ]);
  });

  it("blames the new OBS inventory, not the unchanged live one it overlaps, whatever the order of checks", async () => {
    const client = new MemoryInventoryClient(SEED_BUCKETS);
    seedConfigs(client, "obs", "photos", [{ id: "images", prefix: "images/" }]);
    const env = environment(client);
    const overlapping = 'filter.prefix: "images" overlaps inventory "images" on bucket "photos", whose prefix is "images/"; OBS does not allow one inventory\'s prefix to contain another\'s';
    expect(await liveFailures(env, "obs", { inventoryId: "everything", "filter.prefix": "images" })).toEqual([overlapping]);
    const own = argsWith("obs", { inventoryId: "images", "filter.prefix": "images/" });
    expect(await liveFailures(env, "obs", { inventoryId: "images", "filter.prefix": "images/" }, own)).toEqual([]);
    // A live inventory that changes its prefix into an overlap is told, though.
    expect(await liveFailures(env, "obs", { inventoryId: "images", "filter.prefix": "images/2024/" }, own)).toEqual([
      'filter.prefix: "images/2024/" overlaps inventory "everything" on bucket "photos", whose prefix is "images"; OBS does not allow one inventory\'s prefix to contain another\'s',
    ]);
  });

  it("ignores the resource's own current prefix when its prefix changes", async () => {
    const client = new MemoryInventoryClient(SEED_BUCKETS);
    seedConfigs(client, "obs", "photos", [{ id: "daily", prefix: "images/" }]);
    expect(await liveFailures(environment(client), "obs", { "filter.prefix": "images/2024/" }, argsWith("obs", { "filter.prefix": "images/" }))).toEqual([]);
  });

  it("counts checks that run in parallel on one bucket: only the one over the limit fails", async () => {
    const client = new MemoryInventoryClient(SEED_BUCKETS);
    seedConfigs(client, "obs", "photos", Array.from({ length: 9 }, (_, i) => ({ id: `inv-${i}`, prefix: `p${i}/` })));
    const env = environment(client);
    const results = await Promise.all(["x", "y"].map((id) => liveFailures(env, "obs", { inventoryId: id, "filter.prefix": `${id}/` })));
    expect(results.map((r) => r.length)).toEqual([0, 1]);
  });
});

describe("check: live limits during a replacement", () => {
  it("does not count or overlap the configuration a new inventoryId replaces", async () => {
    const client = new MemoryInventoryClient(SEED_BUCKETS);
    seedConfigs(client, "obs", "photos", [
      { id: "daily", prefix: "images/" },
      ...Array.from({ length: 9 }, (_, i) => ({ id: `inv-${i}`, prefix: `p${i}/` })),
    ]);
    const olds = argsWith("obs");
    const result = await checkInventory(argsWith("obs", { inventoryId: "weekly" }), environment(client), olds);
    expect(result.failures).toEqual([]);
    const fresh = await checkInventory(argsWith("obs", { inventoryId: "weekly" }), environment(client), {});
    expect(fresh.failures.map((f) => f.property)).toEqual(["inventoryId", "filter.prefix"]);
  });
});

describe("check: versions All on an unversioned source (seed 000: versioning must be enabled)", () => {
  const buckets = (versioning: "Enabled" | "Suspended" | "Off" | undefined) =>
    SEED_BUCKETS.map((b) => (b.name === "photos" && b.vendor === "s3" ? { ...b, versioning } : b));

  async function outcome(client: MemoryInventoryClient, patch: Record<string, unknown> = {}) {
    const result = await checkInventory(argsWith("s3", { includedObjectVersions: "All", ...patch }), environment(client));
    return { failures: result.failures, warnings: result.warnings.map((w) => `${w.property}: ${w.reason}`) };
  }

  it.each([
    ["Off", "not enabled"],
    ["Suspended", "suspended"],
  ] as const)("warns, never fails, when versioning is %s", async (status, said) => {
    expect(await outcome(new MemoryInventoryClient(buckets(status)))).toEqual({
      failures: [],
      warnings: [`includedObjectVersions: "All" has no effect yet: versioning of source "photos" is ${said}; S3: "Versioning must be enabled for this configuration to take effect"`],
    });
  });

  it("says nothing when versioning is enabled, or when only current versions are listed", async () => {
    expect((await outcome(new MemoryInventoryClient(buckets("Enabled")))).warnings).toEqual([]);
    expect((await outcome(new MemoryInventoryClient(buckets("Off")), { includedObjectVersions: "Current" })).warnings).toEqual([]);
  });

  it("says nothing when the look-up cannot be made, or the versions value is not known yet", async () => {
    const failing = new MemoryInventoryClient(buckets("Off"));
    failing.failNext("getVersioning", transportError(), 5);
    expect(await outcome(failing)).toEqual({ failures: [], warnings: [] });
    expect((await outcome(new MemoryInventoryClient(buckets("Off")), { includedObjectVersions: UNKNOWN_VALUE })).warnings).toEqual([]);
    const none = await checkInventory(argsWith("s3", { includedObjectVersions: "All" }), environment(undefined));
    expect(none.warnings).toEqual([]);
  });

  it("looks each bucket's versioning up once per run", async () => {
    const client = new MemoryInventoryClient(buckets("Off"));
    const env = environment(client);
    for (const id of ["a", "b", "c"]) await checkInventory(argsWith("s3", { inventoryId: id, includedObjectVersions: "All" }), env);
    expect(client.calls.filter((c) => c.op === "getVersioning")).toHaveLength(1);
  });
});

describe("check: an id the bucket already has", () => {
  const taken = (vendor: Vendor, id: string, bucket: string) =>
    `inventoryId: "${id}" already exists on ${vendor.toUpperCase()} bucket "${bucket}" and this stack's state does not have it: ` +
    'choose another inventoryId, or set adopt: true to manage that configuration from this stack as it is (also the way to take in one an interrupted "pulumi up" created)';

  it.each<Vendor>(["oss", "cos", "obs", "s3"])("refuses a new %s resource whose id exists on the bucket, unless adopt is set", async (vendor) => {
    const client = new MemoryInventoryClient(SEED_BUCKETS);
    const bucket = String(argsWith(vendor).bucket);
    seedConfigs(client, vendor, bucket, [{ id: "daily", prefix: "other/" }]);
    const failures = await liveFailures(environment(client), vendor, { "filter.prefix": "elsewhere/" });
    expect(failures).toEqual([taken(vendor, "daily", bucket)]);
    expect(await liveFailures(environment(client), vendor, { "filter.prefix": "elsewhere/", adopt: true })).toEqual([]);
  });

  it("refuses a rename to an id the bucket has, before anything is deleted", async () => {
    const client = new MemoryInventoryClient(SEED_BUCKETS);
    seedConfigs(client, "oss", "photos", [{ id: "daily" }, { id: "weekly" }]);
    const failures = await liveFailures(environment(client), "oss", { inventoryId: "weekly" }, argsWith("oss"));
    expect(failures).toEqual([taken("oss", "weekly", "photos")]);
  });

  it("passes the stack's own configuration: an update, or a replacement that only changes how it is reached", async () => {
    const client = new MemoryInventoryClient(SEED_BUCKETS);
    seedConfigs(client, "s3", "photos", [{ id: "daily" }]);
    expect(await liveFailures(environment(client), "s3", { enabled: false }, argsWith("s3"))).toEqual([]);
    const env = environment(client);
    const moved = { endpoint: "http://127.0.0.1:9001" };
    expect(await liveFailures(env, "s3", moved, argsWith("s3", { endpoint: "http://127.0.0.1:9000" }))).toEqual([]);
    expect(await liveFailures(env, "s3", moved, {})).toEqual([]); // the engine's second Check, same process
  });
});

describe("check: the engine's second Check of a replacement (no old inputs)", () => {
  it("still leaves the replaced configuration out, when the first Check ran in the same process", async () => {
    const client = new MemoryInventoryClient(SEED_BUCKETS);
    seedConfigs(client, "obs", "photos", [{ id: "daily", prefix: "images/" }]);
    const env = environment(client);
    const olds = argsWith("obs", { "filter.prefix": "images/" });
    const renamed = { inventoryId: "weekly", "filter.prefix": "images/" };
    expect(await liveFailures(env, "obs", renamed, olds)).toEqual([]);
    expect(await liveFailures(env, "obs", renamed, {})).toEqual([]);
    // Without the first Check (another process), the same inputs are a new inventory overlapping "daily".
    expect(await liveFailures(environment(client), "obs", renamed, {})).toEqual([
      'filter.prefix: "images/" overlaps inventory "daily" on bucket "photos", whose prefix is "images/"; OBS does not allow one inventory\'s prefix to contain another\'s',
    ]);
  });
});

describe("check: every failure of one resource at once", () => {
  it("still runs the co-location checks when the inventoryId is malformed (the engine stops at the first failing resource)", async () => {
    const failures = await liveFailures(environment(new MemoryInventoryClient(SEED_BUCKETS)), "cos", {
      inventoryId: "daily report", "destination.bucket": "reports-bj-1250000000",
    });
    expect(failures.map((f) => f.split(":")[0])).toEqual(["inventoryId", "destination.bucket"]);
    expect(failures[1]).toContain("is in ap-beijing");
  });
});
