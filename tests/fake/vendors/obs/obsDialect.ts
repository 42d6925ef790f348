import { randomBase64Id } from "../../randomIds";
import type { Scheme } from "../../auth/authorizationHeader";
import { accessDenied } from "../../errors";
import { emptyResponse, xmlResponse } from "../../fakeResponse";
import { renderXml } from "../../xml/renderXml";
import { element, leaves } from "../../xml/xmlElement";
import type { VendorDialect } from "../vendorDialect";
import { OBS_INVENTORY_RULES } from "./obsInventoryRules";

export const OBS_NAMESPACE = "http://obs.myhwclouds.com/doc/2015-06-30/";

function awsStyle(scheme?: Scheme): boolean {
  return scheme === "aws-v2" || scheme === "aws-v4";
}

/**
 * Huawei OBS. Spoken to with the OBS signature it answers with x-obs-* headers; spoken to in S3-compatible style (AWS
 * V2/V4, as esdk-obs-nodejs does path-style) with x-amz-* headers and the S3-style location document.
 */
export const OBS_DIALECT: VendorDialect = {
  vendor: "obs",
  invalidAccessKeyIdMessage: "The access key Id you provided does not exist in our records.",
  malformedAuthorization: (reason) => accessDenied(`Authorization header is invalid: ${reason}.`),
  responseHeaders: (requestId, scheme) => {
    const prefix = awsStyle(scheme) ? "x-amz-" : "x-obs-";
    return { [`${prefix}request-id`]: requestId.slice(0, 32), [`${prefix}id-2`]: randomBase64Id(48), server: "OBS" };
  },
  errorDocument: (error, requestId, target) =>
    element("Error", leaves([
      ["Code", error.code],
      ["Message", error.message],
      ["RequestId", requestId.slice(0, 32)],
      ["HostId", Buffer.from(requestId).toString("base64")],
      ["Resource", target.address?.bucket],
      ...Object.entries(error.details),
    ])),
  namespace: () => OBS_NAMESPACE,
  headerPrefix: (scheme) => (awsStyle(scheme) ? "x-amz-" : "x-obs-"),
  inventory: OBS_INVENTORY_RULES,
  lookupBucket(operation, ctx) {
    const b = ctx.bucket;
    if (operation === "HeadBucket") {
      const headers: Record<string, string> = { "x-obs-bucket-location": b.region };
      if (awsStyle(ctx.scheme)) headers["x-amz-bucket-region"] = b.region;
      return emptyResponse(200, headers);
    }
    if (operation === "GetBucketLocation") {
      const doc = awsStyle(ctx.scheme)
        ? element("CreateBucketConfiguration", [element("LocationConstraint", b.region)], { xmlns: OBS_NAMESPACE })
        : element("Location", b.region, { xmlns: OBS_NAMESPACE });
      return xmlResponse(200, renderXml(doc));
    }
    if (operation !== "GetBucketAcl") return undefined;
    const owner = element("Owner", [element("ID", b.accountId)]);
    const grant = element("Grant", [
      element("Grantee", [element("ID", b.accountId)]),
      element("Permission", "FULL_CONTROL"),
      element("Delivered", "false"),
    ]);
    return xmlResponse(200, renderXml(element("AccessControlPolicy", [owner, element("AccessControlList", [grant])], { xmlns: OBS_NAMESPACE })));
  },
};
