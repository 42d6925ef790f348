/**
 * "Already exists" at preview: an inventoryId that a configuration on the bucket already has, which this stack did
 * not make, is refused before anything is written. Create refuses it too (it never overwrites), but only after a
 * replacement may have deleted the stack's own configuration; preview is where a reviewer should see it.
 */
import type { InventoryConfig } from "../model/inventoryConfig";
import { rulesFor } from "../model/vendorRules";
import { CheckFailures, quote } from "./checkFailures";
import { maySameConfiguration, type Identity } from "./replacement";
import type { BucketInventoryInputs } from "./resourceArgs";

export interface Ownership {
  /** The check is of this stack's existing resource, unchanged in identity (an in-place update). */
  own: boolean;
  /** What this configuration replaces, when it is a replacement. */
  replaced?: Identity;
}

export function checkIdNotTaken(args: BucketInventoryInputs, existing: InventoryConfig[], ownership: Ownership, f: CheckFailures): void {
  if (ownership.own || args.adopt === true) return;
  if (ownership.replaced && maySameConfiguration(ownership.replaced, args)) return;
  if (!existing.some((c) => c.id === args.inventoryId)) return;
  f.add(
    "inventoryId",
    `${quote(args.inventoryId)} already exists on ${rulesFor(args.vendor).label} bucket ${quote(args.bucket)} and this stack's state does not have it: ` +
      'choose another inventoryId, or set adopt: true to manage that configuration from this stack as it is (also the way to take in one an interrupted "pulumi up" created)',
  );
}
