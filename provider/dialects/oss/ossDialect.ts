import type { BucketRef, InventoryConfig } from "../../model/inventoryConfig";
import { bucketAddress, bucketRequest, type BucketAddress } from "../bucketAddress";
import { contentMd5 } from "../contentMd5";
import type { BucketLookupStep, Dialect } from "../dialect";
import { responseMeta } from "../responseMeta";
import { deserializeVersioning } from "../versioningDocument";
import { deserializeOssBucketInfo, deserializeOssInventory, deserializeOssInventoryPage } from "./ossDeserialize";
import { deserializeOssError, OSS_REQUEST_ID_HEADER } from "./ossErrors";
import { serializeOssInventory } from "./ossSerialize";

/** Region as OSS scopes and endpoints want it: "cn-hangzhou" (an "oss-" prefix is tolerated and dropped). */
export function ossRegion(region: string): string {
  return region.replace(/^oss-/, "");
}

/** `<bucket>.oss-<region>.aliyuncs.com`, or the endpoint override path-style. */
export function ossAddress(ref: BucketRef): BucketAddress {
  return bucketAddress(ref, (bucket, region) => `${bucket}.oss-${ossRegion(region)}.aliyuncs.com`);
}

const inventoryQuery = (id: string): [string, string][] => [
  ["inventory", ""],
  ["inventoryId", id],
];

/** GetBucketInfo (`GET /?bucketInfo`): region and owner in one request. */
const bucketInfoStep: BucketLookupStep = {
  name: "GetBucketInfo",
  build: (ref) => bucketRequest(ossAddress(ref), "GET", [["bucketInfo", ""]]),
  read: (response) => deserializeOssBucketInfo(response.body, responseMeta(response, OSS_REQUEST_ID_HEADER)),
};

/** Alibaba Cloud OSS: `inventoryId` query key, PUT refuses an existing id (409 InventoryAlreadyExist). */
export const ossDialect: Dialect = {
  vendor: "oss",
  requestIdHeader: OSS_REQUEST_ID_HEADER,
  credentialEnv: {
    accessKeyId: "ALIBABA_CLOUD_ACCESS_KEY_ID",
    secretAccessKey: "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
    securityToken: "ALIBABA_CLOUD_SECURITY_TOKEN",
  },
  signingRegion: (ref) => ossRegion(ref.region),

  buildPutInventory(ref: BucketRef, config: InventoryConfig) {
    const body = serializeOssInventory(config);
    const headers = { "content-type": "application/xml", "content-md5": contentMd5(body) };
    return bucketRequest(ossAddress(ref), "PUT", inventoryQuery(config.id), { headers, body });
  },
  buildGetInventory: (ref, id) => bucketRequest(ossAddress(ref), "GET", inventoryQuery(id)),
  buildListInventories: (ref, token) =>
    bucketRequest(ossAddress(ref), "GET", token === undefined ? [["inventory", ""]] : [["inventory", ""], ["continuation-token", token]]),
  buildDeleteInventory: (ref, id) => bucketRequest(ossAddress(ref), "DELETE", inventoryQuery(id)),
  describeBucketSteps: [bucketInfoStep],
  buildGetVersioning: (ref) => bucketRequest(ossAddress(ref), "GET", [["versioning", ""]]),
  deserializeVersioning,

  serializeInventory: (config) => serializeOssInventory(config),
  deserializeInventory: deserializeOssInventory,
  deserializeInventoryPage: deserializeOssInventoryPage,
  deserializeError: deserializeOssError,
};
