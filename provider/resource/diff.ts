/**
 * diff: the normalized old outputs against the normalized new inputs, field by field. Ordering of optional
 * fields, casing, ARN spelling and defaults cannot show up as changes, because both sides pass through the same
 * normalize. Identity fields (vendor, region, bucket, inventoryId, endpoint host) replace; the old configuration is
 * deleted first only where old and new cannot exist at once (replacement.ts), otherwise the new one is created
 * first. Everything else is an in-place update (one put).
 */
import { isUnknown } from "../model/unknownValue";
import { mustDeleteFirst } from "./replacement";
import { normalizeArgs } from "./resourceArgs";

export interface InventoryDiff {
  /** What the dynamic provider host reads: true/false (an array would make it "unknown"). */
  changes: boolean;
  /** Property paths whose change forces replacement. */
  replaces: string[];
  deleteBeforeReplace: boolean;
  /** Every changed property path, e.g. ["destination.prefix", "optionalFields"]: for people and tests. */
  diffs: string[];
}

const ORDER = [
  "vendor", "region", "bucket", "inventoryId", "endpoint", "enabled", "destination", "filter", "schedule",
  "includedObjectVersions", "optionalFields", "incrementalInventory",
];
const REPLACING = new Set(["vendor", "region", "bucket", "inventoryId"]);
/** Never compared: Pulumi's serialized provider, our computed id, and adopt (it only matters at create). */
const IGNORED = new Set(["__provider", "resourceId", "adopt"]);

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/** Structural equality of plain data (state values: objects, arrays, primitives). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

/** Every leaf path inside an object; an empty object is a leaf itself (sseOss: {} says something). */
function leafPaths(value: Record<string, unknown>, path: string): string[] {
  const keys = Object.keys(value).sort();
  if (keys.length === 0) return [path];
  return keys.flatMap((k) => (isPlainObject(value[k]) ? leafPaths(value[k] as Record<string, unknown>, `${path}.${k}`) : [`${path}.${k}`]));
}

function collect(oldValue: unknown, newValue: unknown, path: string, out: string[]): void {
  if (isPlainObject(oldValue) && isPlainObject(newValue)) {
    const keys = [...new Set([...Object.keys(oldValue), ...Object.keys(newValue)])].sort();
    for (const key of keys) collect(oldValue[key], newValue[key], `${path}.${key}`, out);
  } else if (isPlainObject(oldValue) && newValue === undefined) {
    out.push(...leafPaths(oldValue, path));
  } else if (isPlainObject(newValue) && oldValue === undefined) {
    out.push(...leafPaths(newValue, path));
  } else if (isUnknown(newValue) || !deepEqual(oldValue, newValue)) {
    out.push(path);
  }
}

/** `host:port` of an endpoint; "" for the vendor's public endpoint. */
function endpointHost(endpoint: unknown): string {
  if (endpoint === undefined) return "";
  if (typeof endpoint !== "string" || isUnknown(endpoint)) return JSON.stringify(endpoint) ?? "";
  try {
    return new URL(endpoint).host.toLowerCase();
  } catch {
    return endpoint;
  }
}

export function diffInventory(olds: unknown, news: unknown): InventoryDiff {
  const before = normalizeArgs(olds) as unknown as Record<string, unknown>;
  const after = normalizeArgs(news) as unknown as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !IGNORED.has(k));
  const rank = (k: string) => (ORDER.includes(k) ? ORDER.indexOf(k) : ORDER.length);
  keys.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));

  const diffs: string[] = [];
  for (const key of keys) collect(before[key], after[key], key, diffs);
  const replaces = diffs.filter((path) => {
    if (REPLACING.has(path)) return true;
    return path === "endpoint" && (isUnknown(after.endpoint) || endpointHost(before.endpoint) !== endpointHost(after.endpoint));
  });
  return { changes: diffs.length > 0, replaces, deleteBeforeReplace: replaces.length > 0 && mustDeleteFirst(olds, news), diffs };
}
