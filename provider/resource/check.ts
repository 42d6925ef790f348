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
import { bucketRefOf, normalizeArgs, type BucketInventoryInputs } from "./resourceArgs";

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
}

export function newLiveCheckState(): Pick<LiveCheckEnvironment, "lookups" | "planned"> {
  return { lookups: new BucketLookups(), planned: new PlannedInventories() };
}

const IDENTITY = ["vendor", "region", "bucket", "inventoryId", "endpoint"];

function identityUsable(args: BucketInventoryInputs, f: CheckFailures): boolean {
  const a = args as unknown as Record<string, unknown>;
  return IDENTITY.every((k) => !f.has(k) && !containsUnknown(a[k]));
}

/** The old id when this change gives the resource a new id on the same bucket (a replacement). */
function replacedId(olds: unknown, args: BucketInventoryInputs): string | undefined {
  const old = normalizeArgs(olds);
  const same = old.vendor === args.vendor && old.bucket === args.bucket && old.region === args.region && old.endpoint === args.endpoint;
  return same && typeof old.inventoryId === "string" && old.inventoryId !== args.inventoryId ? old.inventoryId : undefined;
}

async function checkLive(env: LiveCheckEnvironment, vendor: Vendor, args: BucketInventoryInputs, f: CheckFailures, w: CheckFailures, olds: unknown): Promise<void> {
  if (!identityUsable(args, f)) return;
  const prefix = args.filter?.prefix;
  const prefixKnown = !containsUnknown(prefix) && !f.has("filter.prefix");
  // Registered before any await: checks running in parallel on one bucket see each other.
  if (prefixKnown) env.planned.add(bucketRefOf(args), { id: args.inventoryId, prefix: prefix ?? "" });
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
  if (prefixKnown) await checkLimitsLive(ctx, args, f, replacedId(olds, args));
  if (!f.has("includedObjectVersions") && !containsUnknown(args.includedObjectVersions)) await adviseOnVersioning(ctx, args, w);
}

/**
 * Normalized inputs and every failure; live checks only when `live` is given. `olds` are the resource's previous
 * inputs (empty for a new resource): a configuration this change replaces is not counted against the limits.
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
