import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export function hmac(algorithm: "sha1" | "sha256", key: string | Buffer, data: string): Buffer {
  return createHmac(algorithm, key).update(data, "utf8").digest();
}

export function hashHex(algorithm: "sha1" | "sha256", data: string | Buffer): string {
  return createHash(algorithm).update(data).digest("hex");
}

/** Constant-time comparison of two signature strings. */
export function sameSignature(expected: string, provided: string): boolean {
  const a = Buffer.from(expected, "utf8");
  const b = Buffer.from(provided, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}
