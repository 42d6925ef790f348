import * as fs from "node:fs";
import { expectedPages } from "../measures/roundTrips";
import { benchBucket, BENCH_BUCKETS, writeBenchSeed } from "../support/benchSeed";
import { countRequests, describeCount } from "../support/requestCounts";
import { spreadResources } from "../support/resourceSpread";
import type { SeenRequest } from "../support/fakeCloudProcess";

const seen = (operation: string, status = 200): SeenRequest => ({ method: "GET", operation, path: "/", query: "", status });

describe("benchmark support", () => {
  test("requests are counted by operation, look-ups and list pages apart, refused ones with their status", () => {
    const count = countRequests([seen("GetInventory", 404), seen("PutInventory"), seen("GetInventory"), seen("HeadBucket"), seen("ListInventory")]);
    expect(count).toMatchObject({ total: 5, listPages: 1, lookups: 1, errors: 1 });
    expect(count.sequence).toEqual(["GetInventory 404", "PutInventory", "GetInventory", "HeadBucket", "ListInventory"]);
    expect(describeCount(count)).toBe("5: GetInventory 404, PutInventory, GetInventory, HeadBucket, ListInventory");
    expect(describeCount(countRequests([seen("ListInventory"), seen("ListInventory")]))).toBe("2: ListInventory ×2");
    expect(describeCount(countRequests([]))).toBe("0");
  });

  test("a check needs one list page per 100 configurations, at least one, and OBS always one", () => {
    expect(expectedPages("s3", 0)).toBe(1);
    expect(expectedPages("oss", 100)).toBe(1);
    expect(expectedPages("cos", 101)).toBe(2);
    expect(expectedPages("s3", 1000)).toBe(10);
    expect(expectedPages("obs", 10)).toBe(1);
  });

  test("the bench seed adds buckets every vendor's seed rules accept, COS ones with the APPID suffix", () => {
    const seed = writeBenchSeed();
    try {
      const parsed = JSON.parse(fs.readFileSync(seed.file, "utf8")) as { buckets: { vendor: string; name: string }[] };
      const extra = parsed.buckets.filter((b) => b.name.startsWith("bench-"));
      expect(extra).toHaveLength(4 * BENCH_BUCKETS);
      expect(extra.every((b) => /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(b.name))).toBe(true);
      expect(benchBucket("cos", 7)).toBe("bench-07-1250000000");
    } finally {
      seed.remove();
    }
    expect(fs.existsSync(seed.file)).toBe(false);
  });

  test("resources are spread over vendors in turn and never exceed OBS's 10 per bucket", () => {
    const specs = spreadResources(1000, "http://127.0.0.1:1");
    const perBucket = new Map<string, number>();
    for (const s of specs) {
      const key = `${s.args.vendor}/${s.args.bucket}`;
      perBucket.set(key, (perBucket.get(key) ?? 0) + 1);
    }
    expect(new Set(specs.map((s) => s.name)).size).toBe(1000);
    expect(specs.slice(0, 4).map((s) => s.args.vendor)).toEqual(["oss", "cos", "obs", "s3"]);
    expect(Math.max(...perBucket.values())).toBeLessThanOrEqual(10);
  });
});
