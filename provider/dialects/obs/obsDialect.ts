import type { BucketRef, InventoryConfig } from "../../model/inventoryConfig";
import { bucketAddress, bucketRequest, type BucketAddress } from "../bucketAddress";
import { contentMd5 } from "../contentMd5";
import type { BucketLookupStep, Dialect } from "../dialect";
import { responseMeta } from "../responseMeta";
import { deserializeVersioning } from "../versioningDocument";
import {
  deserializeObsBucketOwner,
  deserializeObsInventory,
  deserializeObsInventoryPage,
  deserializeObsLocation,
} from "./obsDeserialize";
import { deserializeObsError, OBS_REQUEST_ID_HEADER } from "./obsErrors";
import { serializeObsInventory } from "./obsSerialize";

/** `<bucket>.obs.<region>.myhuaweicloud.com`, or the override path-style. */
export function obsAddress(ref: BucketRef): BucketAddress {
  return bucketAddress(ref, (bucket, region) => `${bucket}.obs.${region}.myhuaweicloud.com`);
}

const inventoryQuery = (id: string): [string, string][] => [
  ["inventory", ""],
  ["id", id],
];

const locationStep: BucketLookupStep = {
  name: "GetBucketLocation",
  build: (ref) => bucketRequest(obsAddress(ref), "GET", [["location", ""]]),
  read: (response) => {
    const region = deserializeObsLocation(response.body, responseMeta(response, OBS_REQUEST_ID_HEADER));
    return region ? { region } : {};
  },
};

const aclStep: BucketLookupStep = {
  name: "GetBucketAcl",
  build: (ref) => bucketRequest(obsAddress(ref), "GET", [["acl", ""]]),
  read: (response) => {
    const ownerId = deserializeObsBucketOwner(response.body, responseMeta(response, OBS_REQUEST_ID_HEADER));
    return ownerId ? { ownerId } : {};
  },
};

/** Huawei Cloud OBS: `id` query key, flat Destination with the plain bucket name, at most 10 per bucket, one list page. */
export const obsDialect: Dialect = {
  vendor: "obs",
  requestIdHeader: OBS_REQUEST_ID_HEADER,
  credentialEnv: { accessKeyId: "HW_ACCESS_KEY", secretAccessKey: "HW_SECRET_KEY", securityToken: "HW_SECURITY_TOKEN" },
  signingRegion: (ref) => ref.region,

  /** Content-MD5 but no Content-Type, as esdk-obs-nodejs sends it. */
  buildPutInventory(ref: BucketRef, config: InventoryConfig) {
    const body = serializeObsInventory(config);
    return bucketRequest(obsAddress(ref), "PUT", inventoryQuery(config.id), { headers: { "content-md5": contentMd5(body) }, body });
  },
  buildGetInventory: (ref, id) => bucketRequest(obsAddress(ref), "GET", inventoryQuery(id)),
  /** No continuation token: OBS returns every configuration at once. */
  buildListInventories: (ref) => bucketRequest(obsAddress(ref), "GET", [["inventory", ""]]),
  buildDeleteInventory: (ref, id) => bucketRequest(obsAddress(ref), "DELETE", inventoryQuery(id)),
  describeBucketSteps: [locationStep, aclStep],
  buildGetVersioning: (ref) => bucketRequest(obsAddress(ref), "GET", [["versioning", ""]]),
  deserializeVersioning,

  serializeInventory: (config) => serializeObsInventory(config),
  deserializeInventory: deserializeObsInventory,
  deserializeInventoryPage: deserializeObsInventoryPage,
  deserializeError: deserializeObsError,
};
