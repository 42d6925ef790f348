import { randomBytes } from "node:crypto";
import { computeEtag } from "./computeEtag";
import { checkGeneratedSet, generatedRecords, mergeByKey, type GeneratedSet } from "./generatedObjects";
import { ObjectEventLog, type ChangeOrigin } from "./objectEvents";
import { compareKeys } from "./listPage";
import { listAllVersions, listCurrentObjects } from "./listRecords";
import {
  defaultStorageClass,
  versionLabel,
  VERSIONING_STATUSES,
  type DeleteObjectResult,
  type FakeVendor,
  type ListObjectsOptions,
  type ListObjectsResult,
  type ListVersionsOptions,
  type ListVersionsResult,
  type ObjectRecord,
  type PutObjectOptions,
  type PutObjectResult,
  type StoredObject,
  type StoredVersion,
  type VersioningStatus,
} from "./objectRecord";
import { ObjectStoreError } from "./objectStoreError";
import {
  fromObjectStoreJson,
  toObjectStoreJson,
  type BodyCodec,
  type BucketSpace,
  type ObjectStoreJson,
  type SpaceMap,
} from "./objectStoreJson";

type VersionOption = { versionId?: string };

export interface ObjectStoreOptions {
  now?: () => Date;
  newVersionId?: () => string;
}

/**
 * Objects per (vendor, bucket) with S3-family versioning; pure, no I/O. Bucket names are a namespace per vendor and
 * a bucket's space appears on first use: whether the bucket exists is the caller's question. Versions are kept
 * newest first; Off overwrites the one version, Enabled adds versions and delete markers with fresh ids, Suspended
 * replaces the "null" version (and an Off-era version, which is the "null" version too).
 */
export class ObjectStore {
  private spaces: SpaceMap = new Map();
  private generated = new Map<string, GeneratedSet[]>();
  /** Every write and delete, for OSS incremental inventory; not persisted. */
  readonly events = new ObjectEventLog();
  private readonly now: () => Date;
  private readonly newVersionId: () => string;

  constructor(options: ObjectStoreOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.newVersionId = options.newVersionId ?? (() => randomBytes(16).toString("hex"));
  }

  /** `codec`: where version bodies come from (inline base64 by default; a data dir keeps them as blob files). */
  static fromJSON(json: unknown, options?: ObjectStoreOptions, codec?: BodyCodec): ObjectStore {
    const store = new ObjectStore(options);
    store.spaces = fromObjectStoreJson(json, codec);
    const generated = (json as { generated?: [string, GeneratedSet[]][] } | null)?.generated;
    if (Array.isArray(generated)) store.generated = new Map(generated);
    return store;
  }

  toJSON(codec?: BodyCodec): ObjectStoreJson {
    const json = toObjectStoreJson(this.spaces, codec);
    return this.generated.size === 0 ? json : { ...json, generated: [...this.generated.entries()] };
  }

  clear(): void {
    this.spaces = new Map();
    this.generated = new Map();
    this.events.clear();
  }

  /** Adds a rule-made set of objects (see generatedObjects.ts); returns it as stored. */
  addGenerated(vendor: FakeVendor, bucket: string, raw: Partial<GeneratedSet>): GeneratedSet {
    const set = checkGeneratedSet(raw, this.now().toISOString());
    const key = `${vendor}:${bucket}`;
    this.generated.set(key, [...(this.generated.get(key) ?? []), set]);
    return set;
  }

  generatedSets(vendor: FakeVendor, bucket: string): GeneratedSet[] {
    return [...(this.generated.get(`${vendor}:${bucket}`) ?? [])];
  }

  /** What an inventory scan walks: stored versions and generated objects, by key, lazily. */
  scanRecords(vendor: FakeVendor, bucket: string): Iterable<ObjectRecord> {
    const sets = this.generatedSets(vendor, bucket);
    const stored = this.allRecords(vendor, bucket);
    if (sets.length === 0) return stored;
    return mergeByKey([stored, ...sets.map((set) => generatedRecords(vendor, set))]);
  }

  getVersioning(vendor: FakeVendor, bucket: string): VersioningStatus {
    return this.spaces.get(vendor)?.get(bucket)?.versioning ?? "Off";
  }

  /** Once versioned, a bucket can only be Enabled or Suspended, never Off again (as the S3 family rules). */
  setVersioning(vendor: FakeVendor, bucket: string, status: VersioningStatus): void {
    if (!VERSIONING_STATUSES.includes(status)) {
      const value = JSON.stringify(status);
      throw new ObjectStoreError("InvalidArgument", `versioning ${value}: must be Off, Enabled or Suspended`);
    }
    const space = this.space(vendor, bucket);
    if (status === "Off" && space.versioning !== "Off") {
      throw new ObjectStoreError(
        "IllegalVersioningConfigurationException",
        `versioning of ${vendor} bucket ${bucket} "Off": a versioned bucket can only be Enabled or Suspended`,
      );
    }
    space.versioning = status;
  }

  putObject(
    vendor: FakeVendor,
    bucket: string,
    key: string,
    body: Buffer,
    options: PutObjectOptions = {},
  ): PutObjectResult {
    const space = this.space(vendor, bucket);
    const multipart = options.multipart ?? false;
    const version: StoredVersion = {
      record: {
        key,
        size: body.length,
        lastModified: (options.at ?? this.now()).toISOString(),
        etag: computeEtag(vendor, body, multipart),
        storageClass: options.storageClass ?? defaultStorageClass(vendor),
        versionId: this.versionIdForWrite(space),
        isDeleteMarker: false,
        multipart,
        encrypted: options.encrypted ?? false,
        contentType: options.contentType ?? "application/octet-stream",
      },
      body: Buffer.from(body),
    };
    this.addVersion(space, version);
    const { record } = version;
    this.events.add(vendor, bucket, {
      type: "CREATE", time: record.lastModified, key, versionId: record.versionId, size: record.size, storageClass: record.storageClass,
      lastModified: record.lastModified, etag: record.etag, multipart: record.multipart, encrypted: record.encrypted, ...options.origin,
    });
    const { etag, versionId } = version.record;
    return versionId === undefined ? { etag } : { etag, versionId };
  }

  /**
   * The latest version, or the one asked for. The record may be a delete marker (latest is a marker, or the id
   * named one): callers answer NoSuchKey / MethodNotAllowed from `record.isDeleteMarker`.
   */
  getObject(vendor: FakeVendor, bucket: string, key: string, options: VersionOption = {}): StoredObject | undefined {
    const versions = this.spaces.get(vendor)?.get(bucket)?.keys.get(key) ?? [];
    const { versionId } = options;
    const index = versionId === undefined ? (versions.length > 0 ? 0 : -1) : indexOfVersion(versions, versionId);
    if (index < 0) return undefined;
    const { record, body } = versions[index];
    return { record: { ...record, isLatest: index === 0 }, body: Buffer.from(body) };
  }

  headObject(vendor: FakeVendor, bucket: string, key: string, options: VersionOption = {}): ObjectRecord | undefined {
    return this.getObject(vendor, bucket, key, options)?.record;
  }

  /** Without a version id: Off removes the object, Enabled/Suspended write a delete marker. With one: removes it. */
  deleteObject(vendor: FakeVendor, bucket: string, key: string, options: VersionOption & { origin?: ChangeOrigin } = {}): DeleteObjectResult {
    const result = this.deleteWithoutEvent(vendor, bucket, key, options);
    this.events.add(vendor, bucket, {
      type: "DELETE", time: this.now().toISOString(), key, versionId: result.versionId,
      permanent: !(result.deleteMarker && options.versionId === undefined), isDeleteMarker: result.deleteMarker, ...options.origin,
    });
    return result;
  }

  private deleteWithoutEvent(vendor: FakeVendor, bucket: string, key: string, options: VersionOption): DeleteObjectResult {
    const space = this.space(vendor, bucket);
    const versions = space.keys.get(key) ?? [];
    if (options.versionId !== undefined) {
      const index = indexOfVersion(versions, options.versionId);
      const removed = index < 0 ? undefined : versions.splice(index, 1)[0];
      if (versions.length === 0) space.keys.delete(key);
      return { deleteMarker: removed?.record.isDeleteMarker ?? false, versionId: options.versionId };
    }
    if (space.versioning === "Off") {
      space.keys.delete(key);
      return { deleteMarker: false };
    }
    const versionId = this.versionIdForWrite(space);
    const marker: StoredVersion = {
      record: {
        key, size: 0, lastModified: this.now().toISOString(), etag: "", storageClass: "", versionId,
        isDeleteMarker: true, multipart: false, encrypted: false, contentType: "",
      },
      body: Buffer.alloc(0),
    };
    this.addVersion(space, marker);
    return { deleteMarker: true, versionId };
  }

  /** Current objects (latest version not a delete marker), ListObjects v1 (marker) and v2 (startAfter/token). */
  listObjects(vendor: FakeVendor, bucket: string, options: ListObjectsOptions = {}): ListObjectsResult {
    return listCurrentObjects(this.allRecords(vendor, bucket), options);
  }

  /** Every version and delete marker, ListObjectVersions style (key-marker, version-id-marker). */
  listVersions(vendor: FakeVendor, bucket: string, options: ListVersionsOptions = {}): ListVersionsResult {
    return listAllVersions(this.allRecords(vendor, bucket), options);
  }

  /** All versions of all keys in a bucket, by key and newest first: what an inventory run scans. */
  allRecords(vendor: FakeVendor, bucket: string): ObjectRecord[] {
    const keys = this.spaces.get(vendor)?.get(bucket)?.keys ?? new Map<string, StoredVersion[]>();
    return [...keys.keys()].sort(compareKeys).flatMap((key) =>
      (keys.get(key) ?? []).map((v, index) => ({ ...v.record, isLatest: index === 0 })),
    );
  }

  private space(vendor: FakeVendor, bucket: string): BucketSpace {
    const byName = this.spaces.get(vendor) ?? new Map<string, BucketSpace>();
    this.spaces.set(vendor, byName);
    const existing = byName.get(bucket);
    if (existing) return existing;
    const created: BucketSpace = { versioning: "Off", keys: new Map() };
    byName.set(bucket, created);
    return created;
  }

  private versionIdForWrite(space: BucketSpace): string | undefined {
    if (space.versioning === "Enabled") return this.newVersionId();
    return space.versioning === "Suspended" ? "null" : undefined;
  }

  /** Off keeps one version; Suspended drops the "null" version it replaces; Enabled only adds. */
  private addVersion(space: BucketSpace, version: StoredVersion): void {
    const { key, versionId } = version.record;
    const existing = space.keys.get(key) ?? [];
    const replaced = (v: StoredVersion) =>
      space.versioning === "Off" || (versionId === "null" && versionLabel(v.record) === "null");
    const kept = existing.filter((v) => !replaced(v));
    space.keys.set(key, [version, ...kept]);
  }
}

/** Where a version id sits among a key's versions ("null" also names an Off-era version); -1 when absent. */
function indexOfVersion(versions: readonly StoredVersion[], versionId: string): number {
  return versions.findIndex((v) => versionLabel(v.record) === versionId);
}
