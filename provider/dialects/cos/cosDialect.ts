import { ProtocolError } from "../../errors";
import type { BucketRef, InventoryConfig } from "../../model/inventoryConfig";
import { bucketAddress, bucketRequest, type BucketAddress } from "../bucketAddress";
import { contentMd5 } from "../contentMd5";
import type { BucketLookupStep, Dialect } from "../dialect";
import { responseMeta } from "../responseMeta";
import { deserializeVersioning } from "../versioningDocument";
import { deserializeCosBucketOwner, deserializeCosInventory, deserializeCosInventoryPage } from "./cosDeserialize";
import { COS_REQUEST_ID_HEADER, deserializeCosError } from "./cosErrors";
import { serializeCosInventory } from "./cosSerialize";

/** `<bucket>-<appid>.cos.<region>.myqcloud.com` (the bucket name carries its appid), or the override path-style. */
export function cosAddress(ref: BucketRef): BucketAddress {
  return bucketAddress(ref, (bucket, region) => `${bucket}.cos.${region}.myqcloud.com`);
}

const inventoryQuery = (id: string): [string, string][] => [
  ["inventory", ""],
  ["id", id],
];

/**
 * HEAD Bucket: the region is in x-cos-bucket-region, which COS always sends; a 2xx without it is a garbled answer
 * (a proxy's error page, say) and is retried like any unreadable 2xx.
 */
const headBucketStep: BucketLookupStep = {
  name: "HeadBucket",
  build: (ref) => bucketRequest(cosAddress(ref), "HEAD", []),
  read: (response) => {
    const region = response.headers["x-cos-bucket-region"];
    if (region) return { region };
    const { status, requestId } = responseMeta(response, COS_REQUEST_ID_HEADER);
    throw new ProtocolError("HEAD bucket answered without x-cos-bucket-region", status, requestId, { retryable: true });
  },
};

/** GET Bucket acl: the owner's uin. */
const bucketAclStep: BucketLookupStep = {
  name: "GetBucketAcl",
  build: (ref) => bucketRequest(cosAddress(ref), "GET", [["acl", ""]]),
  read: (response) => {
    const ownerId = deserializeCosBucketOwner(response.body, responseMeta(response, COS_REQUEST_ID_HEADER));
    return ownerId ? { ownerId } : {};
  },
};

/** Tencent Cloud COS: `id` query key, destination `qcs::cos:<region>::<bucket>-<appid>`. */
export const cosDialect: Dialect = {
  vendor: "cos",
  requestIdHeader: COS_REQUEST_ID_HEADER,
  credentialEnv: {
    accessKeyId: "TENCENTCLOUD_SECRET_ID",
    secretAccessKey: "TENCENTCLOUD_SECRET_KEY",
    securityToken: "TENCENTCLOUD_SESSION_TOKEN",
  },
  signingRegion: (ref) => ref.region,

  buildPutInventory(ref: BucketRef, config: InventoryConfig) {
    const body = serializeCosInventory(config, ref);
    const headers = { "content-type": "application/xml", "content-md5": contentMd5(body) };
    return bucketRequest(cosAddress(ref), "PUT", inventoryQuery(config.id), { headers, body });
  },
  buildGetInventory: (ref, id) => bucketRequest(cosAddress(ref), "GET", inventoryQuery(id)),
  buildListInventories: (ref, token) =>
    bucketRequest(cosAddress(ref), "GET", token === undefined ? [["inventory", ""]] : [["inventory", ""], ["continuation-token", token]]),
  buildDeleteInventory: (ref, id) => bucketRequest(cosAddress(ref), "DELETE", inventoryQuery(id)),
  describeBucketSteps: [headBucketStep, bucketAclStep],
  buildGetVersioning: (ref) => bucketRequest(cosAddress(ref), "GET", [["versioning", ""]]),
  deserializeVersioning,

  serializeInventory: serializeCosInventory,
  deserializeInventory: deserializeCosInventory,
  deserializeInventoryPage: deserializeCosInventoryPage,
  deserializeError: deserializeCosError,
};
