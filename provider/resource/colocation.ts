/**
 * Live co-location checks. The source bucket is looked up first: its real region must be `region` (said on
 * `region`); then the destination's region is compared with the source's real one, never with an unverified
 * argument stated as fact. OSS and OBS also want the same account; an accountId the configuration states must be
 * the destination's real owner (S3 confirms owners with its expected-owner check).
 *
 * A bucket owned by another account refuses look-ups (AccessDenied; real OSS says "The bucket you access does not
 * belong to you"). Such a refusal, while the same credentials can look the source up, is how another account's
 * destination shows. A bucket that does not exist yet (it may be created in the same deployment) skips its check;
 * any other failed look-up goes to LookupProblems: refused credentials fail preview, the rest skip visibly.
 */
import type { InventoryClient } from "../client/inventoryClient";
import { AccessDeniedError } from "../errors";
import type { BucketInfo, BucketRef, Vendor } from "../model/inventoryConfig";
import { normalizeRegion } from "../model/normalize";
import { rulesFor, type VendorRules } from "../model/vendorRules";
import type { BucketLookups } from "./bucketLookups";
import { CheckFailures, quote, bare } from "./checkFailures";
import { refusesSigner, type LookupProblems } from "./lookupProblems";
import { bucketRefOf, resourceIdOfArgs, type BucketInventoryInputs } from "./resourceArgs";

export interface LiveContext {
  client: InventoryClient;
  lookups: BucketLookups;
  problems: LookupProblems;
}

type Lookup = { info: BucketInfo } | { refused: AccessDeniedError } | { failed: unknown };

async function lookUp(ctx: LiveContext, ref: BucketRef, expectedOwner?: string): Promise<Lookup> {
  try {
    const info = await ctx.lookups.describe(ctx.client, ref, expectedOwner);
    return info ? { info } : { failed: undefined };
  } catch (error) {
    return error instanceof AccessDeniedError && !refusesSigner(error) ? { refused: error } : { failed: error };
  }
}

interface Names {
  rules: VendorRules;
  source: string;
  destination: string;
  resourceId: string;
}

/** Reports a look-up that did not answer; true when preview fails on it (no later look-up can succeed). */
function reportProblem(ctx: LiveContext, args: BucketInventoryInputs, n: Names, lookup: Lookup, skipped: string, f: CheckFailures): boolean {
  if ("info" in lookup) return false;
  const error = "refused" in lookup ? lookup.refused : lookup.failed;
  return error !== undefined && ctx.problems.report(args.vendor, n.resourceId, error, skipped, f);
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

/** The source's real region, when the look-up gave one; a `region` that differs fails on `region`. */
function checkSourceRegion(args: BucketInventoryInputs, source: BucketInfo, n: Names, f: CheckFailures): string | undefined {
  const real = normalizeRegion(args.vendor, source.region);
  if (typeof real !== "string" || real === "") return undefined;
  if (real !== args.region) f.add("region", `${quote(args.region)} is not the region of source bucket ${n.source}: it is in ${bare(real)}; use region ${quote(real)}`);
  return real;
}

/** The destination answered: compare its region with the source's and its owner with the source's and accountId. */
async function checkKnown(ctx: LiveContext, args: BucketInventoryInputs, destination: BucketRef, dest: BucketInfo, source: BucketInfo | undefined, sourceRegion: string | undefined, n: Names, f: CheckFailures): Promise<void> {
  const destRegion = normalizeRegion(args.vendor, dest.region);
  const region = sourceRegion ?? args.region;
  if (typeof destRegion === "string" && destRegion !== "" && destRegion !== region) {
    const where = sourceRegion ? `source ${n.source} is in ${bare(sourceRegion)}` : `region (of source ${n.source}, unverified) is ${bare(region)}`;
    f.add("destination.bucket", `${n.destination} is in ${bare(destRegion)}, ${where}; ${n.rules.label} requires the same region`);
  }
  if (n.rules.sameAccount && dest.ownerId && source?.ownerId && source.ownerId !== dest.ownerId) {
    f.add(
      "destination.bucket",
      `${n.destination} belongs to account ${dest.ownerId}, source ${n.source} to account ${source.ownerId}; ${n.rules.label} requires the same account`,
    );
  }
  const accountId = args.destination.accountId;
  if (typeof accountId !== "string" || n.rules.accountId === "absent") return;
  if ((await owns(ctx, destination, dest, accountId)) === false) {
    const owner = dest.ownerId && (args.vendor !== "s3" || /^\d{12}$/.test(dest.ownerId)) ? ` (account ${dest.ownerId} does)` : "";
    const how = owner ? `; ${n.rules.label} requires the destination owner's account id` : `: ${n.rules.label} refused it as the expected bucket owner`;
    f.add("destination.accountId", `${quote(accountId)} does not own ${n.destination}${owner}${how}`);
  }
}

/** The destination refused the credentials that could look the source up: it is in another account. */
async function checkRefused(ctx: LiveContext, args: BucketInventoryInputs, source: BucketRef, src: BucketInfo, n: Names, f: CheckFailures): Promise<void> {
  if (n.rules.sameAccount) {
    f.add(
      "destination.bucket",
      `${n.destination} is not in the account of source ${n.source}: its look-up with the source's credentials was refused (AccessDenied); ` +
        `${n.rules.label} requires the same account`,
    );
  }
  const accountId = args.destination.accountId;
  if (typeof accountId !== "string" || n.rules.accountId === "absent") return;
  if ((await owns(ctx, source, src, accountId)) === true) {
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
  const n: Names = { rules: rulesFor(vendor), source: quote(args.bucket), destination: quote(destination.bucket), resourceId: resourceIdOfArgs(args) };

  const src = await lookUp(ctx, source);
  if (reportProblem(ctx, args, n, src, `the region of source bucket ${n.source}`, f)) return;
  const srcInfo = "info" in src ? src.info : undefined;
  const sourceRegion = srcInfo ? checkSourceRegion(args, srcInfo, n, f) : undefined;

  const dest = await lookUp(ctx, destination);
  if ("info" in dest) await checkKnown(ctx, args, destination, dest.info, srcInfo, sourceRegion, n, f);
  else if ("refused" in dest && srcInfo) await checkRefused(ctx, args, source, srcInfo, n, f);
  else reportProblem(ctx, args, n, dest, `the region and account of destination bucket ${n.destination}`, f);
}
