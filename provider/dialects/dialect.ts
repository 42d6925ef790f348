import type { ServiceError } from "../errors";
import type { HttpRequest, HttpResponse } from "../http/httpTypes";
import type { BucketInfo, BucketRef, InventoryConfig, Vendor, VersioningStatus } from "../model/inventoryConfig";

/** Vendor-neutral operation names, used for error mapping, messages and golden snapshots. */
export type OperationName =
  | "putInventory" | "getInventory" | "listInventories" | "deleteInventory" | "describeBucket" | "getVersioning"
  | "listObjects" | "getObject";

/** Status and request id of the response a document came from, so parse failures can say which one. */
export interface ResponseMeta {
  status?: number;
  requestId?: string;
}

/** One page of a list: `nextToken` is set only when the service says more pages follow. */
export interface InventoryPage {
  configurations: InventoryConfig[];
  nextToken?: string;
}

export interface DescribeBucketOptions {
  /** S3 only: sent as x-amz-expected-bucket-owner. */
  expectedOwner?: string;
}

/** One request of a bucket look-up; a look-up is a short list of these whose findings are merged. */
export interface BucketLookupStep {
  readonly name: string;
  /** False when earlier steps already learned what this one would (S3 GetBucketLocation after a HEAD). */
  needed?(found: Partial<BucketInfo>): boolean;
  build(ref: BucketRef, options: DescribeBucketOptions): HttpRequest;
  /** A non-2xx response that still answers the question (S3 HEAD 301 names the bucket's region). */
  answers?(response: HttpResponse): boolean;
  read(response: HttpResponse, options: DescribeBucketOptions): Partial<BucketInfo>;
}

/** Names of the environment variables a vendor's credentials conventionally come from (for messages). */
export interface CredentialEnv {
  accessKeyId: string;
  secretAccessKey: string;
  securityToken: string;
}

/**
 * Everything that differs between vendors, as pure functions: request builders, the serialize/deserialize pair,
 * the error table and the bucket look-up plan. The client runs them; none of them does I/O.
 */
export interface Dialect {
  readonly vendor: Vendor;
  /** Lower-case response header carrying the request id. */
  readonly requestIdHeader: string;
  readonly credentialEnv: CredentialEnv;
  /** Region as the signer's scope wants it (OSS without "oss-"). */
  signingRegion(ref: BucketRef): string;

  buildPutInventory(ref: BucketRef, config: InventoryConfig): HttpRequest;
  buildGetInventory(ref: BucketRef, id: string): HttpRequest;
  /** One page; `continuationToken` from the previous page's `nextToken`. */
  buildListInventories(ref: BucketRef, continuationToken?: string): HttpRequest;
  buildDeleteInventory(ref: BucketRef, id: string): HttpRequest;
  readonly describeBucketSteps: readonly BucketLookupStep[];
  /** GetBucketVersioning (`GET /?versioning`): the same request and document on all four vendors. */
  buildGetVersioning(ref: BucketRef): HttpRequest;
  deserializeVersioning(body: string, meta?: ResponseMeta): VersioningStatus;

  serializeInventory(config: InventoryConfig, ref: BucketRef): string;
  deserializeInventory(body: string, meta?: ResponseMeta): InventoryConfig;
  deserializeInventoryPage(body: string, meta?: ResponseMeta): InventoryPage;
  /** Any non-2xx response to the error class its code (or, without a document, its status) means. */
  deserializeError(response: HttpResponse, operation: OperationName): ServiceError;
}
