/**
 * One spelling for each meaning, so that two configurations that mean the same thing compare equal: what users
 * write, what the state holds and what each service echoes back all pass through here before any comparison.
 *
 * Tolerant by design: a value of the wrong type or outside every known spelling is passed through unchanged, so
 * check can name it in a failure; an unknown value (preview) is never rewritten.
 */
import { FORMATS, FREQUENCIES, OBJECT_VERSIONS, type InventoryConfig, type Vendor } from "./inventoryConfig";
import { isUnknown } from "./unknownValue";
import { FIELD_ALIASES, VENDOR_RULES, rulesFor } from "./vendorRules";

type Loose = Record<string, unknown>;

const isObject = (v: unknown): v is Loose => v !== null && typeof v === "object" && !Array.isArray(v);
/** Not given: undefined, or null (how state says "not set"). An empty string is a value, and check judges it. */
const isUnset = (v: unknown): v is undefined | null => v === undefined || v === null;
/** A prefix of "" matches every key, so it means the same as no prefix. */
const isNoPrefix = (v: unknown): boolean => isUnset(v) || v === "";

/** `oss-cn-hangzhou` (OSS's endpoint spelling) → `cn-hangzhou`; lower case, trimmed. */
export function normalizeRegion(vendor: unknown, region: unknown): unknown {
  if (typeof region !== "string" || isUnknown(region)) return region;
  const r = region.trim().toLowerCase();
  return vendor === "oss" ? r.replace(/^oss-/, "") : r;
}

const USER_INFO = /^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i;

/**
 * Trailing slashes dropped: `http://127.0.0.1:9000/` and `http://127.0.0.1:9000` are one endpoint. User info
 * (`http://user:password@host`) is cut out, so a password never sits in inputs or state (check refuses it anyway).
 */
export function normalizeEndpoint(endpoint: unknown): unknown {
  if (typeof endpoint !== "string" || isUnknown(endpoint)) return endpoint;
  return endpoint.trim().replace(USER_INFO, "$1").replace(/\/+$/, "");
}

/** The endpoint as a message may quote it: any user info (a password) cut out, even from a value that is no URL. */
export function endpointForMessages(endpoint: string): string {
  return endpoint.replace(USER_INFO, "$1<user info removed>@");
}

/** true/false, "true"/"True"/"TRUE" (oss2 sends Python's `True`); anything else passes through. */
export function normalizeBoolean(value: unknown): unknown {
  if (typeof value !== "string" || isUnknown(value)) return value;
  const v = value.trim().toLowerCase();
  return v === "true" ? true : v === "false" ? false : value;
}

/** What a destination bucket written in a vendor's ARN form says. */
export interface DestinationArn {
  form: "oss" | "cos" | "s3" | "plain";
  bucket: string;
  /** COS only: the region inside `qcs::cos:<region>::<bucket>`. */
  region?: string;
}

const ARN_FORMS: [DestinationArn["form"], RegExp][] = [
  ["oss", /^acs:oss:::(.+)$/],
  ["cos", /^qcs::cos:([^:]*)::(.+)$/],
  ["s3", /^arn:aws:s3:::(.+)$/],
];

export function parseDestinationBucket(value: string): DestinationArn {
  const v = value.trim();
  for (const [form, re] of ARN_FORMS) {
    const m = re.exec(v);
    if (!m) continue;
    return form === "cos" ? { form, bucket: m[2], region: m[1] || undefined } : { form, bucket: m[1] };
  }
  return { form: "plain", bucket: v };
}

/** The canonical spelling from `choices` that matches case-insensitively, else the value itself. */
function canonical<T extends string>(value: unknown, choices: readonly T[]): unknown {
  if (typeof value !== "string" || isUnknown(value)) return value;
  const v = value.trim();
  return choices.find((c) => c.toLowerCase() === v.toLowerCase()) ?? v;
}

/** Numbers stay numbers, digit strings become numbers (the wire carries them as text). */
function toNumber(value: unknown): unknown {
  if (typeof value === "string" && /^\s*\d+\s*$/.test(value)) return Number(value);
  return value;
}

/** Canonical spellings, no duplicates, sorted into the vendor's documented order (unlisted ones last, A–Z). */
export function normalizeFieldList(values: unknown, order: readonly string[]): unknown {
  if (!Array.isArray(values)) return values;
  const out: unknown[] = [];
  for (const raw of values) {
    const aliased = typeof raw === "string" ? FIELD_ALIASES[raw.trim()] ?? raw : raw;
    const value = canonical(aliased, order);
    if (!out.includes(value)) out.push(value);
  }
  const rank = (v: unknown) => (typeof v === "string" && order.includes(v) ? order.indexOf(v) : order.length);
  const text = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v) ?? "");
  return out.sort((a, b) => rank(a) - rank(b) || text(a).localeCompare(text(b)));
}

function normalizeStorageClasses(values: unknown, known: readonly string[]): unknown {
  const list = typeof values === "string" && !isUnknown(values) ? values.split(",") : values;
  if (!Array.isArray(list)) return list;
  if (list.some((v) => typeof v === "string" && v.trim().toLowerCase() === "all")) return undefined;
  const cleaned = list.map((v) => (typeof v === "string" ? v.trim() : v)).filter((v) => v !== "");
  return cleaned.length === 0 ? undefined : normalizeFieldList(cleaned, known);
}

function normalizeTags(values: unknown): unknown {
  if (!Array.isArray(values)) return values;
  const seen = new Map<string, unknown>();
  // JSON.stringify(undefined) is undefined, not a string: such a member gets a key of its own.
  for (const t of values) seen.set(JSON.stringify(isObject(t) ? [t.key, t.value] : t) ?? String(t), t);
  const tags = [...seen.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, t]) => t);
  return tags.length === 0 ? undefined : tags;
}

/**
 * A number is a value, 0 included: OSS refuses an upper size bound or a timestamp of 0 (seed 004), so check must
 * see it. Only an empty prefix means "no prefix": every key starts with "".
 */
function normalizeFilter(vendor: Vendor, filter: unknown): unknown {
  if (!isObject(filter)) return filter;
  const out: Loose = {
    prefix: isNoPrefix(filter.prefix) ? undefined : filter.prefix,
    lastModifyBeginTimeStamp: toNumber(filter.lastModifyBeginTimeStamp),
    lastModifyEndTimeStamp: toNumber(filter.lastModifyEndTimeStamp),
    lowerSizeBound: toNumber(filter.lowerSizeBound),
    upperSizeBound: toNumber(filter.upperSizeBound),
    storageClasses: normalizeStorageClasses(filter.storageClasses, rulesFor(vendor).storageClasses),
    tags: normalizeTags(filter.tags),
  };
  return compact(out);
}

function normalizeEncryption(encryption: unknown): unknown {
  if (!isObject(encryption)) return encryption;
  const out: Loose = {};
  for (const [key, value] of Object.entries(encryption)) {
    if (value === undefined || value === null) continue;
    if (key === "sseKms" && isObject(value)) {
      out.sseKms = isUnset(value.keyId) ? {} : { keyId: trimmed(value.keyId) };
    } else {
      out[key] = isObject(value) && Object.keys(value).length === 0 ? {} : value;
    }
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

function normalizePrefix(vendor: Vendor, prefix: unknown): unknown {
  if (isNoPrefix(prefix)) return undefined;
  // COS stores a destination prefix with a "/" appended when it lacks one; say it that way from the start.
  if (vendor === "cos" && typeof prefix === "string" && !isUnknown(prefix) && !prefix.endsWith("/")) return `${prefix}/`;
  return prefix;
}

function normalizeDestination(vendor: Vendor, destination: unknown): unknown {
  if (!isObject(destination)) return destination;
  const bucket = destination.bucket;
  const out: Loose = {
    bucket: typeof bucket === "string" && !isUnknown(bucket) ? parseDestinationBucket(bucket).bucket : bucket,
    prefix: normalizePrefix(vendor, destination.prefix),
    format: isUnset(destination.format) ? "CSV" : canonical(destination.format, FORMATS),
    accountId: isUnset(destination.accountId) ? undefined : typeof destination.accountId === "number" ? String(destination.accountId) : trimmed(destination.accountId),
    roleArn: isUnset(destination.roleArn) ? undefined : trimmed(destination.roleArn),
    encryption: normalizeEncryption(destination.encryption),
  };
  return compact(out);
}

function normalizeIncremental(vendor: Vendor, incremental: unknown): unknown {
  if (!isObject(incremental)) return incremental;
  const enabled = incremental.enabled === undefined ? true : normalizeBoolean(incremental.enabled);
  const fields = normalizeFieldList(incremental.optionalFields ?? [], rulesFor(vendor).incremental?.optionalFields ?? []);
  // Switched off with nothing configured means the same as absent.
  if (enabled === false && Array.isArray(fields) && fields.length === 0) return undefined;
  const schedule = isObject(incremental.schedule) ? { ...incremental.schedule, frequency: toNumber(incremental.schedule.frequency) } : incremental.schedule ?? { frequency: 600 };
  return { enabled, schedule, optionalFields: fields };
}

const trimmed = (v: unknown): unknown => (typeof v === "string" && !isUnknown(v) ? v.trim() : v);

/** Drops undefined and null members (null means "not set" in state); an object left empty becomes undefined. */
function compact(obj: Loose): Loose | undefined {
  const out: Loose = {};
  for (const [k, v] of Object.entries(obj)) if (v !== undefined && v !== null) out[k] = v;
  return Object.keys(out).length === 0 ? undefined : out;
}

/**
 * The canonical form of an inventory configuration for `vendor`: defaults filled where a value is not given
 * (enabled true, format CSV, versions Current, no optional fields), enum casing canonical, lists deduplicated and
 * ordered, ARN spellings of the destination reduced to the bucket name, an empty prefix and the "All" storage
 * class (seed 004: the default) dropped, COS's trailing "/" on the destination prefix added. A given value is never
 * taken for "not set" because it is falsy (0, "", false): check judges it. Idempotent.
 */
export function normalizeConfig(vendor: Vendor, raw: unknown): InventoryConfig {
  if (!isObject(raw)) return raw as unknown as InventoryConfig;
  // Own keys only: "__proto__" or a non-string vendor must not reach the rules table.
  const known = typeof vendor === "string" && Object.hasOwn(VENDOR_RULES, vendor) ? vendor : "s3";
  const out: Loose = {
    id: trimmed(raw.id),
    enabled: raw.enabled === undefined || raw.enabled === null ? true : normalizeBoolean(raw.enabled),
    filter: normalizeFilter(known, raw.filter),
    destination: normalizeDestination(known, raw.destination),
    schedule: isObject(raw.schedule) ? { frequency: canonical(raw.schedule.frequency, FREQUENCIES) } : raw.schedule,
    includedObjectVersions: isUnset(raw.includedObjectVersions) ? "Current" : canonical(raw.includedObjectVersions, OBJECT_VERSIONS),
    optionalFields: normalizeFieldList(raw.optionalFields ?? [], rulesFor(known).optionalFields),
    incrementalInventory: normalizeIncremental(known, raw.incrementalInventory),
  };
  return (compact(out) ?? {}) as unknown as InventoryConfig;
}
