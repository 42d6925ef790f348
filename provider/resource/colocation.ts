/**
 * Live co-location checks: look the destination (and, where needed, the source) bucket up and compare region and
 * owner with what the configuration says. Every vendor wants the destination in the source's region; OSS and OBS
 * also want the same account; an accountId the configuration states must be the destination's real owner (S3
 * confirms owners with its expected-owner check).
 *
 * A bucket owned by another account refuses look-ups (AccessDenied; real OSS says "The bucket you access does not
 * belong to you"). Such a refusal, while the same credentials can look the source up, is how another account's
 * destination shows. Any other failure (no credentials, transport) or a bucket that does not exist yet (it may be
 * created in the same deployment) skips the check: only what is known to be wrong fails.
 */
import type { InventoryClient } from "../client/inventoryClient";
import { AccessDeniedError } from "../errors";
import type { BucketInfo, BucketRef, Vendor } from "../model/inventoryConfig";
import { normalizeRegion } from "../model/normalize";
import { rulesFor, type VendorRules } from "../model/vendorRules";
import type { BucketLookups } from "./bucketLookups";
import { CheckFailures, quote, bare } from "./checkFailures";
import { bucketRefOf, type BucketInventoryInputs } from "./resourceArgs";

export interface LiveContext {
  client: InventoryClient;
  lookups: BucketLookups;
}

type Lookup = { info: BucketInfo } | { refused: true } | { skip: true };

async function lookUp(ctx: LiveContext, ref: BucketRef, expectedOwner?: string): Promise<Lookup> {
  try {
    const info = await ctx.lookups.describe(ctx.client, ref, expectedOwner);
    return info ? { info } : { skip: true };
  } catch (error) {
    return error instanceof AccessDeniedError ? { refused: true } : { skip: true };
  }
}

/** Whether `accountId` owns `ref`: from the reported owner, or (S3) from the expected-owner check. */
async function owns(ctx: LiveContext, ref: BucketRef, info: BucketInfo, accountId: string): Promise<boolean | undefined> {
  // S3 reports owners as canonical user ids, not account ids: only a 12-digit owner compares with accountId.
  const owner = ref.vendor === "s3" && !/^\d{12}$/.test(info.ownerId ?? "") ? undefined : info.ownerId;
  if (owner !== undefined) return owner === accountId;
  if (ref.vendor !== "s3") return undefined;
  const confirmed = await lookUp(ctx, ref, accountId);
  return "info" in confirmed ? true : "refused" in confirmed ? false : undefined;
}

interface Names {
  rules: VendorRules;
  source: string;
  destination: string;
}

/** The destination answered: compare its region and owner. */
async function checkKnown(ctx: LiveContext, args: BucketInventoryInputs, refs: [BucketRef, BucketRef], dest: BucketInfo, n: Names, f: CheckFailures): Promise<void> {
  const [source, destination] = refs;
  const destRegion = normalizeRegion(args.vendor, dest.region);
  if (typeof destRegion === "string" && destRegion !== "" && destRegion !== args.region) {
    f.add("destination.bucket", `${n.destination} is in ${bare(destRegion)}, source ${n.source} is in ${bare(args.region)}; ${n.rules.label} requires the same region`);
  }
  if (n.rules.sameAccount && dest.ownerId) {
    const src = await lookUp(ctx, source);
    if ("info" in src && src.info.ownerId && src.info.ownerId !== dest.ownerId) {
      f.add(
        "destination.bucket",
        `${n.destination} belongs to account ${dest.ownerId}, source ${n.source} to account ${src.info.ownerId}; ${n.rules.label} requires the same account`,
      );
    }
  }
  const accountId = args.destination.accountId;
  if (typeof accountId !== "string" || n.rules.accountId === "absent") return;
  if ((await owns(ctx, destination, dest, accountId)) === false) {
    const owner = dest.ownerId && (args.vendor !== "s3" || /^\d{12}$/.test(dest.ownerId)) ? ` (account ${dest.ownerId} does)` : "";
    const how = owner ? `; ${n.rules.label} requires the destination owner's account id` : `: ${n.rules.label} refused it as the expected bucket owner`;
    f.add("destination.accountId", `${quote(accountId)} does not own ${n.destination}${owner}${how}`);
  }
}

/** The destination refused the source's credentials: it is in another account. */
async function checkRefused(ctx: LiveContext, args: BucketInventoryInputs, source: BucketRef, n: Names, f: CheckFailures): Promise<void> {
  const src = await lookUp(ctx, source);
  if (!("info" in src)) return;
  if (n.rules.sameAccount) {
    f.add(
      "destination.bucket",
      `${n.destination} is not in the account of source ${n.source}: its look-up with the source's credentials was refused (AccessDenied); ` +
        `${n.rules.label} requires the same account`,
    );
  }
  const accountId = args.destination.accountId;
  if (typeof accountId !== "string" || n.rules.accountId === "absent") return;
  if ((await owns(ctx, source, src.info, accountId)) === true) {
    f.add(
      "destination.accountId",
      `${quote(accountId)} does not own ${n.destination}: that account owns source ${n.source} and was refused a look-up of ${n.destination} ` +
        `(AccessDenied); ${n.rules.label} requires the destination owner's account id`,
    );
  }
}

export async function checkColocationLive(ctx: LiveContext, args: BucketInventoryInputs, f: CheckFailures): Promise<void> {
  const vendor: Vendor = args.vendor;
  const source = bucketRefOf(args);
  const destination: BucketRef = { ...source, bucket: args.destination.bucket };
  const names: Names = { rules: rulesFor(vendor), source: quote(args.bucket), destination: quote(destination.bucket) };
  const dest = await lookUp(ctx, destination);
  if ("info" in dest) await checkKnown(ctx, args, [source, destination], dest.info, names, f);
  else if ("refused" in dest) await checkRefused(ctx, args, source, names, f);
}
