import { parseAuthorization } from "../auth/authorizationHeader";
import { accessDenied, noSuchBucket, notImplemented, wrongSigningRegion } from "../errors";
import type { FakeResponse } from "../fakeResponse";
import { deleteInventory, getInventory, listInventories, putInventory } from "./inventoryOperations";
import { handleObjectOperation } from "./objectOperations";
import type { Operation } from "./operations";
import type { BucketContext, RequestContext, VendorDialect } from "./vendorDialect";

/**
 * An authenticated request, answered in the vendor's voice: the bucket must exist in the vendor's namespace and
 * belong to the caller (the fake has no bucket policies), S3 honours x-amz-expected-bucket-owner, then the
 * operation runs.
 */
export function handleVendorRequest(operation: Operation, ctx: RequestContext, dialect: VendorDialect): FakeResponse {
  const name = ctx.address.bucket;
  if (name === undefined) throw notImplemented(`${ctx.req.method} on the service endpoint (ListBuckets)`);
  const bucket = ctx.store.bucket(ctx.vendor, name);
  if (!bucket) throw noSuchBucket(name);
  if (ctx.vendor === "s3" && operation !== "GetBucketLocation") {
    const signedRegion = sigV4RegionOf(ctx.req.headers.authorization);
    if (signedRegion !== undefined && signedRegion !== bucket.region) throw wrongSigningRegion(signedRegion, bucket.region);
  }
  if (bucket.accountId !== ctx.account.accountId) throw accessDenied("Access Denied: the bucket belongs to another account.");
  const expectedOwner = ctx.req.headers["x-amz-expected-bucket-owner"];
  if (ctx.vendor === "s3" && expectedOwner !== undefined && expectedOwner !== bucket.accountId) {
    throw accessDenied("Access Denied");
  }
  const bctx: BucketContext = { ...ctx, bucket };
  switch (operation) {
    case "PutInventory":
      return putInventory(bctx, dialect);
    case "GetInventory":
      return getInventory(bctx, dialect);
    case "ListInventory":
      return listInventories(bctx, dialect);
    case "DeleteInventory":
      return deleteInventory(bctx, dialect);
    default: {
      const answer = handleObjectOperation(operation, bctx, dialect) ?? dialect.lookupBucket(operation, bctx);
      if (answer) return answer;
      if (operation === "HeadBucket") return { status: 200, headers: {} };
      throw notImplemented(`${ctx.req.method} ${ctx.req.rawPath}${ctx.req.rawQuery ? `?${ctx.req.rawQuery}` : ""}`);
    }
  }
}

function sigV4RegionOf(header: string | undefined): string | undefined {
  const parse = parseAuthorization(header);
  return parse.kind === "parsed" && parse.auth.scheme === "aws-v4" ? parse.auth.region : undefined;
}
