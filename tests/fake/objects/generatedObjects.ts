import { createHash } from "node:crypto";
import { ObjectStoreError } from "./objectStoreError";
import { defaultStorageClass, type FakeVendor, type ObjectRecord } from "./objectRecord";

/**
 * Objects that exist only as a rule (prefix, count, size), so a bucket can hold millions for inventory reports
 * without storing each: key i is `<prefix><i, zero-padded>`, all the same size, each its own ETag. They appear in
 * inventory reports and the state dump's counts; listings, GET and HEAD see only stored objects.
 */
export interface GeneratedSet {
  /** ASCII only, so generated keys sort the same in UTF-16 and UTF-8 order. */
  prefix: string;
  count: number;
  size: number;
  storageClass?: string;
  /** ISO 8601: when the set was made. */
  lastModified: string;
}

export const MAX_GENERATED_OBJECTS = 100_000_000;

/** Checks an admin or seed request for a set; the message names the field, the value and the rule. */
export function checkGeneratedSet(raw: Partial<GeneratedSet>, lastModified: string): GeneratedSet {
  const { prefix, count, size = 1024, storageClass } = raw;
  if (typeof prefix !== "string" || !/^[\x21-\x7e]*$/.test(prefix)) {
    throw new ObjectStoreError("InvalidArgument", `generated prefix ${JSON.stringify(prefix)}: must be printable ASCII without spaces`);
  }
  if (!Number.isInteger(count) || (count as number) < 1 || (count as number) > MAX_GENERATED_OBJECTS) {
    throw new ObjectStoreError("InvalidArgument", `generated count ${JSON.stringify(count)}: must be an integer from 1 to ${MAX_GENERATED_OBJECTS}`);
  }
  if (!Number.isSafeInteger(size) || size < 0) {
    throw new ObjectStoreError("InvalidArgument", `generated size ${JSON.stringify(size)}: must be a whole number of bytes`);
  }
  return { prefix, count: count as number, size, ...(storageClass ? { storageClass } : {}), lastModified };
}

/** The set's objects in key order (zero-padding keeps numeric and key order the same). */
export function* generatedRecords(vendor: FakeVendor, set: GeneratedSet): Generator<ObjectRecord> {
  const width = Math.max(8, String(set.count - 1).length);
  const storageClass = set.storageClass ?? defaultStorageClass(vendor);
  const seed = createHash("md5").update(`${set.prefix}:${set.lastModified}`).digest("hex");
  for (let i = 0; i < set.count; i++) {
    const index = String(i).padStart(width, "0");
    // A cheap distinct tag per object: the set's digest with the index worked into its tail.
    const etagHex = (seed.slice(0, 32 - index.length) + index).replace(/[^0-9a-f]/g, "0");
    yield {
      key: set.prefix + index, size: set.size, lastModified: set.lastModified,
      etag: `"${vendor === "oss" ? etagHex.toUpperCase() : etagHex}"`, storageClass, isLatest: true, isDeleteMarker: false,
      multipart: false, encrypted: false, contentType: "application/octet-stream",
    };
  }
}

/**
 * Merges sorted record streams into one, by key. Generated keys are ASCII, so comparing code units orders them the
 * same as UTF-8 bytes against any other key; stored records keep their own order (versions newest first).
 */
export function* mergeByKey(sources: Iterable<ObjectRecord>[]): Generator<ObjectRecord> {
  const iterators = sources.map((s) => s[Symbol.iterator]());
  const heads = iterators.map((it) => it.next());
  for (;;) {
    let pick = -1;
    for (let i = 0; i < heads.length; i++) {
      if (heads[i].done) continue;
      if (pick < 0 || (heads[i].value as ObjectRecord).key < (heads[pick].value as ObjectRecord).key) pick = i;
    }
    if (pick < 0) return;
    yield heads[pick].value as ObjectRecord;
    heads[pick] = iterators[pick].next();
  }
}
