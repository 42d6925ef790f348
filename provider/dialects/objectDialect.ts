import type { HttpRequest } from "../http/httpTypes";
import type { BucketRef } from "../model/inventoryConfig";
import type { ResponseMeta } from "./dialect";

/** One listed object, as the S3-family ListBucketResult gives it. */
export interface ListedObject {
  key: string;
  size: number;
  /** Without quotes. */
  etag: string;
  lastModified: string;
}

export interface ObjectPageRequest {
  prefix?: string;
  delimiter?: string;
  /** From the previous page's `nextToken` (a v2 continuation token or a v1 marker, as the dialect pages). */
  token?: string;
  maxKeys?: number;
}

export interface ObjectPage {
  objects: ListedObject[];
  commonPrefixes: string[];
  /** Set only when the service says more pages follow. */
  nextToken?: string;
  /** The service's Date header on this page (its clock), when it sent one. */
  serverDate?: string;
}

/**
 * How one vendor lists and reads objects (a report's destination bucket): pure builders and a parser, run by the
 * client through the same sign → send → error-table path as the inventory operations.
 */
export interface ObjectDialect {
  buildListObjects(ref: BucketRef, page: ObjectPageRequest): HttpRequest;
  deserializeObjectPage(body: string, meta?: ResponseMeta): ObjectPage;
  /** `range`: "bytes=<from>-", to resume a download. */
  buildGetObject(ref: BucketRef, key: string, options?: { range?: string }): HttpRequest;
}
