import { gunzipSync } from "node:zlib";
import { ObjectStore } from "../../fake/objects/objectStore";
import { writeInventoryReport } from "../../fake/reports/writeInventoryReport";
import { NOW, uuidCounter } from "./reportFixture";

describe("generated objects", () => {
  const store = () => {
    const s = new ObjectStore({ now: () => new Date("2024-05-01T00:00:00Z") });
    s.putObject("s3", "photos", "gen/00000001x", Buffer.from("stored"));
    s.putObject("s3", "photos", "a.txt", Buffer.from("a"));
    s.addGenerated("s3", "photos", { prefix: "gen/", count: 3, size: 7 });
    return s;
  };

  it("merge with stored objects in key order, each with its own ETag", () => {
    const records = [...store().scanRecords("s3", "photos")];
    expect(records.map((r) => r.key)).toEqual(["a.txt", "gen/00000000", "gen/00000001", "gen/00000001x", "gen/00000002"]);
    const etags = records.filter((r) => r.key.startsWith("gen/0") && r.size === 7).map((r) => r.etag);
    expect(new Set(etags).size).toBe(3);
    expect(etags.every((e) => /^"[0-9a-f]{32}"$/.test(e))).toBe(true);
  });

  it("refuse what cannot be generated, naming the field, the value and the rule", () => {
    const s = new ObjectStore();
    expect(() => s.addGenerated("s3", "b", { prefix: "é/", count: 1 })).toThrow(/generated prefix "é\/": must be printable ASCII/);
    expect(() => s.addGenerated("s3", "b", { prefix: "g/", count: 0 })).toThrow(/generated count 0: must be an integer from 1/);
    expect(() => s.addGenerated("s3", "b", { prefix: "g/", count: 2, size: -1 })).toThrow(/generated size -1/);
  });

  it("feed a report lazily: rows split over files of maxRowsPerFile, counted in the manifest", () => {
    const s = new ObjectStore({ now: () => new Date("2024-05-01T00:00:00Z") });
    s.addGenerated("obs", "photos", { prefix: "g/", count: 25_000, size: 1 });
    const report = writeInventoryReport({
      vendor: "obs", sourceBucket: "photos", destinationBucket: "reports",
      config: { id: "big", format: "CSV", includedObjectVersions: "Current", optionalFields: ["Size"] },
      objects: s.scanRecords("obs", "photos"), now: NOW, newUuid: uuidCounter(), maxRowsPerFile: 10_000,
    });
    expect(report.rowCount).toBe(25_000);
    const manifest = JSON.parse(report.files.at(-1)!.body.toString("utf8"));
    expect(manifest.files.map((f: { inventoriedRecord: number }) => f.inventoriedRecord)).toEqual([10_000, 10_000, 5_000]);
    expect(report.files[2].body.toString("utf8").split("\n")[0]).toBe('"photos","g/00020000","1"');
    expect(() => gunzipSync(report.files[0].body)).toThrow();
  });
});
