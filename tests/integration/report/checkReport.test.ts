import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { defaultSeed } from "../../fake/seed";
import { BUCKETS } from "../fake/support/fixtures";
import type { Vendor } from "../fake/support/signedClient";
import { useFakeCloud } from "../fake/support/startTestCloud";
import { check, HOUR, putConfig, target } from "./support/reportCloud";

const cloud = useFakeCloud();
const VENDORS = ["oss", "cos", "obs", "s3"] as const;
const WITH_MD5 = ["oss", "cos", "s3"] as const;

function fill(vendor: Vendor, count = 3): void {
  for (let i = 0; i < count; i++) cloud.fake.admin.putObject(vendor, BUCKETS[vendor].source, `img/${i}.jpg`, `body-${i}`);
}

/** Puts a configuration and runs it now; returns the run (keys, manifest). */
async function reportNow(vendor: Vendor, maxRowsPerFile?: number) {
  fill(vendor);
  await putConfig(cloud.url, vendor, { id: "daily", destPrefix: "inv", fields: ["Size", "ETag"] });
  return cloud.fake.admin.runInventory(vendor, BUCKETS[vendor].source, "daily", { maxRowsPerFile });
}

const dataKeys = (run: { keys: string[] }) => run.keys.filter((k) => !/manifest\.(json|checksum)$|symlink\.txt$/.test(k));
const overwrite = (vendor: Vendor, key: string, body: Buffer | string) => cloud.fake.admin.putObject(vendor, BUCKETS[vendor].dest, key, body);
const readBack = (vendor: Vendor, key: string) =>
  cloud.fake.admin.dump().buckets.find((b) => b.vendor === vendor && b.name === BUCKETS[vendor].dest)?.objects.find((o) => o.key === key);

describe.each(VENDORS)("%s report check", (vendor) => {
  it("healthy: the newest report verifies and is fresh", async () => {
    await reportNow(vendor);
    const result = await check(target(cloud.fake, vendor, "daily"));
    expect(result.status).toBe("healthy");
    expect(result.report).toMatchObject({ rows: 3 });
    expect(result.report?.columns.slice(-2)).toEqual(["Size", "ETag"]);
    expect(result.problems).toEqual([]);
  });

  it("multi-file reports: every file is read and counted", async () => {
    const run = await reportNow(vendor, 1);
    expect(dataKeys(run)).toHaveLength(3);
    const result = await check(target(cloud.fake, vendor, "daily"));
    expect(result.status).toBe("healthy");
    expect(result.report?.files).toHaveLength(3);
    expect(result.report?.rows).toBe(3);
  });

  it("stale: the newest report is older than a day plus the grace", async () => {
    await reportNow(vendor);
    const xml = cloud.fake.admin.getInventoryXml(vendor, BUCKETS[vendor].source, "daily")!;
    cloud.fake.admin.putInventoryXml(vendor, BUCKETS[vendor].source, "daily", xml.replace("<IsEnabled>true<", "<IsEnabled>false<"));
    cloud.fake.admin.advanceClock(31 * HOUR);
    const result = await check(target(cloud.fake, vendor, "daily"));
    expect(result.status).toBe("stale");
    expect(result.summary).toMatch(/old; a Daily inventory should have a newer one \(limit 1d 6h\)/);
    expect(result.causes[0]).toMatch(/disabled/);
  });

  it("pending inside the first-report window, missing after it, with the vendor's likely causes", async () => {
    fill(vendor);
    await putConfig(cloud.url, vendor, { id: "daily" });
    const configuredAt = new Date(cloud.fake.admin.clock().now);
    expect((await check(target(cloud.fake, vendor, "daily", { configuredAt }))).status).toBe("pending");
    const longAgo = new Date(configuredAt.getTime() - 100 * HOUR);
    // The destination is empty (no run yet): as if the report never arrived.
    const result = await check(target(cloud.fake, vendor, "daily", { configuredAt: longAgo }));
    expect(result.status).toBe("missing");
    expect(result.causes.join("\n")).toMatch(vendor === "oss" ? /RAM role/ : vendor === "s3" ? /bucket policy/ : /write/);
  });

  it("corrupted manifest: not JSON", async () => {
    const run = await reportNow(vendor);
    overwrite(vendor, run.manifestKey!, "{ not json");
    const result = await check(target(cloud.fake, vendor, "daily"));
    expect(result.status).toBe("corrupt");
    expect(result.problems.join("\n")).toMatch(/manifest\.json: manifest\.json is not JSON/);
  });

  it("a data file missing or truncated", async () => {
    const run = await reportNow(vendor, 1);
    const [first, second] = dataKeys(run);
    const body = Buffer.from(`${"x".repeat(10)}`);
    overwrite(vendor, second, body);
    await deleteObject(vendor, first);
    const result = await check(target(cloud.fake, vendor, "daily"));
    expect(result.status).toBe("corrupt");
    const problems = result.problems.join("\n");
    expect(problems).toContain(`data file ${first} is missing`);
    expect(problems).toMatch(new RegExp(`data file ${escape(second)}: .*size is 10 bytes, the manifest says \\d+ \\(truncated\\)|data file ${escape(second)}: size is 10 bytes`));
  });

  it("schema mismatch: rows whose field count differs from the manifest's fileSchema", async () => {
    const run = await reportNow(vendor);
    const [key] = dataKeys(run);
    const csv = Buffer.from('"a","b"\n"c","d"\n');
    overwrite(vendor, key, vendor === "obs" ? csv : gzipSync(csv));
    const result = await check(target(cloud.fake, vendor, "daily"));
    expect(result.status).toBe("corrupt");
    expect(result.problems.join("\n")).toMatch(/row 1 has 2 fields, the manifest's fileSchema has \d+/);
  });
});

describe.each(WITH_MD5)("%s checksums", (vendor) => {
  it("manifest.checksum mismatch", async () => {
    const run = await reportNow(vendor);
    overwrite(vendor, run.manifestKey!.replace(/json$/, "checksum"), "0".repeat(32));
    const result = await check(target(cloud.fake, vendor, "daily"));
    expect(result.status).toBe("corrupt");
    expect(result.problems[0]).toMatch(/^manifest\.checksum says 0{32}, manifest\.json's MD5 is [0-9a-f]{32}$/);
  });

  it("wrong MD5: a data file of the stated size whose bytes differ", async () => {
    const run = await reportNow(vendor);
    const [key] = dataKeys(run);
    const size = readBack(vendor, key)!.size;
    // Same length, other bytes: a valid gzip stream padded after its end would still differ; flip one byte instead.
    const stored = await download(vendor, key);
    const flipped = Buffer.from(stored);
    flipped[flipped.length - 5] ^= 0xff;
    expect(flipped.length).toBe(size);
    overwrite(vendor, key, flipped);
    const result = await check(target(cloud.fake, vendor, "daily"));
    expect(result.status).toBe("corrupt");
    const md5 = createHash("md5").update(flipped).digest("hex");
    expect(result.problems.join("\n")).toContain(`MD5 is ${md5}, the manifest says`);
  });
});

describe("missing because the destination refuses the source (seeded grants)", () => {
  const seed = defaultSeed();
  seed.buckets = seed.buckets.map((b) => (b.name === BUCKETS[b.vendor].dest ? { ...b, inventoryGrants: [] } : b));
  const locked = useFakeCloud({ seed });

  it.each(VENDORS)("%s: no report after the window, the run log says why", async (vendor) => {
    locked.fake.admin.putObject(vendor, BUCKETS[vendor].source, "a.txt", "a");
    await putConfig(locked.url, vendor, { id: "daily" });
    const configuredAt = new Date(locked.fake.admin.clock().now);
    locked.fake.admin.advanceClock(72 * HOUR);
    const result = await check(target(locked.fake, vendor, "daily", { configuredAt }));
    expect(result.status).toBe("missing");
    expect(result.summary).toMatch(/no report under .* 3d after it was configured/);
  });
});

it("not-found: a configuration that does not exist", async () => {
  const result = await check(target(cloud.fake, "s3", "nope"));
  expect(result.status).toBe("not-found");
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

async function deleteObject(vendor: Vendor, key: string): Promise<void> {
  const { signedCall } = await import("../fake/support/signedClient");
  const { MAIN } = await import("../fake/support/fixtures");
  const res = await signedCall(cloud.url, { account: MAIN[vendor], method: "DELETE", bucket: BUCKETS[vendor].dest, key });
  expect(res.status).toBe(204);
}

async function download(vendor: Vendor, key: string): Promise<Buffer> {
  const { createObjectReader } = await import("../../../provider/client/objectReader");
  const { CREDENTIALS, REGION } = await import("./support/reportCloud");
  const reader = createObjectReader({ credentials: CREDENTIALS });
  try {
    const opened = await reader.openObject({ vendor, region: REGION[vendor], bucket: BUCKETS[vendor].dest, endpoint: cloud.url }, key);
    const chunks: Buffer[] = [];
    for await (const chunk of opened!.body) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  } finally {
    await reader.close();
  }
}

it("a download cut mid-way resumes with a Range request and still verifies", async () => {
  await reportNow("s3");
  cloud.fake.admin.injectFault({ match: { vendor: "s3", operation: "GetObject", path: "/data/" }, times: 1, action: { kind: "truncate", bytes: 20 } });
  const result = await check(target(cloud.fake, "s3", "daily"));
  expect(result.status).toBe("healthy");
  const gets = cloud.fake.admin.requests().filter((r) => r.operation === "GetObject" && r.path.includes("/data/"));
  expect(gets.map((r) => r.status)).toEqual([200, 206]);
});
