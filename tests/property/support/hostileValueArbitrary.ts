/**
 * Values a Pulumi program (or a hand-edited state file) can put into a resource's properties, chosen to break
 * code that assumes types: the preview's unknown marker, prototype-polluting keys, objects whose toString is not
 * a function, huge and blank strings, other vendors' ARNs, non-finite numbers, deep nesting.
 */
import fc from "fast-check";
import { UNKNOWN_VALUE } from "../../../provider/model/unknownValue";

export const NASTY_KEYS = ["__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "", " ", "a.b"];

const nastyStrings = fc.constantFrom(
  UNKNOWN_VALUE,
  "",
  "   ",
  "\u0000",
  "\r\n",
  "__proto__",
  "constructor",
  "toString",
  "OSS",
  " s3 ",
  "acs:oss:::b",
  "qcs::cos:ap-beijing::b-1250000000",
  "arn:aws:s3:::b",
  "acs:ram::1:role/r",
  "true",
  "True",
  "0012",
  "-1",
  "1e400",
  "<![CDATA[x]]>",
  "<!DOCTYPE a [<!ENTITY b 'c'>]>&b;",
  "😀".repeat(50),
);

const scalar: fc.Arbitrary<unknown> = fc.oneof(
  nastyStrings,
  fc.string({ maxLength: 20 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.constant("x".repeat(3_000)),
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -0, -1, Number.MAX_SAFE_INTEGER + 2, Number.NaN, Number.POSITIVE_INFINITY, 1.5),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constant({ toString: 1 }),
  fc.constant({ valueOf: "x", toString: "y" }),
);

const key = fc.oneof({ weight: 3, arbitrary: fc.string({ maxLength: 12 }) }, { weight: 1, arbitrary: fc.constantFrom(...NASTY_KEYS) });

/** Builds an own-property object even for "__proto__" (as JSON.parse and the gRPC Struct decoder do). */
function objectOf(entries: [string, unknown][]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

/** Any value: scalars, arrays and objects nested a few levels deep. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalar,
    fc.array(tie("value"), { maxLength: 4 }),
    fc.array(fc.tuple(key, tie("value")), { maxLength: 5 }).map(objectOf),
  ),
})).value;

/** Sets `value` at a dotted path inside a deep copy of `args` (creating objects on the way); `undefined` deletes. */
export function withValueAt(args: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(args);
  const keys = path.split(".");
  let target: Record<string, unknown> = copy;
  for (const k of keys.slice(0, -1)) {
    const next = target[k];
    if (next === null || typeof next !== "object" || Array.isArray(next)) target[k] = {};
    target = target[k] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  if (value === undefined) delete target[last];
  else Object.defineProperty(target, last, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** Every property path the resource knows, plus a few it does not. */
export const ARGUMENT_PATHS = [
  "vendor", "region", "bucket", "inventoryId", "enabled", "endpoint", "adopt", "includedObjectVersions", "optionalFields",
  "destination", "destination.bucket", "destination.prefix", "destination.format", "destination.accountId",
  "destination.roleArn", "destination.encryption", "destination.encryption.sseKms", "destination.encryption.sseKms.keyId",
  "destination.encryption.sseOss", "destination.encryption.sseS3", "destination.encryption.sseCos",
  "filter", "filter.prefix", "filter.lastModifyBeginTimeStamp", "filter.lastModifyEndTimeStamp", "filter.lowerSizeBound",
  "filter.upperSizeBound", "filter.storageClasses", "filter.tags", "schedule", "schedule.frequency",
  "incrementalInventory", "incrementalInventory.enabled", "incrementalInventory.schedule",
  "incrementalInventory.schedule.frequency", "incrementalInventory.optionalFields",
  "resourceId", "__provider", "optionalField", "destination.bukcet", "__proto__", "constructor",
];
