import type { ObjectDialect } from "../objectDialect";
import { deserializeObjectListing } from "../objectListing";
import { getObjectRequest, listObjectsV1Request } from "../objectRequests";
import { cosAddress } from "./cosDialect";

/** COS: GET Bucket (ListObjects v1) with markers. */
export const cosObjects: ObjectDialect = {
  buildListObjects: (ref, page) => listObjectsV1Request(cosAddress(ref), page),
  deserializeObjectPage: deserializeObjectListing,
  buildGetObject: (ref, key, options = {}) => getObjectRequest(cosAddress(ref), key, options.range),
};
