import { csvLine } from "../../fake/reports/inventoryCsv";
import { encodeInventoryKey } from "../../fake/reports/inventoryColumns";
import { writeInventoryReport } from "../../fake/reports/writeInventoryReport";
import { csvLines, fileNamed, manifestOf, md5, reportInput, sourceStore } from "./reportFixture";

const ALL_FIELDS = [
  "Size", "StorageClass", "LastModifiedDate", "ETag", "IsMultipartUploaded", "EncryptionStatus", "ObjectAcl",
];

describe("OSS inventory report (seed 003 layout)", () => {
  function photos() {
    const store = sourceStore("oss", "photos");
    const options = { storageClass: "IA", encrypted: true };
    store.putObject("oss", "photos", "images/photo 1.jpg", Buffer.from("hello"), options);
    store.putObject("oss", "photos", "数据/a+b.txt", Buffer.alloc(1024), { multipart: true });
    return store;
  }

  test("writes data/<uuid>.csv.gz and <time>/manifest.json + manifest.checksum under prefix/src/id", () => {
    const report = writeInventoryReport(reportInput("oss", "photos", photos(), { destinationPrefix: "inv/" }));
    expect(report.files.map((f) => [f.key, f.contentType])).toEqual([
      ["inv/photos/daily/data/0000000a-bbbb-4ccc-8ddd-000000000001.csv.gz", "application/x-gzip"],
      ["inv/photos/daily/2024-05-17T16-00Z/manifest.json", "application/json"],
      ["inv/photos/daily/2024-05-17T16-00Z/manifest.checksum", "text/plain"],
    ]);
    expect(report.manifestKey).toBe("inv/photos/daily/2024-05-17T16-00Z/manifest.json");
    expect(report.rowCount).toBe(2);
    const bare = writeInventoryReport(reportInput("oss", "photos", photos(), {}));
    expect(bare.manifestKey).toBe("photos/daily/2024-05-17T16-00Z/manifest.json");
  });

  test("the manifest has OSS's fields and the checksum is the upper-hex MD5 of manifest.json", () => {
    const report = writeInventoryReport(reportInput("oss", "photos", photos(), { optionalFields: ["Size", "ETag"] }));
    const data = fileNamed(report, "photos/daily/data/0000000a-bbbb-4ccc-8ddd-000000000001.csv.gz");
    expect(manifestOf(report)).toEqual({
      creationTimestamp: "1715961630",
      destinationBucket: "reports",
      fileFormat: "CSV",
      fileSchema: "Bucket, Key, Size, ETag",
      files: [{
        key: "photos/daily/data/0000000a-bbbb-4ccc-8ddd-000000000001.csv.gz",
        size: data.length,
        MD5checksum: md5(data).toUpperCase(),
      }],
      sourceBucket: "photos",
      version: "2019-09-01",
    });
    const checksum = fileNamed(report, "photos/daily/2024-05-17T16-00Z/manifest.checksum").toString();
    expect(checksum).toBe(md5(fileNamed(report, report.manifestKey as string)).toUpperCase());
    expect(checksum).toMatch(/^[0-9A-F]{32}$/);
  });

  test("rows: quoted fields, URL-encoded keys, optional fields in seed 003's order whatever the configured order", () => {
    const report = writeInventoryReport(reportInput("oss", "photos", photos(), { optionalFields: ALL_FIELDS }));
    expect(manifestOf(report).fileSchema).toBe(
      "Bucket, Key, Size, LastModifiedDate, ETag, StorageClass, IsMultipartUploaded, EncryptionStatus, ObjectAcl",
    );
    const [simple, multipart] = csvLines(report.files[0].body);
    expect(simple).toBe(
      '"photos","images/photo%201.jpg","5","2024-05-01T00:00:00.000Z","5D41402ABC4B2A76B9719D911017C592","IA","False","True",""',
    );
    expect(multipart.startsWith('"photos","%E6%95%B0%E6%8D%AE/a%2Bb.txt","1024","2024-05-02T00:00:00.000Z","')).toBe(true);
    expect(multipart.endsWith('","Standard","True","False",""')).toBe(true);
    expect(decodeURIComponent("%E6%95%B0%E6%8D%AE/a%2Bb.txt")).toBe("数据/a+b.txt");
  });

  test("a multipart object's ETag is a UUID of its content (seed 003), never the content's MD5", () => {
    const report = writeInventoryReport(reportInput("oss", "photos", photos(), { optionalFields: ["ETag"] }));
    const etag = csvLines(report.files[0].body)[1].split(",")[2].replace(/"/g, "");
    expect(etag).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-3[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
    expect(etag.replace(/-/g, "")).not.toBe(md5(Buffer.alloc(1024)).toUpperCase());
    const again = writeInventoryReport(reportInput("oss", "photos", photos(), { optionalFields: ["ETag"] }));
    expect(csvLines(again.files[0].body)[1]).toContain(etag);
  });

  test("a key is percent-encoded UTF-8 that decodeURIComponent reverses; a quote inside a field is doubled", () => {
    for (const key of ["a b/c", "100%/x?y=1&z#", "é/😀", "(x)!*'~"]) {
      expect(decodeURIComponent(encodeInventoryKey(key))).toBe(key);
      expect(encodeInventoryKey(key)).toMatch(/^[A-Za-z0-9\-._~%/]*$/);
    }
    expect(csvLine(['say "hi"', "a,b", ""])).toBe('"say ""hi""","a,b",""\n');
  });

  test("splits rows over several data files named <uuid>-1, -2, ... and lists each in the manifest", () => {
    const store = sourceStore("oss", "photos");
    for (const key of ["k1", "k2", "k3", "k4", "k5"]) store.putObject("oss", "photos", key, Buffer.from(key));
    const report = writeInventoryReport({ ...reportInput("oss", "photos", store, {}), maxRowsPerFile: 2 });
    const uuid = "0000000a-bbbb-4ccc-8ddd-000000000001";
    const dataKeys = [1, 2, 3].map((n) => `photos/daily/data/${uuid}-${n}.csv.gz`);
    const files = manifestOf(report).files as { key: string; size: number; MD5checksum: string }[];
    expect(files.map((f) => f.key)).toEqual(dataKeys);
    const rows = dataKeys.flatMap((key, i) => {
      const body = fileNamed(report, key);
      expect([files[i].size, files[i].MD5checksum]).toEqual([body.length, md5(body).toUpperCase()]);
      return csvLines(body);
    });
    expect(rows).toEqual(["k1", "k2", "k3", "k4", "k5"].map((k) => `"photos","${k}"`));
    expect(rows.length).toBe(report.rowCount);
  });

  test("All lists versions and markers with VersionId, IsLatest, IsDeleteMarker; Current lists live objects", () => {
    const store = sourceStore("oss", "photos", true);
    store.putObject("oss", "photos", "a", Buffer.from("1"));
    store.putObject("oss", "photos", "a", Buffer.from("22"));
    store.putObject("oss", "photos", "b", Buffer.from("333"));
    store.deleteObject("oss", "photos", "b");
    const config = { includedObjectVersions: "All" as const, optionalFields: ["Size", "StorageClass"] };
    const all = writeInventoryReport(reportInput("oss", "photos", store, config));
    expect(manifestOf(all).fileSchema).toBe("Bucket, Key, VersionId, IsLatest, IsDeleteMarker, Size, StorageClass");
    expect(csvLines(all.files[0].body)).toEqual([
      '"photos","a","v2","True","False","2","Standard"',
      '"photos","a","v1","False","False","1","Standard"',
      '"photos","b","v4","True","True","",""',
      '"photos","b","v3","False","False","3","Standard"',
    ]);
    const current = writeInventoryReport(reportInput("oss", "photos", store, { optionalFields: ["Size"] }));
    expect(manifestOf(current).fileSchema).toBe("Bucket, Key, Size");
    expect(csvLines(current.files[0].body)).toEqual(['"photos","a","2"']);
  });

  test("All on a bucket that was never versioned has no version columns (seed 003: versioned bucket and All)", () => {
    const store = sourceStore("oss", "photos");
    store.putObject("oss", "photos", "a", Buffer.from("1"));
    const config = { includedObjectVersions: "All" as const, optionalFields: ["Size"] };
    const report = writeInventoryReport({ ...reportInput("oss", "photos", store, config), sourceVersioned: false });
    expect(manifestOf(report).fileSchema).toBe("Bucket, Key, Size");
    expect(csvLines(report.files[0].body)).toEqual(['"photos","a","1"']);
  });

  test("honours the prefix, modification-time, size and storage-class filters", () => {
    const store = sourceStore("oss", "photos");
    const put = (key: string, bytes: number, storageClass = "Standard") =>
      store.putObject("oss", "photos", key, Buffer.alloc(bytes), { storageClass });
    put("logs/1", 10); // 2024-05-01
    put("pics/1", 10); // 2024-05-02
    put("pics/2", 2000, "IA"); // 2024-05-03
    put("pics/3", 5000, "Archive"); // 2024-05-04
    put("pics/4", 500); // 2024-05-05
    const run = (filter: object) => {
      const report = writeInventoryReport(reportInput("oss", "photos", store, { filter }));
      return report.files.length === 0 ? [] : csvLines(report.files[0].body).map((line) => line.split(",")[1]);
    };
    expect(run({ prefix: "pics/" })).toEqual(['"pics/1"', '"pics/2"', '"pics/3"', '"pics/4"']);
    const may3 = Date.UTC(2024, 4, 3) / 1000;
    const twoDays = { lastModifyBeginTimeStamp: may3, lastModifyEndTimeStamp: may3 + 86400 };
    expect(run(twoDays)).toEqual(['"pics/2"', '"pics/3"']);
    expect(run({ lowerSizeBound: 500, upperSizeBound: 2000 })).toEqual(['"pics/2"', '"pics/4"']);
    expect(run({ storageClasses: ["IA", "Archive"] })).toEqual(['"pics/2"', '"pics/3"']);
    expect(run({ storageClasses: ["All"], prefix: "logs/" })).toEqual(['"logs/1"']);
  });

  test("no matching object: OSS writes nothing and says why", () => {
    const report = writeInventoryReport(reportInput("oss", "photos", photos(), { filter: { prefix: "nothing/" } }));
    expect(report.files).toEqual([]);
    expect(report.manifestKey).toBeUndefined();
    expect(report.skippedReason).toMatch(/no object in oss bucket photos matches inventory daily/);
  });
});
