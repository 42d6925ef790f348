import type { Vendor } from "./seed";

/** One request the fake served. Never a header: no Authorization, no signature, no token reaches the log. */
export interface LoggedRequest {
  time: string;
  requestId: string;
  method: string;
  vendor?: Vendor;
  /** The seed account the request's key named, when it did. */
  accountId?: string;
  operation?: string;
  bucket?: string;
  key?: string;
  /** The path as sent. */
  path: string;
  /** The query string as sent, with any presigned signature value masked. */
  query: string;
  status: number;
  errorCode?: string;
  /** The id of the fault that hit it. */
  fault?: string;
}

const MAX_ENTRIES = 10_000;
const SIGNATURE_PARAMS =
  /((?:^|&)(?:X-Amz-Signature|Signature|q-signature|x-oss-signature|AccessKeyId|x-oss-credential|X-Amz-Credential|X-Amz-Security-Token|security-token)=)[^&]*/gi;

/** The requests seen since start (or the last clear), oldest first, bounded so a long run cannot grow forever. */
export class RequestLog {
  private entries: LoggedRequest[] = [];

  add(entry: LoggedRequest): void {
    this.entries.push({ ...entry, query: maskSignatures(entry.query) });
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
  }

  list(): LoggedRequest[] {
    return this.entries.map((e) => ({ ...e }));
  }

  clear(): void {
    this.entries = [];
  }
}

function maskSignatures(query: string): string {
  return query.replace(SIGNATURE_PARAMS, "$1***");
}
