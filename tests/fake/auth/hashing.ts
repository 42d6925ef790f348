import { createHmac, hash, timingSafeEqual } from "node:crypto";

export function hmac(algorithm: "sha1" | "sha256", key: string | Buffer, data: string): Buffer {
  return createHmac(algorithm, key).update(data, "utf8").digest();
}

/** One-shot (crypto.hash): no Hash object per call, on the path of every signed request. */
export function hashHex(algorithm: "sha1" | "sha256", data: string | Buffer): string {
  return hash(algorithm, data, "hex");
}

/** Constant-time comparison of two signature strings. */
export function sameSignature(expected: string, provided: string): boolean {
  const a = Buffer.from(expected, "utf8");
  const b = Buffer.from(provided, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Derived V4 signing keys by secret and scope: the same few for every request of a day (bounded all the same). */
const signingKeys = new Map<string, Buffer>();
const MAX_SIGNING_KEYS = 256;

/**
 * The V4 key chain (SigV4, OSS V4): HMAC-SHA256 of the first scope part under `secret`, then of each next part
 * under the key before. Worked out once per secret and scope, as the services themselves do.
 */
export function derivedSigningKey(secret: string, scopeParts: readonly string[]): Buffer {
  const id = `${scopeParts.join("/")}\n${secret}`;
  let key = signingKeys.get(id);
  if (key === undefined) {
    key = hmac("sha256", secret, scopeParts[0]);
    for (let i = 1; i < scopeParts.length; i++) key = hmac("sha256", key, scopeParts[i]);
    if (signingKeys.size >= MAX_SIGNING_KEYS) signingKeys.clear();
    signingKeys.set(id, key);
  }
  return key;
}
