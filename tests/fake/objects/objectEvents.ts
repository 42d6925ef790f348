/** Who made a change, as OSS's incremental inventory reports it (seed 004: Requester, RequestId, SourceIp). */
export interface ChangeOrigin {
  requester?: string;
  requestId?: string;
  sourceIp?: string;
}

/**
 * One change to a bucket's objects, kept for OSS incremental inventory (seed 004): CREATE for every write, DELETE
 * for a delete marker or a permanent delete. Object attributes are those of the version written (empty for deletes).
 */
export interface ObjectEvent extends ChangeOrigin {
  /** Increases by one per event in the store. */
  sequence: number;
  type: "CREATE" | "UPDATE_METADATA" | "DELETE";
  /** ISO 8601 with milliseconds. */
  time: string;
  key: string;
  versionId?: string;
  /** A delete that removed a version for good (only the core columns are kept then). */
  permanent?: boolean;
  isDeleteMarker?: boolean;
  size?: number;
  storageClass?: string;
  lastModified?: string;
  etag?: string;
  multipart?: boolean;
  encrypted?: boolean;
}

/** Events per "vendor:bucket", in order; bounded so a long-lived fake does not grow without end. */
export class ObjectEventLog {
  static readonly MAX_PER_BUCKET = 100_000;
  private readonly byBucket = new Map<string, ObjectEvent[]>();
  private sequence = 0;

  add(vendor: string, bucket: string, event: Omit<ObjectEvent, "sequence">): void {
    const key = `${vendor}:${bucket}`;
    const list = this.byBucket.get(key) ?? [];
    list.push({ ...event, sequence: ++this.sequence });
    if (list.length > ObjectEventLog.MAX_PER_BUCKET) list.splice(0, list.length - ObjectEventLog.MAX_PER_BUCKET);
    this.byBucket.set(key, list);
  }

  /** Events with time in (afterMs, untilMs], oldest first. */
  between(vendor: string, bucket: string, afterMs: number, untilMs: number): ObjectEvent[] {
    return (this.byBucket.get(`${vendor}:${bucket}`) ?? []).filter((e) => {
      const t = Date.parse(e.time);
      return t > afterMs && t <= untilMs;
    });
  }

  clear(): void {
    this.byBucket.clear();
  }
}
