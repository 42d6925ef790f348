import { randomBase64Id } from "../../randomIds";
import { accessDenied } from "../../errors";
import { emptyResponse, xmlResponse } from "../../fakeResponse";
import { renderXml } from "../../xml/renderXml";
import { element, leaves } from "../../xml/xmlElement";
import type { VendorDialect } from "../vendorDialect";
import { COS_INVENTORY_RULES } from "./cosInventoryRules";

const XSI = "http://www.w3.org/2001/XMLSchema-instance";

/** The CAM principal COS writes for an account in ACL documents. */
export function cosPrincipal(uin: string): string {
  return `qcs::cam::uin/${uin}:uin/${uin}`;
}

/** Tencent COS: x-cos-request-id (and x-cos-trace-id on errors), `<Error>` with Resource and TraceId, HEAD and ACL. */
export const COS_DIALECT: VendorDialect = {
  vendor: "cos",
  invalidAccessKeyIdMessage: "The SecretId you provided does not exist in our records.",
  malformedAuthorization: (reason) => accessDenied(`Authorization header is invalid: ${reason}.`),
  responseHeaders: (requestId) => ({ "x-cos-request-id": Buffer.from(requestId, "hex").toString("base64"), server: "tencent-cos" }),
  errorHeaders: () => ({ "x-cos-trace-id": randomBase64Id(24) }),
  errorDocument: (error, requestId, target) =>
    element("Error", leaves([
      ["Code", error.code],
      ["Message", error.message],
      ["Resource", `${target.req.headers.host ?? ""}${target.req.rawPath}`],
      ["RequestId", Buffer.from(requestId, "hex").toString("base64")],
      ["TraceId", randomBase64Id(24)],
      ...Object.entries(error.details),
    ])),
  namespace: () => undefined,
  headerPrefix: () => "x-cos-",
  inventory: COS_INVENTORY_RULES,
  lookupBucket(operation, ctx) {
    const b = ctx.bucket;
    if (operation === "HeadBucket") return emptyResponse(200, { "x-cos-bucket-region": b.region });
    if (operation === "GetBucketLocation") return xmlResponse(200, renderXml(element("LocationConstraint", b.region)));
    if (operation !== "GetBucketAcl") return undefined;
    const id = cosPrincipal(b.accountId);
    const owner = element("Owner", leaves([["ID", id], ["DisplayName", id]]));
    const grantee = element("Grantee", leaves([["ID", id], ["DisplayName", id]]), { "xmlns:xsi": XSI, "xsi:type": "CanonicalUser" });
    const grant = element("Grant", [grantee, element("Permission", "FULL_CONTROL")]);
    return xmlResponse(200, renderXml(element("AccessControlPolicy", [owner, element("AccessControlList", [grant])])));
  },
};
