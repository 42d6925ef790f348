import type { BucketRef, InventoryConfig } from "../../model/inventoryConfig";
import { bucketAddress, bucketRequest, type BucketAddress } from "../bucketAddress";
import type { BucketLookupStep, DescribeBucketOptions, Dialect } from "../dialect";
import { responseMeta } from "../responseMeta";
import { deserializeVersioning } from "../versioningDocument";
import { deserializeS3Inventory, deserializeS3InventoryPage, deserializeS3Location } from "./s3Deserialize";
import { deserializeS3Error, S3_REQUEST_ID_HEADER } from "./s3Errors";
import { serializeS3Inventory } from "./s3Serialize";

/** `<bucket>.s3.<region>.amazonaws.com`, or the override path-style. */
export function s3Address(ref: BucketRef): BucketAddress {
  return bucketAddress(ref, (bucket, region) => `${bucket}.s3.${region}.amazonaws.com`);
}

const inventoryQuery = (id: string): [string, string][] => [
  ["inventory", ""],
  ["id", id],
];

const ownerHeader = (options: DescribeBucketOptions): Record<string, string> =>
  options.expectedOwner ? { "x-amz-expected-bucket-owner": options.expectedOwner } : {};

/**
 * HeadBucket: x-amz-bucket-region names the region, also on the 301 S3 sends when the bucket lives elsewhere.
 * A 200 with an expected owner confirms that owner (a different owner gets a 403).
 */
const headBucketStep: BucketLookupStep = {
  name: "HeadBucket",
  build: (ref, options) => bucketRequest(s3Address(ref), "HEAD", [], { headers: ownerHeader(options) }),
  answers: (response) => (response.status === 301 || response.status === 400) && Boolean(response.headers["x-amz-bucket-region"]),
  read: (response, options) => {
    const region = response.headers["x-amz-bucket-region"];
    const confirmed = response.status === 200 && options.expectedOwner ? { ownerId: options.expectedOwner } : {};
    return region ? { region, ...confirmed } : confirmed;
  },
};

/** GetBucketLocation, only when HEAD did not name the region (S3-compatible servers often do not). */
const locationStep: BucketLookupStep = {
  name: "GetBucketLocation",
  needed: (found) => found.region === undefined,
  build: (ref, options) => bucketRequest(s3Address(ref), "GET", [["location", ""]], { headers: ownerHeader(options) }),
  read: (response) => ({ region: deserializeS3Location(response.body, responseMeta(response, S3_REQUEST_ID_HEADER)) }),
};

/** AWS S3: `id` query key, namespaced documents, destination `arn:aws:s3:::<bucket>`; a PUT overwrites. */
export const s3Dialect: Dialect = {
  vendor: "s3",
  requestIdHeader: S3_REQUEST_ID_HEADER,
  credentialEnv: { accessKeyId: "AWS_ACCESS_KEY_ID", secretAccessKey: "AWS_SECRET_ACCESS_KEY", securityToken: "AWS_SESSION_TOKEN" },
  signingRegion: (ref) => ref.region,

  /** Content-Type but no Content-MD5 (the operation has no checksum trait); the signer adds the body hash. */
  buildPutInventory(ref: BucketRef, config: InventoryConfig) {
    const body = serializeS3Inventory(config);
    return bucketRequest(s3Address(ref), "PUT", inventoryQuery(config.id), { headers: { "content-type": "application/xml" }, body });
  },
  buildGetInventory: (ref, id) => bucketRequest(s3Address(ref), "GET", inventoryQuery(id)),
  buildListInventories: (ref, token) =>
    bucketRequest(s3Address(ref), "GET", token === undefined ? [["inventory", ""]] : [["inventory", ""], ["continuation-token", token]]),
  buildDeleteInventory: (ref, id) => bucketRequest(s3Address(ref), "DELETE", inventoryQuery(id)),
  describeBucketSteps: [headBucketStep, locationStep],
  buildGetVersioning: (ref) => bucketRequest(s3Address(ref), "GET", [["versioning", ""]]),
  deserializeVersioning,

  serializeInventory: (config) => serializeS3Inventory(config),
  deserializeInventory: deserializeS3Inventory,
  deserializeInventoryPage: deserializeS3InventoryPage,
  deserializeError: deserializeS3Error,
};
