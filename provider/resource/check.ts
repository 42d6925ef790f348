/**
 * check, as preview runs it: normalize the inputs (defaults filled, casing canonical), apply every static rule
 * for the vendor, then, when credentials exist and the values are known, the live co-location and limit checks.
 * Unknown values (not yet computed outputs) are never failed on; what is known is still checked.
 */
import type { InventoryClient } from "../client/inventoryClient";
import type { Vendor } from "../model/inventoryConfig";
import { containsUnknown } from "../model/unknownValue";
import { BucketLookups, PlannedInventories } from "./bucketLookups";
import { CheckFailures, isObject, type CheckFailure } from "./checkFailures";
import { checkColocationLive } from "./colocation";
import { checkConfig } from "./configRules";
import { checkDestination } from "./destinationRules";
import { checkIdentity } from "./identityRules";
import { checkLimitsLive } from "./limits";
import { checkTexts } from "./textFieldRules";
import { adviseOnVersioning } from "./versioningAdvice";
import { QUIET_LOOKUP_PROBLEMS, type LookupProblems } from "./lookupProblems";
import { identityKnown, ReplacementMemory, sameIdentity } from "./replacement";
import { bucketRefOf, normalizeArgs, type BucketInventoryInputs } from "./resourceArgs";
import type { Ownership } from "./takenId";

export interface CheckResult {
  inputs: Record<string, unknown>;
  failures: CheckFailure[];
  /** What preview should say without failing (e.g. "All" versions on an unversioned source bucket). */
  warnings: CheckFailure[];
}

/** What live checks need; absent in unit tests of the static rules. */
export interface LiveCheckEnvironment {
  /** A client for this vendor, or `undefined` when no credentials are configured (live checks are skipped). */
  clientFor(vendor: Vendor): InventoryClient | undefined;
  lookups: BucketLookups;
  planned: PlannedInventories;
  /** What failed look-ups mean: refused credentials fail, the rest warn. Default: fail, never warn. */
  problems?: LookupProblems;
  replacements: ReplacementMemory;
}

export function newLiveCheckState(): Pick<LiveCheckEnvironment, "lookups" | "planned" | "replacements"> {
  return { lookups: new BucketLookups(), planned: new PlannedInventories(), replacements: new ReplacementMemory() };
}

/** Where the source bucket is: enough for the co-location checks. */
const LOCATION = ["vendor", "region", "bucket", "endpoint"];

function usable(args: BucketInventoryInputs, f: CheckFailures, keys: string[]): boolean {
  const a = args as unknown as Record<string, unknown>;
  return keys.every((k) => !f.has(k) && !containsUnknown(a[k]));
}

/** Whose configuration this is: the stack's own (same identity as before), or the replacement of which one. */
function ownershipOf(env: LiveCheckEnvironment, olds: unknown, args: BucketInventoryInputs): Ownership {
  const old = normalizeArgs(olds);
  if (identityKnown(old) && sameIdentity(old, args)) return { own: true };
  return { own: false, replaced: env.replacements.replacedBy(olds, args) };
}

/**
 * The live checks. A bad inventoryId does not stop the co-location checks: the engine stops a preview at the first
 * resource whose Check fails, so that resource's failures are worth reporting all at once.
 */
async function checkLive(env: LiveCheckEnvironment, vendor: Vendor, args: BucketInventoryInputs, f: CheckFailures, w: CheckFailures, olds: unknown): Promise<void> {
  if (!usable(args, f, LOCATION)) return;
  const idUsable = usable(args, f, ["inventoryId"]);
  const prefix = args.filter?.prefix;
  const prefixKnown = !containsUnknown(prefix) && !f.has("filter.prefix");
  // Registered before any await: checks running in parallel on one bucket see each other.
  if (idUsable && prefixKnown) env.planned.add(bucketRefOf(args), { id: args.inventoryId, prefix: prefix ?? "" });
  // Before any await as well: the engine's second Check of a replacement must find what the first one saw.
  const ownership = idUsable ? ownershipOf(env, olds, args) : undefined;
  const client = env.clientFor(vendor);
  if (!client) return;
  const ctx = { client, lookups: env.lookups, planned: env.planned, problems: env.problems ?? QUIET_LOOKUP_PROBLEMS };
  const destinationKnown =
    !f.has("destination") && !containsUnknown(args.destination?.bucket) && !containsUnknown(args.destination?.accountId);
  // One after the other, so failures come in the same order every run.
  if (destinationKnown) await checkColocationLive(ctx, args, f);
  // Credentials the service refused (a failure on the resource itself): no later look-up can succeed. A region
  // that is not the source bucket's: the bucket cannot be listed there.
  if (f.list.some((failure) => failure.property === "" || failure.property === "region")) return;
  if (ownership) await checkLimitsLive(ctx, args, f, ownership, prefixKnown);
  if (!f.has("includedObjectVersions") && !containsUnknown(args.includedObjectVersions)) await adviseOnVersioning(ctx, args, w);
}

/**
 * Normalized inputs and every failure; live checks only when `live` is given. `olds` are the resource's previous
 * inputs (empty for a new resource, and in the engine's second Check of a replacement): a configuration this change
 * replaces is not counted against the limits, and an id the stack already has is not "taken".
 */
export async function checkInventory(news: unknown, live?: LiveCheckEnvironment, olds?: unknown): Promise<CheckResult> {
  const raw = isObject(news) ? news : {};
  const args = normalizeArgs(raw);
  const f = new CheckFailures();
  const w = new CheckFailures();
  const vendor = checkIdentity(raw, args, f);
  if (vendor) {
    checkDestination(vendor, args, raw.destination, f);
    checkConfig(vendor, args, f);
    checkTexts(args as unknown as Record<string, unknown>, f);
    if (live) await checkLive(live, vendor, args, f, w, olds);
  }
  return { inputs: args as unknown as Record<string, unknown>, failures: f.list, warnings: w.list };
}
