/**
 * Seed 000: with all object versions in the inventory, "Versioning must be enabled for this configuration to take
 * effect". Not an error (every vendor accepts the configuration, and versioning may be switched on later), so
 * preview warns instead of failing: the source bucket's versioning is looked up live, and a look-up that cannot be
 * made says nothing.
 */
import { rulesFor } from "../model/vendorRules";
import { CheckFailures, quote } from "./checkFailures";
import type { LiveContext } from "./colocation";
import { bucketRefOf, type BucketInventoryInputs } from "./resourceArgs";

export async function adviseOnVersioning(ctx: LiveContext, args: BucketInventoryInputs, warnings: CheckFailures): Promise<void> {
  if (args.includedObjectVersions !== "All") return;
  let status;
  try {
    status = await ctx.lookups.versioning(ctx.client, bucketRefOf(args));
  } catch {
    return;
  }
  if (status === undefined || status === "Enabled") return;
  const state = status === "Off" ? "not enabled" : "suspended";
  warnings.add(
    "includedObjectVersions",
    `"All" has no effect yet: versioning of source ${quote(args.bucket)} is ${state}; ${rulesFor(args.vendor).label}: ` +
      `"Versioning must be enabled for this configuration to take effect"`,
  );
}
