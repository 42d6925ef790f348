import { createHash } from "node:crypto";

/** Content-MD5 as OSS, COS and OBS expect it on a PUT: base64 of the body's MD5 digest. */
export function contentMd5(body: string): string {
  return createHash("md5").update(body, "utf8").digest("base64");
}
