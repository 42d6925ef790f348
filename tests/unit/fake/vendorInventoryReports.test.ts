import { writeInventoryReport } from "../../fake/reports/writeInventoryReport";
import { ReportInputError } from "../../fake/reports/reportInputError";
import { csvLines, fileNamed, manifestOf, md5, reportInput, sourceStore } from "./reportFixture";

function bucketOf(vendor: "cos" | "obs" | "s3", bucket: string) {
  const store = sourceStore(vendor, bucket);
  store.putObject(vendor, bucket, "docs/a b.txt", Buffer.from("hello"));
  store.putObject(vendor, bucket, "docs/b.txt", Buffer.alloc(100), { encrypted: true });
  store.putObject(vendor, bucket, "other.txt", Buffer.alloc(7));
  return store;
}

describe("COS inventory report", () => {
  const input = (extra: object = {}) =>
    reportInput("cos", "photos-1250000000", bucketOf("cos", "photos-1250000000"), {
      id: "inv01",
      destinationPrefix: "cos_bucket_inventory",
      optionalFields: ["Size", "ETag"],
      filter: { prefix: "docs/" },
    }, { destinationAppId: "1250000001", ...extra });

  test("writes data files under prefix/appid/src/id/ and the manifest under <YYYYMMDD>/", () => {
    const report = writeInventoryReport(input());
    const base = "cos_bucket_inventory/1250000000/photos/inv01";
    expect(report.files.map((f) => f.key)).toEqual([
      `${base}/0000000abbbb4ccc8ddd000000000001.csv.gz`,
      `${base}/20240517/manifest.json`,
      `${base}/20240517/manifest.checksum`,
    ]);
    expect(report.manifestKey).toBe(`${base}/20240517/manifest.json`);
  });

  test("manifest: APPIDs apart from bucket names, counts as strings, md5Checksum; rows lead with Appid", () => {
    const report = writeInventoryReport(input());
    const data = report.files[0].body;
    expect(manifestOf(report)).toEqual({
      sourceAppid: "1250000000",
      sourceBucket: "photos",
      destinationAppid: "1250000001",
      destinationBucket: "reports",
      fileFormat: "CSV",
      listObjectCount: "3",
      listStorageSize: "112",
      filterObjectCount: "2",
      filterStorageSize: "105",
      fileSchema: "Appid, Bucket, Key, Size, ETag",
      files: [{ key: report.files[0].key, size: String(data.length), md5Checksum: md5(data) }],
    });
    expect(fileNamed(report, report.files[2].key).toString()).toBe(md5(report.files[1].body));
    expect(csvLines(data)).toEqual([
      '"1250000000","photos","docs/a%20b.txt","5","5d41402abc4b2a76b9719d911017c592"',
      '"1250000000","photos","docs/b.txt","100","6d0bb00954ceb7fbee436bb55a8397a9"',
    ]);
  });

  test("takes the APPID from sourceAppId, and refuses a bucket with none", () => {
    const report = writeInventoryReport({ ...input(), sourceBucket: "photos", sourceAppId: "1250000009" });
    expect(report.manifestKey).toBe("cos_bucket_inventory/1250000009/photos/inv01/20240517/manifest.json");
    expect(() => writeInventoryReport({ ...input(), sourceBucket: "photos" })).toThrow(ReportInputError);
  });
});

describe("OBS inventory report", () => {
  const input = (config: object = {}) =>
    reportInput("obs", "photos", bucketOf("obs", "photos"), {
      id: "test_id", optionalFields: ["EncryptionStatus", "Size", "ETag"], includedObjectVersions: "All", ...config,
    });

  test("defaults the prefix to BucketInventory; plain <time>/files/<UUID>_<index>.csv; no checksum", () => {
    const report = writeInventoryReport({ ...input(), maxRowsPerFile: 2 });
    const folder = "BucketInventory/photos/test_id/2024-05-17T16-00Z";
    expect(report.files.map((f) => [f.key, f.contentType])).toEqual([
      [`${folder}/files/0000000ABBBB4CCC8DDD000000000001_1.csv`, "text/csv"],
      [`${folder}/files/0000000ABBBB4CCC8DDD000000000001_2.csv`, "text/csv"],
      [`${folder}/manifest.json`, "application/json"],
    ]);
    expect(writeInventoryReport(input({ destinationPrefix: "inventory" })).manifestKey).toBe(
      "inventory/photos/test_id/2024-05-17T16-00Z/manifest.json",
    );
  });

  test("manifest: comma-only fileSchema in OBS's field order, DeleteMarker as seed 002 names it, URL-encoded keys, record counts", () => {
    const report = writeInventoryReport({ ...input(), maxRowsPerFile: 2 });
    const [first, second] = report.files;
    expect(manifestOf(report)).toEqual({
      sourceBucket: "photos",
      destinationBucket: "reports",
      version: "2019-01-03",
      fileFormat: "CSV",
      fileSchema: "Bucket,Key,VersionId,IsLatest,DeleteMarker,Size,ETag,EncryptionStatus",
      files: [
        { key: encodeURIComponent(first.key), size: first.body.length, inventoriedRecord: 2 },
        { key: encodeURIComponent(second.key), size: second.body.length, inventoriedRecord: 1 },
      ],
    });
    expect((manifestOf(report).files as { key: string }[])[0].key).toMatch(/^BucketInventory%2Fphotos%2Ftest_id%2F/);
    expect(csvLines(second.body, false)).toEqual([
      '"photos","other.txt","","true","false","7","d310a40483f9399dd7ed1712e0fdd702","false"',
    ]);
    expect(csvLines(first.body, false)[1]).toBe(
      '"photos","docs/b.txt","","true","false","100","6d0bb00954ceb7fbee436bb55a8397a9","true"',
    );
  });
});

describe("S3 inventory report", () => {
  const input = () =>
    reportInput("s3", "photos", bucketOf("s3", "photos"), {
      id: "weekly", destinationPrefix: "inv", optionalFields: ["Size"],
    });

  test("data/<uuid>.csv.gz per file, manifest + checksum under the time folder, hive symlink.txt", () => {
    const report = writeInventoryReport({ ...input(), maxRowsPerFile: 2 });
    expect(report.files.map((f) => f.key)).toEqual([
      "inv/photos/weekly/data/0000000a-bbbb-4ccc-8ddd-000000000001.csv.gz",
      "inv/photos/weekly/data/0000000a-bbbb-4ccc-8ddd-000000000002.csv.gz",
      "inv/photos/weekly/2024-05-17T16-00Z/manifest.json",
      "inv/photos/weekly/2024-05-17T16-00Z/manifest.checksum",
      "inv/photos/weekly/hive/dt=2024-05-17-16-00/symlink.txt",
    ]);
    expect(report.files[4].body.toString()).toBe(
      report.files.slice(0, 2).map((f) => `s3://reports/${f.key}\n`).join(""),
    );
  });

  test("manifest: destination ARN, epoch-millisecond timestamp, lower-hex MD5checksum and checksum file", () => {
    const report = writeInventoryReport(input());
    const data = report.files[0].body;
    expect(manifestOf(report)).toEqual({
      sourceBucket: "photos",
      destinationBucket: "arn:aws:s3:::reports",
      version: "2016-11-30",
      creationTimestamp: "1715961630250",
      fileFormat: "CSV",
      fileSchema: "Bucket, Key, Size",
      files: [{ key: report.files[0].key, size: data.length, MD5checksum: md5(data) }],
    });
    expect(report.files[2].body.toString()).toBe(md5(report.files[1].body));
    expect(csvLines(data)).toEqual([
      '"photos","docs/a%20b.txt","5"',
      '"photos","docs/b.txt","100"',
      '"photos","other.txt","7"',
    ]);
  });

  test("with no matching object S3 still writes a manifest listing no files", () => {
    const report = writeInventoryReport({ ...input(), config: { ...input().config, filter: { prefix: "none/" } } });
    expect(report.files.map((f) => f.key)).toEqual([
      "inv/photos/weekly/2024-05-17T16-00Z/manifest.json",
      "inv/photos/weekly/2024-05-17T16-00Z/manifest.checksum",
    ]);
    expect(manifestOf(report).files).toEqual([]);
    expect(report.skippedReason).toBeUndefined();
  });
});

describe("writeInventoryReport input", () => {
  test("refuses what no vendor writes, naming the field and value", () => {
    const base = reportInput("s3", "photos", sourceStore("s3", "photos"), {});
    expect(() => writeInventoryReport({ ...base, config: { ...base.config, format: "ORC" as "CSV" } })).toThrow(
      /config\.format "ORC": the fake writes CSV only/,
    );
    expect(() => writeInventoryReport({ ...base, maxRowsPerFile: 0 })).toThrow(/maxRowsPerFile 0/);
    const someVersions = { ...base.config, includedObjectVersions: "Some" as "All" };
    expect(() => writeInventoryReport({ ...base, config: someVersions })).toThrow(ReportInputError);
  });
});
