import { createHash } from "node:crypto";

/** Hex MD5 of a file's bytes; OSS writes it upper-case, the others lower-case. */
export function md5Hex(body: Buffer | string, upperCase = false): string {
  const hex = createHash("md5").update(body).digest("hex");
  return upperCase ? hex.toUpperCase() : hex;
}
