import { hash } from "node:crypto";
import { FakeError } from "../errors";
import type { FakeRequest } from "../fakeRequest";
import type { Vendor } from "../seed";

/**
 * Content-MD5 as each service checks it (sources in tests/fake/README.md, "Content-MD5"). The signature covers the
 * header, not the body, in every scheme but SigV4: without this check a body swapped under a valid signature would
 * be stored. A value that is not the base64 of 16 bytes is malformed; one that is, but not the body's, is a
 * mismatch; COS requires the header on a PUT with a body (PutInventory), the others take a request without it.
 */
interface Md5Rules {
  mismatch: () => FakeError;
  malformed: () => FakeError;
  /** The error for a request that must carry the header and does not; undefined where it is optional. */
  missing?: () => FakeError;
}

const S3_FAMILY_MALFORMED = () => new FakeError(400, "InvalidDigest", "The Content-MD5 you specified is not valid.");

const RULES: Record<Vendor, Md5Rules> = {
  oss: {
    mismatch: () => new FakeError(400, "InvalidDigest", "The Content-MD5 you specified was invalid."),
    malformed: () => new FakeError(400, "InvalidDigest", "The Content-MD5 you specified was invalid."),
  },
  cos: {
    mismatch: () =>
      new FakeError(400, "BadDigest", "The provided Content-MD5 value does not match the MD5 hash of the request body received by the server."),
    malformed: S3_FAMILY_MALFORMED,
    missing: () => new FakeError(400, "InvalidRequest", "Missing required header for this request: Content-MD5"),
  },
  obs: {
    mismatch: () => new FakeError(400, "BadDigest", "The specified value of Content-MD5 does not match the value received by OBS."),
    malformed: S3_FAMILY_MALFORMED,
  },
  s3: {
    mismatch: () => new FakeError(400, "BadDigest", "The Content-MD5 you specified did not match what we received."),
    malformed: S3_FAMILY_MALFORMED,
  },
};

const BASE64_MD5 = /^[A-Za-z0-9+/]{22}==$/;

/** Throws the vendor's error when the request's Content-MD5 is malformed, not the body's, or required and absent. */
export function checkContentMd5(req: FakeRequest, vendor: Vendor, options: { required: boolean }): void {
  const rules = RULES[vendor];
  const declared = req.headers["content-md5"];
  if (declared === undefined) {
    if (options.required && rules.missing) throw rules.missing();
    return;
  }
  if (!BASE64_MD5.test(declared.trim())) throw rules.malformed();
  if (hash("md5", req.body, "base64") !== declared.trim()) throw rules.mismatch();
}
