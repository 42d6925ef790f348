import { createHash } from "node:crypto";
import { ObjectStore } from "../../fake/objects/objectStore";
import { ObjectStoreError } from "../../fake/objects/objectStoreError";

/** A store whose clock ticks one second per write and whose version ids count up: every value is predictable. */
function newStore(): ObjectStore {
  let tick = 0;
  let id = 0;
  return new ObjectStore({
    now: () => new Date(Date.UTC(2024, 0, 2, 3, 4, 5) + 1000 * tick++),
    newVersionId: () => `v${++id}`,
  });
}

const hello = Buffer.from("hello");

describe("ObjectStore objects", () => {
  test("put returns the quoted MD5 ETag, lower-case hex, upper-case for OSS, and no version id when Off", () => {
    const store = newStore();
    expect(store.putObject("s3", "b", "k", hello)).toEqual({ etag: '"5d41402abc4b2a76b9719d911017c592"' });
    expect(store.putObject("oss", "b", "k", hello)).toEqual({ etag: '"5D41402ABC4B2A76B9719D911017C592"' });
  });

  test("a multipart object gets an ETag of the MD5 of the part MD5 with the part count", () => {
    const partsMd5 = createHash("md5").update(createHash("md5").update(hello).digest()).digest("hex");
    const { etag } = newStore().putObject("cos", "b", "k", hello, { multipart: true });
    expect(etag).toBe(`"${partsMd5}-1"`);
  });

  test("records carry size, ISO time, storage class default per vendor, flags and content type", () => {
    const store = newStore();
    store.putObject("oss", "b", "a", hello, { contentType: "text/plain", encrypted: true });
    store.putObject("cos", "b", "a", hello, { storageClass: "STANDARD_IA", multipart: true });
    store.putObject("obs", "b", "a", hello);
    store.putObject("s3", "b", "a", hello);
    expect(store.headObject("oss", "b", "a")).toEqual({
      key: "a", size: 5, lastModified: "2024-01-02T03:04:05.000Z", etag: '"5D41402ABC4B2A76B9719D911017C592"',
      storageClass: "Standard", isLatest: true, isDeleteMarker: false, multipart: false, encrypted: true,
      contentType: "text/plain",
    });
    expect(store.headObject("cos", "b", "a")?.storageClass).toBe("STANDARD_IA");
    expect(store.headObject("cos", "b", "a")?.multipart).toBe(true);
    expect(store.headObject("obs", "b", "a")?.storageClass).toBe("STANDARD");
    expect(store.headObject("s3", "b", "a")?.lastModified).toBe("2024-01-02T03:04:08.000Z");
  });

  test("get returns a copy of the body; bucket names are a namespace per vendor", () => {
    const store = newStore();
    const body = Buffer.from("abc");
    store.putObject("oss", "photos", "k", body);
    body.write("xyz");
    const got = store.getObject("oss", "photos", "k");
    expect(got?.body.toString()).toBe("abc");
    got?.body.write("zzz");
    expect(store.getObject("oss", "photos", "k")?.body.toString()).toBe("abc");
    expect(store.getObject("s3", "photos", "k")).toBeUndefined();
  });

  test("Off overwrites the one version and delete removes the object", () => {
    const store = newStore();
    store.putObject("s3", "b", "k", Buffer.from("1"));
    store.putObject("s3", "b", "k", Buffer.from("22"));
    expect(store.listVersions("s3", "b").versions.map((v) => [v.size, v.versionId])).toEqual([[2, undefined]]);
    expect(store.deleteObject("s3", "b", "k")).toEqual({ deleteMarker: false });
    expect(store.getObject("s3", "b", "k")).toBeUndefined();
    expect(store.allRecords("s3", "b")).toEqual([]);
  });
});

describe("ObjectStore versioning", () => {
  test("Enabled keeps every version with a fresh id; only the newest is latest", () => {
    const store = newStore();
    store.setVersioning("oss", "b", "Enabled");
    expect(store.getVersioning("oss", "b")).toBe("Enabled");
    expect(store.putObject("oss", "b", "k", Buffer.from("1")).versionId).toBe("v1");
    expect(store.putObject("oss", "b", "k", Buffer.from("22")).versionId).toBe("v2");
    expect(store.allRecords("oss", "b").map((r) => [r.versionId, r.isLatest, r.size])).toEqual([
      ["v2", true, 2],
      ["v1", false, 1],
    ]);
    expect(store.getObject("oss", "b", "k", { versionId: "v1" })?.body.toString()).toBe("1");
    expect(store.getObject("oss", "b", "k", { versionId: "v9" })).toBeUndefined();
  });

  test("a delete without version id writes a delete marker that hides the object from listings", () => {
    const store = newStore();
    store.setVersioning("s3", "b", "Enabled");
    store.putObject("s3", "b", "k", hello);
    expect(store.deleteObject("s3", "b", "k")).toEqual({ deleteMarker: true, versionId: "v2" });
    const latest = store.getObject("s3", "b", "k");
    expect(latest?.record).toMatchObject({ isDeleteMarker: true, isLatest: true, versionId: "v2", size: 0, etag: "" });
    expect(store.listObjects("s3", "b").objects).toEqual([]);
    expect(store.listVersions("s3", "b").versions.map((v) => [v.versionId, v.isDeleteMarker])).toEqual([
      ["v2", true],
      ["v1", false],
    ]);
  });

  test("deleting the delete marker by id brings the previous version back", () => {
    const store = newStore();
    store.setVersioning("s3", "b", "Enabled");
    store.putObject("s3", "b", "k", hello);
    store.deleteObject("s3", "b", "k");
    expect(store.deleteObject("s3", "b", "k", { versionId: "v2" })).toEqual({ deleteMarker: true, versionId: "v2" });
    expect(store.getObject("s3", "b", "k")?.record).toMatchObject({ versionId: "v1", isLatest: true });
    expect(store.deleteObject("s3", "b", "k", { versionId: "v1" })).toEqual({ deleteMarker: false, versionId: "v1" });
    expect(store.allRecords("s3", "b")).toEqual([]);
  });

  test("Suspended writes the \"null\" version, replacing an earlier null or Off-era version but not real ones", () => {
    const store = newStore();
    store.putObject("cos", "b", "k", Buffer.from("off"));
    store.setVersioning("cos", "b", "Enabled");
    store.putObject("cos", "b", "k", Buffer.from("enabled"));
    store.setVersioning("cos", "b", "Suspended");
    expect(store.putObject("cos", "b", "k", Buffer.from("s1")).versionId).toBe("null");
    expect(store.putObject("cos", "b", "k", Buffer.from("s22")).versionId).toBe("null");
    expect(store.allRecords("cos", "b").map((r) => [r.versionId, r.size])).toEqual([
      ["null", 3],
      ["v1", 7],
    ]);
    expect(store.deleteObject("cos", "b", "k")).toEqual({ deleteMarker: true, versionId: "null" });
    expect(store.allRecords("cos", "b").map((r) => [r.versionId, r.isDeleteMarker])).toEqual([
      ["null", true],
      ["v1", false],
    ]);
  });

  test("an Off-era object answers to version id \"null\"", () => {
    const store = newStore();
    store.putObject("obs", "b", "k", hello);
    store.setVersioning("obs", "b", "Enabled");
    store.putObject("obs", "b", "k", Buffer.from("new"));
    expect(store.getObject("obs", "b", "k", { versionId: "null" })?.body.toString()).toBe("hello");
  });

  test("a versioned bucket cannot go back to Off, and unknown states are refused", () => {
    const store = newStore();
    store.setVersioning("s3", "b", "Off");
    store.setVersioning("s3", "b", "Suspended");
    expect(() => store.setVersioning("s3", "b", "Off")).toThrow(
      expect.objectContaining({ code: "IllegalVersioningConfigurationException" }),
    );
    expect(() => store.setVersioning("s3", "b", "On" as never)).toThrow(ObjectStoreError);
    expect(store.getVersioning("s3", "other")).toBe("Off");
  });
});

describe("ObjectStore persistence", () => {
  test("toJSON/fromJSON round-trips versions, bodies, flags and versioning states through plain JSON", () => {
    const store = newStore();
    store.setVersioning("oss", "photos", "Enabled");
    const bytes = Buffer.from([0, 255, 1, 2]);
    store.putObject("oss", "photos", "a/1.jpg", bytes, { contentType: "image/jpeg", encrypted: true });
    store.putObject("oss", "photos", "a/1.jpg", hello, { multipart: true, storageClass: "IA" });
    store.deleteObject("oss", "photos", "gone");
    store.putObject("s3", "photos", "k", hello);
    store.setVersioning("cos", "empty-1250000000", "Suspended");
    const text = JSON.stringify(store.toJSON());
    const copy = ObjectStore.fromJSON(JSON.parse(text));
    expect(copy.toJSON()).toEqual(store.toJSON());
    expect(copy.allRecords("oss", "photos")).toEqual(store.allRecords("oss", "photos"));
    expect(copy.getObject("oss", "photos", "a/1.jpg", { versionId: "v1" })?.body).toEqual(bytes);
    expect(copy.getVersioning("cos", "empty-1250000000")).toBe("Suspended");
    expect(JSON.parse(text).buckets[0].objects[0].versions[1].body).toBe("AP8BAg==");
  });

  test("fromJSON refuses data of another shape, naming the field", () => {
    expect(() => ObjectStore.fromJSON({ format: "other", buckets: [] })).toThrow(/format "other"/);
    const bucket = { vendor: "gcs", bucket: "b", versioning: "Off", objects: [] };
    const bad = { format: "fake-object-store/1", buckets: [bucket] };
    expect(() => ObjectStore.fromJSON(bad)).toThrow(/buckets\[\]\.vendor "gcs"/);
  });

  test("clear empties every bucket and versioning state", () => {
    const store = newStore();
    store.setVersioning("s3", "b", "Enabled");
    store.putObject("s3", "b", "k", hello);
    store.clear();
    expect(store.getVersioning("s3", "b")).toBe("Off");
    expect(store.toJSON().buckets).toEqual([]);
  });
});
