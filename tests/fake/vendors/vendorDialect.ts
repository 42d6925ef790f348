import type { Scheme } from "../auth/authorizationHeader";
import type { FakeError } from "../errors";
import type { FakeRequest } from "../fakeRequest";
import type { FakeResponse } from "../fakeResponse";
import type { BucketAddress } from "../router";
import type { SeedAccount, SeedBucket, Vendor } from "../seed";
import type { FakeStore } from "../store";
import type { XmlElement } from "../xml/xmlElement";
import type { InventoryRules } from "./inventoryRules";
import type { Operation } from "./operations";

/** Everything a handler may use about an authenticated request. */
export interface RequestContext {
  req: FakeRequest;
  vendor: Vendor;
  account: SeedAccount;
  scheme: Scheme;
  address: BucketAddress;
  store: FakeStore;
  now: Date;
  newUuid: () => string;
}

/** A request on an existing bucket the caller owns. */
export interface BucketContext extends RequestContext {
  bucket: SeedBucket;
}

export interface ErrorTarget {
  req: FakeRequest;
  address?: BucketAddress;
  scheme?: Scheme;
}

/** One vendor's voice: its error documents and headers, its inventory rules, its bucket look-ups. */
export interface VendorDialect {
  vendor: Vendor;
  /** The InvalidAccessKeyId message in the vendor's words. */
  invalidAccessKeyIdMessage: string;
  /** The error for an Authorization header that follows no scheme. */
  malformedAuthorization(reason: string): FakeError;
  /** Request-id and server headers every response carries. */
  responseHeaders(requestId: string, scheme?: Scheme): Record<string, string>;
  /** Extra headers of error responses (OSS x-oss-ec, COS x-cos-trace-id). */
  errorHeaders?(error: FakeError): Record<string, string>;
  /** The vendor's `<Error>` document. */
  errorDocument(error: FakeError, requestId: string, target: ErrorTarget): XmlElement;
  /** xmlns of response documents (S3, OBS), if any. */
  namespace(scheme: Scheme): string | undefined;
  /** Object metadata headers: x-oss-, x-cos-, x-obs- (x-amz- when OBS is spoken to in AWS style), x-amz-. */
  headerPrefix(scheme: Scheme): string;
  inventory: InventoryRules;
  /** Bucket look-ups (location, ACL, info, HEAD); undefined when the vendor has no such operation. */
  lookupBucket(operation: Operation, ctx: BucketContext): FakeResponse | undefined;
}
