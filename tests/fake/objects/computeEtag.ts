import { createHash } from "node:crypto";
import type { FakeVendor } from "./objectRecord";

/**
 * The quoted ETag a vendor gives an object. A simple upload's is the MD5 of the body in hex (OSS upper-case, the
 * others lower-case). A multipart object's is not the MD5 of its content:
 * - OSS (seed 003): "the UUID of the object content": here the MD5-based name UUID (version 3 layout) of the body,
 *   upper-case, so the same content always gets the same ETag and it never equals the content's MD5;
 * - the others: the S3-family form, MD5 of the part MD5s and "-" part count; the fake stores a multipart object as
 *   one part, so MD5(MD5(body)) + "-1".
 */
export function computeEtag(vendor: FakeVendor, body: Buffer, multipart = false): string {
  const md5 = createHash("md5").update(body).digest();
  if (multipart && vendor === "oss") return `"${contentUuid(md5).toUpperCase()}"`;
  const hex = multipart ? `${createHash("md5").update(md5).digest("hex")}-1` : md5.toString("hex");
  return `"${vendor === "oss" ? hex.toUpperCase() : hex}"`;
}

/** RFC 4122 section 4.3 layout over an MD5: version nibble 3, variant bits 10. */
function contentUuid(md5: Buffer): string {
  const bytes = Buffer.from(md5);
  bytes[6] = (bytes[6] & 0x0f) | 0x30;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
