import fc from "fast-check";
import { ObjectStore } from "../../fake/objects/objectStore";
import type { ListObjectsResult, ObjectRecord } from "../../fake/objects/objectRecord";

const KEYS = ["a.txt", "photos/2024/01.jpg", "photos/2024/02.jpg", "photos/2025/01.jpg", "photos/cover.jpg", "z"];

function storeWith(keys: readonly string[]): ObjectStore {
  const store = new ObjectStore({ now: () => new Date(Date.UTC(2024, 0, 1)) });
  for (const key of keys) store.putObject("s3", "b", key, Buffer.from(key));
  return store;
}

const keysOf = (r: ListObjectsResult): string[] => r.objects.map((o) => o.key);

describe("ObjectStore.listObjects", () => {
  const store = storeWith(KEYS);

  test("lists current objects in key order, filtered by prefix", () => {
    expect(keysOf(store.listObjects("s3", "b"))).toEqual(KEYS);
    expect(keysOf(store.listObjects("s3", "b", { prefix: "photos/2024/" }))).toEqual([
      "photos/2024/01.jpg",
      "photos/2024/02.jpg",
    ]);
  });

  test("a delimiter rolls keys up into common prefixes after the prefix", () => {
    const top = store.listObjects("s3", "b", { delimiter: "/" });
    expect(keysOf(top)).toEqual(["a.txt", "z"]);
    expect(top.commonPrefixes).toEqual(["photos/"]);
    const inner = store.listObjects("s3", "b", { prefix: "photos/", delimiter: "/" });
    expect(keysOf(inner)).toEqual(["photos/cover.jpg"]);
    expect(inner.commonPrefixes).toEqual(["photos/2024/", "photos/2025/"]);
    expect(inner.keyCount).toBe(3);
  });

  test("v1 pages by marker: NextMarker is the last key or common prefix returned", () => {
    const first = store.listObjects("s3", "b", { delimiter: "/", maxKeys: 2 });
    expect([keysOf(first), first.commonPrefixes, first.isTruncated, first.nextMarker]).toEqual([
      ["a.txt"], ["photos/"], true, "photos/",
    ]);
    const second = store.listObjects("s3", "b", { delimiter: "/", maxKeys: 2, marker: first.nextMarker });
    expect([keysOf(second), second.commonPrefixes, second.isTruncated, second.nextMarker]).toEqual([
      ["z"], [], false, undefined,
    ]);
  });

  test("v2 pages by continuation token, which wins over startAfter", () => {
    const first = store.listObjects("s3", "b", { maxKeys: 4, startAfter: "a.txt" });
    expect(keysOf(first)).toEqual(KEYS.slice(1, 5));
    expect(first.isTruncated).toBe(true);
    const token = first.nextContinuationToken as string;
    const second = store.listObjects("s3", "b", { maxKeys: 4, continuationToken: token, startAfter: "zzz" });
    expect([keysOf(second), second.isTruncated, second.nextContinuationToken]).toEqual([["z"], false, undefined]);
  });

  test("a listing is not truncated when the page ends exactly at the last entry", () => {
    const page = store.listObjects("s3", "b", { prefix: "photos/", delimiter: "/", maxKeys: 3 });
    expect([page.isTruncated, page.nextMarker, page.nextContinuationToken]).toEqual([false, undefined, undefined]);
  });

  test("keys sort in UTF-8 byte order, not JS string order", () => {
    const keys = ["\u{1F600}", "\uFF5E", "a"];
    expect(keysOf(storeWith(keys).listObjects("s3", "b"))).toEqual(["a", "\uFF5E", "\u{1F600}"]);
  });

  test("bad max-keys and foreign tokens are refused; max-keys above 1000 is capped", () => {
    expect(() => store.listObjects("s3", "b", { maxKeys: -1 })).toThrow(
      /maxKeys -1: must be an integer from 0 to 1000/,
    );
    expect(() => store.listObjects("s3", "b", { continuationToken: "bm90LW91cnM=" })).toThrow(/continuationToken/);
    expect(keysOf(store.listObjects("s3", "b", { maxKeys: 5000 }))).toEqual(KEYS);
    expect(store.listObjects("s3", "b", { maxKeys: 0 })).toMatchObject({ objects: [], isTruncated: true });
  });

  test("paging with any page size and either style returns exactly the unpaged listing", () => {
    const keyArb = fc.array(fc.stringMatching(/^[ab/]{1,5}$/), { minLength: 0, maxLength: 25 });
    const args = [keyArb, fc.integer({ min: 1, max: 6 }), fc.constantFrom("", "/"), fc.boolean()] as const;
    fc.assert(
      fc.property(...args, (keys, maxKeys, delimiter, v2) => {
        const s = storeWith(keys);
        const whole = s.listObjects("s3", "b", { delimiter });
        const items: string[] = [];
        const prefixes: string[] = [];
        let marker: string | undefined;
        let token: string | undefined;
        for (let guard = 0; guard < 100; guard += 1) {
          const resume = v2 ? { continuationToken: token } : { marker };
          const page = s.listObjects("s3", "b", { delimiter, maxKeys, ...resume });
          items.push(...keysOf(page));
          prefixes.push(...page.commonPrefixes);
          expect(page.keyCount).toBeLessThanOrEqual(maxKeys);
          if (!page.isTruncated) break;
          [marker, token] = [page.nextMarker, page.nextContinuationToken];
        }
        expect(items).toEqual(keysOf(whole));
        expect(prefixes).toEqual(whole.commonPrefixes);
      }),
      { numRuns: 150 },
    );
  });
});

describe("ObjectStore.listVersions", () => {
  function versionedStore(): ObjectStore {
    let id = 0;
    const store = new ObjectStore({ now: () => new Date(Date.UTC(2024, 0, 1)), newVersionId: () => `v${++id}` });
    store.setVersioning("oss", "b", "Enabled");
    for (const key of ["a", "b", "a", "d/x", "d/y", "a"]) store.putObject("oss", "b", key, Buffer.from(key));
    store.deleteObject("oss", "b", "b");
    return store;
  }

  test("lists every version and marker by key, newest first, with prefix and delimiter", () => {
    const all = versionedStore().listVersions("oss", "b", { delimiter: "/" });
    const label = (v: ObjectRecord) =>
      `${v.key}:${v.versionId}:${v.isLatest ? "L" : "-"}${v.isDeleteMarker ? "D" : ""}`;
    expect(all.versions.map(label)).toEqual([
      "a:v6:L", "a:v3:-", "a:v1:-", "b:v7:LD", "b:v2:-",
    ]);
    expect(all.commonPrefixes).toEqual(["d/"]);
    const underD = versionedStore().listVersions("oss", "b", { prefix: "d/" });
    expect(underD.versions.map((v) => v.key)).toEqual(["d/x", "d/y"]);
  });

  test("pages by key-marker and version-id-marker, resuming inside a key's versions", () => {
    const store = versionedStore();
    const first = store.listVersions("oss", "b", { maxKeys: 2 });
    expect(first.versions.map((v) => v.versionId)).toEqual(["v6", "v3"]);
    expect([first.isTruncated, first.nextKeyMarker, first.nextVersionIdMarker]).toEqual([true, "a", "v3"]);
    const second = store.listVersions("oss", "b", {
      maxKeys: 3, keyMarker: first.nextKeyMarker, versionIdMarker: first.nextVersionIdMarker,
    });
    expect(second.versions.map((v) => v.versionId)).toEqual(["v1", "v7", "v2"]);
    const third = store.listVersions("oss", "b", {
      maxKeys: 3, keyMarker: second.nextKeyMarker, versionIdMarker: second.nextVersionIdMarker,
    });
    expect([third.versions.map((v) => v.key), third.isTruncated]).toEqual([["d/x", "d/y"], false]);
    expect(store.listVersions("oss", "b", { keyMarker: "a" }).versions[0].key).toBe("b");
  });
});
