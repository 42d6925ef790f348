import type { ObjectDialect } from "../objectDialect";
import { deserializeObjectListing } from "../objectListing";
import { getObjectRequest, listObjectsV2Request } from "../objectRequests";
import { s3Address } from "./s3Dialect";

/** S3: ListObjectsV2 with continuation tokens. */
export const s3Objects: ObjectDialect = {
  buildListObjects: (ref, page) => listObjectsV2Request(s3Address(ref), page),
  deserializeObjectPage: deserializeObjectListing,
  buildGetObject: (ref, key, options = {}) => getObjectRequest(s3Address(ref), key, options.range),
};
