import { randomBytes } from "node:crypto";

/**
 * Random bytes for ids (request ids, x-amz-id-2, trace ids, version ids), served from a pool refilled 8 KiB at a
 * time: one call into OpenSSL per few hundred requests instead of several per request (each call also asks the OS
 * for the process id, OpenSSL's fork check). Ids are unique, not secret; nothing here signs or authenticates.
 */
const POOL_BYTES = 8192;
let pool = Buffer.alloc(0);
let used = 0;

export function idBytes(count: number): Buffer {
  if (used + count > pool.length) {
    pool = randomBytes(Math.max(POOL_BYTES, count));
    used = 0;
  }
  const bytes = pool.subarray(used, used + count);
  used += count;
  return bytes;
}

/** `count` random bytes as upper-case hex (request ids). */
export function randomHexId(count: number): string {
  return idBytes(count).toString("hex").toUpperCase();
}

/** `count` random bytes as base64 (x-amz-id-2, trace ids). */
export function randomBase64Id(count: number): string {
  return idBytes(count).toString("base64");
}
