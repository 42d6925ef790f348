/**
 * Property values as the engine handles them on the wire: the unknown sentinel used during preview, the secret
 * wrapper (a map tagged with Pulumi's signature key), and a field-by-field comparison used to show plans and drift.
 * Constants are Pulumi's own (sdk/go/common/resource/properties.go; the Node SDK's runtime/rpc.js).
 */
import type { PropertyMap } from "./pulumiRpc";

/** What an output not yet computed looks like in a preview request. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
/** The property in which the dynamic provider host finds the serialized provider. */
export const PROVIDER_KEY = "__provider";

export interface SecretValue {
  [SIG_KEY]: typeof SECRET_SIG;
  value: unknown;
}

export function secret(value: unknown): SecretValue {
  return { [SIG_KEY]: SECRET_SIG, value };
}

export function isSecret(value: unknown): value is SecretValue {
  return typeof value === "object" && value !== null && (value as Record<string, unknown>)[SIG_KEY] === SECRET_SIG;
}

/**
 * Removes secret wrappers, as the engine does before calling a provider that did not accept secrets (the dynamic
 * provider host answers Configure with acceptSecrets=false). Returns the top-level keys that held a secret, so the
 * engine can mark the same outputs secret again.
 */
export function revealSecrets(props: PropertyMap): { plain: PropertyMap; secretKeys: string[] } {
  const secretKeys = Object.keys(props).filter((key) => containsSecret(props[key]));
  return { plain: reveal(props) as PropertyMap, secretKeys };
}

function reveal(value: unknown): unknown {
  if (isSecret(value)) return reveal(value.value);
  if (Array.isArray(value)) return value.map(reveal);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reveal(v)]));
  }
  return value;
}

function containsSecret(value: unknown): boolean {
  if (isSecret(value)) return true;
  if (Array.isArray(value)) return value.some(containsSecret);
  if (value !== null && typeof value === "object") return Object.values(value).some(containsSecret);
  return false;
}

export function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value !== null && typeof value === "object") return Object.values(value).some(containsUnknown);
  return false;
}

export interface FieldChange {
  /** Dotted path, e.g. "destination.prefix". */
  path: string;
  kind: "add" | "update" | "delete";
  before?: unknown;
  after?: unknown;
}

/**
 * Field-by-field differences between two property maps, nested objects walked, arrays compared whole.
 * `__provider` is left out: it is plumbing, and the engine's display leaves it out as well.
 */
export function changedFields(before: PropertyMap, after: PropertyMap, prefix = ""): FieldChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => k !== PROVIDER_KEY).sort();
  const changes: FieldChange[] = [];
  for (const key of keys) {
    const path = prefix ? `${prefix}.${key}` : key;
    const [a, b] = [before[key], after[key]];
    if (isPlainObject(a) && isPlainObject(b)) {
      changes.push(...changedFields(a, b, path));
    } else if (a === undefined && b !== undefined) {
      changes.push({ path, kind: "add", after: b });
    } else if (a !== undefined && b === undefined) {
      changes.push({ path, kind: "delete", before: a });
    } else if (JSON.stringify(a) !== JSON.stringify(b)) {
      changes.push({ path, kind: "update", before: a, after: b });
    }
  }
  return changes;
}

function isPlainObject(value: unknown): value is PropertyMap {
  return value !== null && typeof value === "object" && !Array.isArray(value) && !isSecret(value);
}
