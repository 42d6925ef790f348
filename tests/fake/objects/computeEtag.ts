import { createHash } from "node:crypto";
import type { FakeVendor } from "./objectRecord";

/**
 * The quoted ETag a vendor gives an object: the MD5 of the body in hex. OSS prints hex upper-case, the others
 * lower-case. A multipart object gets the S3-family form (MD5 of the part MD5s, "-" part count); the fake stores a
 * multipart object as one part, so that is MD5(MD5(body)) + "-1".
 */
export function computeEtag(vendor: FakeVendor, body: Buffer, multipart = false): string {
  const md5 = createHash("md5").update(body).digest();
  const hex = multipart ? `${createHash("md5").update(md5).digest("hex")}-1` : md5.toString("hex");
  return `"${vendor === "oss" ? hex.toUpperCase() : hex}"`;
}
