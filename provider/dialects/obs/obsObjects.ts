import type { ObjectDialect } from "../objectDialect";
import { deserializeObjectListing } from "../objectListing";
import { getObjectRequest, listObjectsV1Request } from "../objectRequests";
import { obsAddress } from "./obsDialect";

/** OBS: ListObjects (v1) with markers. */
export const obsObjects: ObjectDialect = {
  buildListObjects: (ref, page) => listObjectsV1Request(obsAddress(ref), page),
  deserializeObjectPage: deserializeObjectListing,
  buildGetObject: (ref, key, options = {}) => getObjectRequest(obsAddress(ref), key, options.range),
};
