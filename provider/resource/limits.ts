/**
 * Live checks against the source bucket: the configurations already there (every page) plus those this process
 * has already checked for the same bucket must stay within the vendor's per-bucket limit, on OBS no two
 * inventories' prefixes may contain one another, and the id must not be taken. A failed list goes to
 * LookupProblems (refused credentials fail preview; anything else skips the checks with a warning).
 */
import type { InventoryConfig } from "../model/inventoryConfig";
import { rulesFor } from "../model/vendorRules";
import type { PlannedInventories, PlannedInventory } from "./bucketLookups";
import { CheckFailures, quote } from "./checkFailures";
import type { LiveContext } from "./colocation";
import { sameBucket } from "./replacement";
import { bucketRefOf, resourceIdOfArgs, type BucketInventoryInputs } from "./resourceArgs";
import { checkIdNotTaken, type Ownership } from "./takenId";

export interface LimitContext extends LiveContext {
  planned: PlannedInventories;
}

/** OBS: "ab" blocks "a" and "abc"; an inventory without a prefix covers the whole bucket and overlaps every other. */
export function prefixesOverlap(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

const describePrefix = (prefix: string): string => (prefix === "" ? "no prefix (the whole bucket)" : quote(prefix));

function checkCount(args: BucketInventoryInputs, existing: InventoryConfig[], planned: PlannedInventory[], f: CheckFailures): void {
  const rules = rulesFor(args.vendor);
  const existingIds = new Set(existing.map((c) => c.id));
  const added = new Set(planned.map((p) => p.id).filter((id) => !existingIds.has(id)));
  if (!existingIds.has(args.inventoryId)) added.add(args.inventoryId);
  const total = existingIds.size + added.size;
  if (total <= rules.maxConfigurations) return;
  f.add(
    "inventoryId",
    `${quote(args.inventoryId)} would make ${total} inventory configurations on bucket ${quote(args.bucket)} ` +
      `(${existingIds.size} exist, ${added.size} added by this deployment); ${rules.label} allows at most ${rules.maxConfigurations} per bucket`,
  );
}

function checkOverlap(args: BucketInventoryInputs, existing: InventoryConfig[], planned: PlannedInventory[], f: CheckFailures): void {
  const rules = rulesFor(args.vendor);
  const mine = args.filter?.prefix ?? "";
  // A planned change to an existing id replaces that id's current prefix.
  const others = new Map<string, string>(existing.map((c) => [c.id, c.filter?.prefix ?? ""]));
  // An inventory already live with this very prefix is not the one at fault when a new one of this deployment
  // overlaps it: that new one is told (its own check sees this one among the existing).
  const live = existing.find((c) => c.id === args.inventoryId);
  const unchanged = live !== undefined && (live.filter?.prefix ?? "") === mine;
  for (const p of planned) if (!unchanged || others.has(p.id)) others.set(p.id, p.prefix);
  others.delete(args.inventoryId);
  for (const [id, theirs] of [...others.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (!prefixesOverlap(mine, theirs)) continue;
    f.add(
      "filter.prefix",
      `${describePrefix(mine)} overlaps inventory ${quote(id)} on bucket ${quote(args.bucket)}, whose prefix is ${describePrefix(theirs)}; ` +
        `${rules.label} does not allow one inventory's prefix to contain another's`,
    );
    return;
  }
}

/**
 * Against the source bucket's configurations as listed now: the id is not taken by one this stack did not make, the
 * count stays within the limit and (OBS) no prefixes overlap. The configuration a replacement replaces is left out:
 * where keeping it would break a rule, the replacement deletes it first (replacement.ts and the provider's diff).
 */
export async function checkLimitsLive(ctx: LimitContext, args: BucketInventoryInputs, f: CheckFailures, ownership: Ownership, prefixKnown: boolean): Promise<void> {
  const ref = bucketRefOf(args);
  const replaced = ownership.replaced;
  const replacing = replaced && sameBucket(replaced, args) ? replaced.inventoryId : undefined;
  let listed: InventoryConfig[];
  try {
    listed = await ctx.client.listInventories(ref);
  } catch (error) {
    const rules = rulesFor(args.vendor);
    const what = !prefixKnown ? "whether the inventoryId is taken" : rules.prefixesMustNotOverlap ? "the count and prefixes of inventories" : "the count of inventories";
    ctx.problems.report(args.vendor, resourceIdOfArgs(args), error, `${what} on source bucket ${quote(args.bucket)}`, f);
    return;
  }
  checkIdNotTaken(args, listed, ownership, f);
  if (!prefixKnown) return;
  const existing = listed.filter((c) => c.id !== replacing);
  const planned = ctx.planned.on(ref).filter((p) => p.id !== args.inventoryId && p.id !== replacing);
  // Of 11 checks against a limit of 10, the 11th fails: a check counts only what was checked before it.
  checkCount(args, existing, ctx.planned.before(ref, args.inventoryId).filter((p) => p.id !== replacing), f);
  if (rulesFor(args.vendor).prefixesMustNotOverlap) checkOverlap(args, existing, planned, f);
}
