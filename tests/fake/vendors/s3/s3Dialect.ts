import { createHash } from "node:crypto";
import { randomBase64Id } from "../../randomIds";
import { FakeError } from "../../errors";
import { emptyResponse, xmlResponse } from "../../fakeResponse";
import { renderXml } from "../../xml/renderXml";
import { element, leaves } from "../../xml/xmlElement";
import type { VendorDialect } from "../vendorDialect";
import { S3_INVENTORY_RULES } from "./s3InventoryRules";

export const S3_NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";
const XSI = "http://www.w3.org/2001/XMLSchema-instance";

/** The canonical user id the fake gives an AWS account: a stable 64-hex digest of the account id. */
export function canonicalUserId(accountId: string): string {
  return createHash("sha256").update(`fake-cloud:${accountId}`).digest("hex");
}

/** AWS S3: x-amz-request-id (16 hex) and x-amz-id-2, `<Error>` with its details, GetBucketLocation/HeadBucket/Acl. */
export const S3_DIALECT: VendorDialect = {
  vendor: "s3",
  invalidAccessKeyIdMessage: "The AWS Access Key Id you provided does not exist in our records.",
  malformedAuthorization: (reason) => new FakeError(400, "AuthorizationHeaderMalformed", `The authorization header is malformed; ${reason}.`),
  responseHeaders: (requestId) => ({
    "x-amz-request-id": requestId.slice(0, 16),
    "x-amz-id-2": randomBase64Id(48),
    server: "AmazonS3",
  }),
  errorDocument: (error, requestId) =>
    element("Error", leaves([
      ["Code", error.code],
      ["Message", error.message],
      ...Object.entries(error.details),
      ["RequestId", requestId.slice(0, 16)],
      ["HostId", Buffer.from(requestId).toString("base64")],
    ])),
  namespace: () => S3_NAMESPACE,
  headerPrefix: () => "x-amz-",
  inventory: S3_INVENTORY_RULES,
  lookupBucket(operation, ctx) {
    const b = ctx.bucket;
    if (operation === "HeadBucket") return emptyResponse(200, { "x-amz-bucket-region": b.region, "x-amz-access-point-alias": "false" });
    if (operation === "GetBucketLocation") {
      // us-east-1 answers with an empty LocationConstraint, as S3 does.
      return xmlResponse(200, renderXml(element("LocationConstraint", b.region === "us-east-1" ? "" : b.region, { xmlns: S3_NAMESPACE })));
    }
    if (operation !== "GetBucketAcl") return undefined;
    const id = canonicalUserId(b.accountId);
    const owner = element("Owner", leaves([["ID", id], ["DisplayName", `account-${b.accountId}`]]));
    const grantee = element("Grantee", leaves([["ID", id], ["DisplayName", `account-${b.accountId}`]]), {
      "xmlns:xsi": XSI,
      "xsi:type": "CanonicalUser",
    });
    const grant = element("Grant", [grantee, element("Permission", "FULL_CONTROL")]);
    const policy = element("AccessControlPolicy", [owner, element("AccessControlList", [grant])], { xmlns: S3_NAMESPACE });
    return xmlResponse(200, renderXml(policy));
  },
};
