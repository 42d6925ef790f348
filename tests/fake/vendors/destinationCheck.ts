import type { FakeError } from "../errors";
import type { SeedBucket } from "../seed";
import type { BucketContext } from "./vendorDialect";

export interface DestinationPolicy {
  /** OSS and OBS: the destination must belong to the caller's account. */
  sameAccount: boolean;
  /** The vendor's error for a refused destination. */
  refuse(message: string, value: string): FakeError;
}

/**
 * Co-location, as every vendor enforces it: the destination bucket exists (in this vendor's namespace), lives in
 * the source bucket's region, belongs to the caller where the vendor insists, and a stated AccountId names its
 * real owner.
 */
export function checkDestination(
  ctx: BucketContext,
  name: string,
  statedAccountId: string | undefined,
  policy: DestinationPolicy,
): SeedBucket {
  const dest = ctx.store.bucket(ctx.vendor, name);
  if (!dest) throw policy.refuse(`The destination bucket "${name}" does not exist.`, name);
  const source = ctx.bucket;
  if (dest.region !== source.region) {
    throw policy.refuse(
      `The destination bucket "${name}" is in region ${dest.region}; it must be in the source bucket's region ${source.region}.`,
      name,
    );
  }
  if (policy.sameAccount && dest.accountId !== ctx.account.accountId) {
    throw policy.refuse(`The destination bucket "${name}" belongs to another account; it must belong to the source bucket's owner.`, name);
  }
  if (statedAccountId !== undefined && statedAccountId !== dest.accountId) {
    throw policy.refuse(`AccountId "${statedAccountId}" is not the owner of the destination bucket "${name}".`, statedAccountId);
  }
  return dest;
}
