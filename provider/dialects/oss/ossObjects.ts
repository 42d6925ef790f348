import type { ObjectDialect } from "../objectDialect";
import { deserializeObjectListing } from "../objectListing";
import { getObjectRequest, listObjectsV2Request } from "../objectRequests";
import { ossAddress } from "./ossDialect";

/** OSS: ListObjectsV2 (GetBucketV2) with continuation tokens. */
export const ossObjects: ObjectDialect = {
  buildListObjects: (ref, page) => listObjectsV2Request(ossAddress(ref), page),
  deserializeObjectPage: deserializeObjectListing,
  buildGetObject: (ref, key, options = {}) => getObjectRequest(ossAddress(ref), key, options.range),
};
