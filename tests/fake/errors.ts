/**
 * One error type for everything the fake answers with an error document. The code, status and message are the
 * vendor's; each vendor dialect renders it in its own shape (OSS adds EC, COS a TraceId...). Messages name the
 * field, the value and the rule, and never carry a credential or a signature.
 */
export class FakeError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra elements of the error document, e.g. { ArgumentName: "id" } or OSS { EC: "0020-00000042" }. */
    readonly details: Record<string, string> = {},
    /** Extra response headers, e.g. S3's x-amz-bucket-region on a wrong-region answer (HEAD has no body). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "FakeError";
  }
}

export function malformedXml(reason: string): FakeError {
  return new FakeError(
    400,
    "MalformedXML",
    `The XML you provided was not well-formed or did not validate against our published schema: ${reason}`,
  );
}

export function invalidArgument(message: string, name?: string, value?: string): FakeError {
  const details: Record<string, string> = {};
  if (name !== undefined) details.ArgumentName = name;
  if (value !== undefined) details.ArgumentValue = value;
  return new FakeError(400, "InvalidArgument", message, details);
}

export function accessDenied(message: string): FakeError {
  return new FakeError(403, "AccessDenied", message);
}

export function noSuchBucket(bucket: string): FakeError {
  return new FakeError(404, "NoSuchBucket", "The specified bucket does not exist.", { BucketName: bucket });
}

export function noSuchKey(key: string): FakeError {
  return new FakeError(404, "NoSuchKey", "The specified key does not exist.", { Key: key });
}

/**
 * S3: a SigV4 request whose credential scope names another region than the bucket's. Only GetBucketLocation is
 * served from any region (that is how clients find a bucket's region); SDKs read the header or `<Region>`.
 */
export function wrongSigningRegion(signed: string, actual: string): FakeError {
  return new FakeError(
    400,
    "AuthorizationHeaderMalformed",
    `The authorization header is malformed; the region '${signed}' is wrong; expecting '${actual}'`,
    { Region: actual },
    { "x-amz-bucket-region": actual },
  );
}

export function notImplemented(what: string): FakeError {
  return new FakeError(501, "NotImplemented", `The fake cloud does not implement ${what}.`);
}

export function entityTooLarge(limit: number): FakeError {
  return new FakeError(400, "EntityTooLarge", `Your proposed upload exceeds the maximum allowed size of ${limit} bytes.`);
}

/** A configuration document over the fake's document limit (S3's documented code for a request body too big). */
export function messageTooLong(size: number, limit: number): FakeError {
  return new FakeError(400, "MaxMessageLengthExceeded", `Your request was too big: ${size} bytes, over the ${limit} bytes a configuration document may have.`);
}

export function internalError(): FakeError {
  return new FakeError(500, "InternalError", "We encountered an internal error. Please try again.");
}
