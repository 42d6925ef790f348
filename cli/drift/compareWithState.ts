/**
 * A managed configuration against its live copy, with the provider's own normalize and diff: the same comparison
 * `pulumi refresh` makes, so reordered fields, casing, ARN spellings and echoed defaults are never drift. Each
 * difference is reported with both values, as the state records it and as it is live.
 */
import type { InventoryConfig } from "../../provider/model/inventoryConfig";
import { diffInventory } from "../../provider/resource/diff";
import { normalizeArgs, outputsOf } from "../../provider/resource/resourceArgs";
import type { FieldChange } from "./driftReport";
import type { ManagedInventory } from "./readStackState";

function without(value: object, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([k]) => !keys.includes(k)));
}

function valueAt(root: unknown, path: string): unknown {
  let value = root;
  for (const key of path.split(".")) {
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, key)) return null;
    value = (value as Record<string, unknown>)[key];
  }
  return value ?? null;
}

/** Every field that differs; none when in sync. Members the export holds encrypted are left out of both sides. */
export function compareWithState(managed: ManagedInventory, live: InventoryConfig): FieldChange[] {
  const recorded = without(managed.recorded, managed.encrypted);
  const seen = without(outputsOf(managed.recorded, live), managed.encrypted);
  const { diffs } = diffInventory(recorded, seen);
  const before = normalizeArgs(recorded);
  const after = normalizeArgs(seen);
  return diffs.map((path) => ({ path, state: valueAt(before, path), live: valueAt(after, path) }));
}
