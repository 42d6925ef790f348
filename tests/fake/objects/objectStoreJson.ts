import {
  FAKE_VENDORS,
  VERSIONING_STATUSES,
  type FakeVendor,
  type StoredVersion,
  type VersioningStatus,
} from "./objectRecord";
import { ObjectStoreError } from "./objectStoreError";

/** The persisted form of the object store: plain JSON, bodies base64, versions newest first. */
export interface ObjectStoreJson {
  format: typeof FORMAT;
  buckets: BucketJson[];
  /** Rule-made object sets per "vendor:bucket" (generatedObjects.ts), when any. */
  generated?: [string, unknown[]][];
}

export interface BucketJson {
  vendor: FakeVendor;
  bucket: string;
  versioning: VersioningStatus;
  objects: { key: string; versions: VersionJson[] }[];
}

/** A version's bytes inline (`body`, base64) or, in a data dir's state, by reference (`blob`, see stateBlobs.ts). */
type VersionJson = Omit<StoredVersion["record"], "key"> & { body?: string; blob?: string };

/** Where bodies go when written, and come from when read; inline base64 when none is given. */
export interface BodyCodec {
  write(body: Buffer): { body: string } | { blob: string };
  read(version: { body?: string; blob?: string }): Buffer | undefined;
}

const INLINE: BodyCodec = {
  write: (body) => ({ body: body.toString("base64") }),
  read: (version) => (typeof version.body === "string" ? Buffer.from(version.body, "base64") : undefined),
};

const FORMAT = "fake-object-store/1" as const;

/** What the store holds for one bucket: its versioning state and, per key, versions newest first. */
export interface BucketSpace {
  versioning: VersioningStatus;
  keys: Map<string, StoredVersion[]>;
}

export type SpaceMap = Map<FakeVendor, Map<string, BucketSpace>>;

export function toObjectStoreJson(spaces: SpaceMap, codec: BodyCodec = INLINE): ObjectStoreJson {
  const buckets: BucketJson[] = [];
  for (const [vendor, byName] of spaces) {
    for (const [bucket, space] of byName) {
      const objects = [...space.keys].map(([key, versions]) => ({
        key,
        versions: versions.map(({ record, body }) => {
          const { key: _key, ...rest } = record;
          return { ...rest, ...codec.write(body) };
        }),
      }));
      buckets.push({ vendor, bucket, versioning: space.versioning, objects });
    }
  }
  return { format: FORMAT, buckets };
}

export function fromObjectStoreJson(json: unknown, codec: BodyCodec = INLINE): SpaceMap {
  const data = json as Partial<ObjectStoreJson> | null;
  if (data?.format !== FORMAT || !Array.isArray(data.buckets)) {
    throw invalid("format", data?.format, `must be "${FORMAT}" with a buckets array`);
  }
  const spaces: SpaceMap = new Map();
  for (const entry of data.buckets) {
    if (!FAKE_VENDORS.includes(entry.vendor)) {
      throw invalid("buckets[].vendor", entry.vendor, "must be oss, cos, obs or s3");
    }
    if (typeof entry.bucket !== "string" || entry.bucket === "") {
      throw invalid("buckets[].bucket", entry.bucket, "must be a bucket name");
    }
    if (!VERSIONING_STATUSES.includes(entry.versioning)) {
      throw invalid("buckets[].versioning", entry.versioning, "must be Off, Enabled or Suspended");
    }
    const keys = new Map<string, StoredVersion[]>();
    for (const { key, versions } of entry.objects ?? []) keys.set(key, versions.map((v) => readVersion(key, v, codec)));
    const byName = spaces.get(entry.vendor) ?? new Map<string, BucketSpace>();
    byName.set(entry.bucket, { versioning: entry.versioning, keys });
    spaces.set(entry.vendor, byName);
  }
  return spaces;
}

function readVersion(key: string, version: VersionJson, codec: BodyCodec): StoredVersion {
  const bytes = typeof version.size === "number" && typeof version.etag === "string" ? codec.read(version) : undefined;
  if (bytes === undefined) {
    const field = `objects[${JSON.stringify(key)}].versions[]`;
    throw invalid(field, typeof (version.body ?? version.blob), "needs body (base64) or blob, size and etag");
  }
  const { body: _body, blob: _blob, ...rest } = version;
  return { record: { ...rest, key }, body: bytes };
}

function invalid(field: string, value: unknown, rule: string): ObjectStoreError {
  return new ObjectStoreError("InvalidStoreData", `object store data ${field} ${JSON.stringify(value)}: ${rule}`);
}
