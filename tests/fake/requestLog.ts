import { redactHeaders, redactQuery } from "./redactCredentials";
import type { Vendor } from "./seed";

/**
 * One request the fake served. Credential-bearing values never leave the log: signatures, security tokens and key
 * ids are masked in the query and the headers (tests/fake/redactCredentials.ts) of every entry it hands out; the
 * rest is kept as sent.
 */
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
  /** The query string as sent, credential-bearing values masked. */
  query: string;
  /** Lower-case names; the Authorization header keeps its scheme and field names, tokens and signatures are masked. */
  headers: Record<string, string>;
  status: number;
  errorCode?: string;
  /** The id of the fault that hit it. */
  fault?: string;
}

/** At most this many entries, and at most this many characters in all: the oldest go first. */
const MAX_ENTRIES = 10_000;
const MAX_CHARACTERS = 16 * 1024 * 1024;

/**
 * The requests seen since start (or the last clear), oldest first, bounded so a long run cannot grow forever.
 * Entries are masked on the way out, in `list()`, the only way to read them: most are never read, and masking each
 * one as it came in cost every request of a load test.
 */
export class RequestLog {
  private entries: { entry: LoggedRequest; size: number }[] = [];
  /** Index of the oldest kept entry: dropping from the front is a move of this index, not of the array. */
  private first = 0;
  private characters = 0;

  /** Keeps `entry` as it is (the caller hands over objects it no longer changes). */
  add(entry: LoggedRequest): void {
    const size = sizeOf(entry);
    this.entries.push({ entry, size });
    this.characters += size;
    while (this.entries.length - this.first > MAX_ENTRIES || (this.characters > MAX_CHARACTERS && this.entries.length - this.first > 1)) {
      this.characters -= this.entries[this.first].size;
      this.first += 1;
    }
    if (this.first > MAX_ENTRIES) this.compact();
  }

  list(): LoggedRequest[] {
    return this.entries.slice(this.first).map(({ entry }) => ({ ...entry, query: redactQuery(entry.query), headers: redactHeaders(entry.headers) }));
  }

  get size(): number {
    return this.entries.length - this.first;
  }

  clear(): void {
    this.entries = [];
    this.first = 0;
    this.characters = 0;
  }

  private compact(): void {
    this.entries = this.entries.slice(this.first);
    this.first = 0;
  }
}

function sizeOf(entry: LoggedRequest): number {
  let size = entry.path.length + entry.query.length + (entry.key?.length ?? 0) + 200;
  for (const name in entry.headers) size += name.length + entry.headers[name].length;
  return size;
}
