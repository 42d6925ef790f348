import { BUCKETS, configXml, idQuery, MAIN } from "./support/fixtures";
import { signedCall, type Vendor } from "./support/signedClient";
import { useFakeCloud } from "./support/startTestCloud";
import { defaultSeed } from "../../fake/seed";

const cloud = useFakeCloud();
const VENDORS = ["oss", "cos", "obs", "s3"] as const;
const HOUR = 3_600_000;
/** The first-report windows the fake keeps (tests/fake/README.md): OSS 30 min, COS 48 h, OBS 1 h, S3 48 h. */
const WINDOW_MS: Record<Vendor, number> = { oss: HOUR / 2, cos: 48 * HOUR, obs: HOUR, s3: 48 * HOUR };

async function putConfig(vendor: Vendor, xml: string, id = "daily"): Promise<void> {
  const res = await signedCall(cloud.url, {
    account: MAIN[vendor], method: "PUT", bucket: BUCKETS[vendor].source, query: idQuery(vendor, id),
    headers: vendor === "obs" ? {} : { "content-type": "application/xml" }, body: xml,
  });
  expect(res.status).toBe(200);
}

function advance(ms: number) {
  return cloud.fake.admin.advanceClock(ms);
}

describe.each(VENDORS)("%s reports on a schedule", (vendor) => {
  beforeEach(() => cloud.fake.admin.putObject(vendor, BUCKETS[vendor].source, "img/cat.jpg", "meow"));

  it("writes the first report at the end of the vendor's first-report window, then one a day", async () => {
    await putConfig(vendor, configXml(vendor, { id: "daily", destPrefix: "inv" }));
    expect(advance(WINDOW_MS[vendor] - 60_000).runs).toEqual([]);
    const first = advance(60_000).runs;
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ vendor, inventoryId: "daily", rowCount: 1 });
    expect(first[0].manifestKey).toMatch(/manifest\.json$/);
    const later = advance(3 * 24 * HOUR).runs;
    expect(later).toHaveLength(3);
    const times = later.map((r) => Date.parse(r.time));
    expect(times[1] - times[0]).toBe(24 * HOUR);
    expect(times[0] - Date.parse(first[0].time)).toBe(24 * HOUR);
  });

  it("a weekly configuration reports once a week after the first", async () => {
    await putConfig(vendor, configXml(vendor, { id: "weekly", frequency: "Weekly" }), "weekly");
    const runs = advance(WINDOW_MS[vendor] + 15 * 24 * HOUR).runs;
    expect(runs).toHaveLength(3);
    expect(Date.parse(runs[2].time) - Date.parse(runs[1].time)).toBe(7 * 24 * HOUR);
  });

  it("a disabled configuration gets no report (seeds 000, 002), on schedule or run now", async () => {
    await putConfig(vendor, configXml(vendor, { id: "daily" }).replace("<IsEnabled>true<", "<IsEnabled>false<"));
    const runs = advance(WINDOW_MS[vendor] + 2 * 24 * HOUR).runs;
    expect(runs.length).toBeGreaterThan(0);
    expect(runs.every((r) => r.keys.length === 0 && /disabled/.test(r.skippedReason ?? ""))).toBe(true);
    const now = cloud.fake.admin.runInventory(vendor, BUCKETS[vendor].source, "daily");
    expect(now.keys).toEqual([]);
    expect(now.skippedReason).toMatch(/IsEnabled false/);
    const dest = cloud.fake.admin.dump().buckets.find((b) => b.vendor === vendor && b.name === BUCKETS[vendor].dest);
    expect(dest?.objects).toEqual([]);
  });

  it("keeps signatures valid after the clock moves, and says the world time in the Date header", async () => {
    const moved = advance(10 * 24 * HOUR);
    const res = await signedCall(cloud.url, { account: MAIN[vendor], method: "GET", bucket: BUCKETS[vendor].source, query: { inventory: "" } });
    expect(res.status).toBe(200);
    expect(Math.abs(Date.parse(res.headers.date as string) - Date.parse(moved.now))).toBeLessThan(5_000);
  });
});

describe("a destination that does not grant the source gets no report", () => {
  const seed = defaultSeed();
  seed.buckets = seed.buckets.map((b) => (b.name === BUCKETS[b.vendor].dest ? { ...b, inventoryGrants: ["someone-else"] } : b));
  const locked = useFakeCloud({ seed });

  it.each(VENDORS)("%s: the slot passes with nothing written and the reason logged", async (vendor) => {
    locked.fake.admin.putObject(vendor, BUCKETS[vendor].source, "a.txt", "a");
    const res = await signedCall(locked.url, {
      account: MAIN[vendor], method: "PUT", bucket: BUCKETS[vendor].source, query: idQuery(vendor, "daily"),
      headers: vendor === "obs" ? {} : { "content-type": "application/xml" }, body: configXml(vendor, { id: "daily" }),
    });
    expect(res.status).toBe(200);
    const { runs } = locked.fake.admin.advanceClock(WINDOW_MS[vendor]);
    expect(runs).toHaveLength(1);
    expect(runs[0].keys).toEqual([]);
    expect(runs[0].skippedReason).toMatch(/does not let source bucket .* write inventory reports/);
    expect(locked.fake.admin.inventoryRuns().runs.at(-1)?.skippedReason).toBe(runs[0].skippedReason);
  });
});

describe("the clock admin API", () => {
  it("moves by a duration, refuses anything else, and lists the runs and what is due next", async () => {
    const base = cloud.fake.admin.clock();
    const json = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${cloud.url}/__fake/${path}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, value: (await res.json()) as Record<string, any> };
    };
    const moved = await json("POST", "clock", { advance: "1h30m" });
    expect(moved.status).toBe(200);
    expect(Date.parse(moved.value.now) - Date.parse(base.now)).toBeGreaterThanOrEqual(5_400_000);
    expect((await json("GET", "clock")).value.advancedMs).toBe(base.advancedMs + 5_400_000);
    for (const advanceBy of ["-1h", "soon", null, "3x"]) {
      const refused = await json("POST", "clock", { advance: advanceBy });
      expect(refused.status).toBe(400);
      expect(refused.value.error).toMatch(/advance .*must be a duration/);
    }
    await putConfig("obs", configXml("obs", { id: "daily" }));
    const listed = await json("GET", "inventory-runs");
    expect(listed.value.upcoming).toEqual([expect.objectContaining({ vendor: "obs", bucket: "photos", id: "daily" })]);
  });
});
