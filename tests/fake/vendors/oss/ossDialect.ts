import { FakeError, invalidArgument } from "../../errors";
import { xmlResponse } from "../../fakeResponse";
import { renderXml } from "../../xml/renderXml";
import { element, leaves, type XmlElement } from "../../xml/xmlElement";
import type { VendorDialect } from "../vendorDialect";
import { OSS_INVENTORY_RULES } from "./ossInventoryRules";

/** When the fake "created" every bucket: the seed has no dates and a fixed one keeps responses stable. */
const CREATION_DATE = "2026-01-01T00:00:00.000Z";

/** Alibaba Cloud OSS: x-oss-request-id (24 hex), `<Error>` with EC and RecommendDoc, GetBucketInfo/Location/Acl. */
export const OSS_DIALECT: VendorDialect = {
  vendor: "oss",
  invalidAccessKeyIdMessage: "The OSS Access Key Id you provided does not exist in our records.",
  malformedAuthorization: (reason) => invalidArgument(`Authorization header is invalid: ${reason}.`, "Authorization"),
  responseHeaders: (requestId) => ({ "x-oss-request-id": requestId.slice(0, 24), server: "AliyunOSS" }),
  errorHeaders: (error): Record<string, string> => (error.details.EC ? { "x-oss-ec": error.details.EC } : {}),
  errorDocument(error: FakeError, requestId: string, target): XmlElement {
    const { EC, ...details } = error.details;
    const children = leaves([
      ["Code", error.code],
      ["Message", error.message],
      ["RequestId", requestId.slice(0, 24)],
      ["HostId", target.req.headers.host ?? "oss.fake-cloud"],
      ...Object.entries(details),
      ["EC", EC],
      ["RecommendDoc", EC ? `https://api.alibabacloud.com/troubleshoot?q=${EC}` : undefined],
    ]);
    return element("Error", children);
  },
  namespace: () => undefined,
  headerPrefix: () => "x-oss-",
  inventory: OSS_INVENTORY_RULES,
  lookupBucket(operation, ctx) {
    const b = ctx.bucket;
    const owner = element("Owner", leaves([["DisplayName", b.accountId], ["ID", b.accountId]]));
    if (operation === "GetBucketLocation") return xmlResponse(200, renderXml(element("LocationConstraint", `oss-${b.region}`)));
    if (operation === "GetBucketAcl") {
      const acl = element("AccessControlList", [element("Grant", "private")]);
      return xmlResponse(200, renderXml(element("AccessControlPolicy", [owner, acl])));
    }
    if (operation !== "GetBucketInfo") return undefined;
    const versioning = ctx.store.objects.getVersioning("oss", b.name);
    const info = element("Bucket", [
      ...leaves([
        ["CreationDate", CREATION_DATE],
        ["ExtranetEndpoint", `oss-${b.region}.aliyuncs.com`],
        ["IntranetEndpoint", `oss-${b.region}-internal.aliyuncs.com`],
        ["Location", `oss-${b.region}`],
        ["Name", b.name],
        ["StorageClass", "Standard"],
        ["Versioning", versioning === "Off" ? undefined : versioning],
      ]),
      owner,
      element("AccessControlList", [element("Grant", "private")]),
    ]);
    return xmlResponse(200, renderXml(element("BucketInfo", [info])));
  },
};
