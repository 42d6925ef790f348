/**
 * Replacements, as the Pulumi engine runs them: Check(old inputs, new inputs), Diff, then a second Check with no
 * old inputs at all before the new configuration is created; then either the new one is created and the old one
 * deleted at the end (the engine's default), or, when Diff says deleteBeforeReplace, the old one is deleted first.
 *
 * Deleting first leaves the bucket without its configuration if the create then fails, so it is chosen only where
 * old and new cannot exist at once: where they may be the very same configuration (same vendor, bucket and id:
 * only the region or endpoint changed, and bucket names are one namespace per vendor), where OBS would refuse the
 * new prefix beside the old one, or where the bucket is at its limit. Everywhere else (another id, bucket or
 * vendor) the new one is created first, so a failed create loses nothing.
 *
 * The second Check does not say what it replaces; `ReplacementMemory` remembers it from the first, in the same
 * provider process, so the checks that must leave the replaced configuration out (limits, overlap, "already
 * exists") still can.
 */
import type { InventoryClient } from "../client/inventoryClient";
import type { Vendor } from "../model/inventoryConfig";
import { isUnknown } from "../model/unknownValue";
import { rulesFor } from "../model/vendorRules";
import { bucketKey } from "./bucketLookups";
import { prefixesOverlap } from "./limits";
import { quote } from "./checkFailures";
import { bucketRefOf, normalizeArgs, resourceIdOfArgs, type BucketInventoryInputs } from "./resourceArgs";

export type Identity = Pick<BucketInventoryInputs, "vendor" | "region" | "bucket" | "inventoryId" | "endpoint">;

const known = (v: unknown): boolean => typeof v === "string" && !isUnknown(v);

/** vendor, region, bucket, inventoryId and endpoint all known strings (endpoint may be absent). */
export function identityKnown(args: Partial<Identity>): args is Identity {
  return known(args.vendor) && known(args.region) && known(args.bucket) && known(args.inventoryId) && (args.endpoint === undefined || known(args.endpoint));
}

export function sameIdentity(a: Identity, b: Identity): boolean {
  return a.vendor === b.vendor && a.region === b.region && a.bucket === b.bucket && a.inventoryId === b.inventoryId && a.endpoint === b.endpoint;
}

/** One bucket, as far as anyone can tell: bucket names are one namespace per vendor, whatever the region. */
export function sameBucket(a: Identity, b: Identity): boolean {
  return a.vendor === b.vendor && a.bucket === b.bucket;
}

/** Old and new may be one configuration: only the region or endpoint (how it is reached) differs. */
export function maySameConfiguration(a: Identity, b: Identity): boolean {
  return sameBucket(a, b) && a.inventoryId === b.inventoryId;
}

/**
 * Why the old configuration must go first, as far as the inputs alone tell (the bucket's limit needs the live
 * count: deleteFirstForLimit); `undefined` to create first. Unknown identity values (preview, outputs not yet
 * known) create first: nothing is lost either way there.
 */
export function whyDeleteFirst(olds: unknown, news: unknown): string | undefined {
  const old = normalizeArgs(olds);
  const next = normalizeArgs(news);
  if (!identityKnown(old) || !identityKnown(next)) return undefined;
  const label = rulesFor(next.vendor).label;
  if (maySameConfiguration(old, next)) {
    return `only the region or endpoint changes, so both may be the one configuration ${quote(next.inventoryId)} on ${label} bucket ${quote(next.bucket)}`;
  }
  if (!sameBucket(old, next) || !rulesFor(next.vendor).prefixesMustNotOverlap) return undefined;
  const [a, b] = [old.filter?.prefix ?? "", next.filter?.prefix ?? ""];
  if (typeof a !== "string" || typeof b !== "string" || isUnknown(a) || isUnknown(b) || !prefixesOverlap(a, b)) return undefined;
  return `${label} does not allow their prefixes (${quote(a)} and ${quote(b)}) on one bucket at once`;
}

export function mustDeleteFirst(olds: unknown, news: unknown): boolean {
  return whyDeleteFirst(olds, news) !== undefined;
}

/**
 * A new id on the same bucket, where the inputs alone allow both: delete first anyway when the bucket has no room
 * for both (the live count, old one included). A count that cannot be made creates first: a create refused for
 * the limit loses nothing.
 */
export async function deleteFirstForLimit(olds: unknown, news: unknown, clientFor: (vendor: Vendor) => InventoryClient | undefined): Promise<string | undefined> {
  const old = normalizeArgs(olds);
  const next = normalizeArgs(news);
  if (!identityKnown(old) || !identityKnown(next) || !sameBucket(old, next) || old.inventoryId === next.inventoryId) return undefined;
  const client = clientFor(next.vendor);
  if (!client) return undefined;
  try {
    const ids = new Set((await client.listInventories(bucketRefOf(next))).map((c) => c.id));
    const max = rulesFor(next.vendor).maxConfigurations;
    if (ids.has(next.inventoryId) || ids.size + 1 <= max) return undefined;
    return `bucket ${quote(next.bucket)} has ${ids.size} configurations and ${rulesFor(next.vendor).label} allows at most ${max}`;
  } catch {
    return undefined;
  }
}

/** What a reviewer should read in the preview when a replacement deletes first. */
export function deleteFirstWarning(olds: unknown, news: unknown, why: string): string {
  const [old, next] = [normalizeArgs(olds), normalizeArgs(news)];
  return (
    `${resourceIdOfArgs(old)} is replaced by ${resourceIdOfArgs(next)} by deleting the old configuration before creating the new one, ` +
    `because ${why}; should the create fail, the bucket has neither until the next pulumi up`
  );
}

/** Where a new configuration will live, as the memory keys it. */
export function addressKey(args: Identity): string {
  return `${bucketKey(bucketRefOf(args))}|${args.inventoryId}`;
}

/** Per provider process: which configuration each replacement's new one replaces. */
export class ReplacementMemory {
  private readonly replaced = new Map<string, Identity>();

  /**
   * What this check's configuration replaces: from the old inputs when they are given and differ in identity,
   * else from an earlier check in this process of the same new configuration (the engine's second Check).
   * `undefined` for a new resource or an in-place change.
   */
  replacedBy(olds: unknown, args: Identity): Identity | undefined {
    const old = normalizeArgs(olds);
    if (identityKnown(old)) {
      if (sameIdentity(old, args)) return undefined;
      const identity: Identity = { vendor: old.vendor, region: old.region, bucket: old.bucket, inventoryId: old.inventoryId, endpoint: old.endpoint };
      this.replaced.set(addressKey(args), identity);
      return identity;
    }
    return this.replaced.get(addressKey(args));
  }
}
