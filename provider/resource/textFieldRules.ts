/**
 * Every text the configuration sends (ids, prefixes, tags, key ids, role ARNs, storage classes, field names)
 * against the one rule of what the services store unchanged (provider/model/textRules.ts), wherever it sits: a
 * value that passes check must come back from the service exactly as written, so no preview shows a diff for it.
 * Identity fields, the endpoint and bucket names have stricter rules of their own.
 */
import { isUnknown } from "../model/unknownValue";
import { textProblem } from "../model/textRules";
import { CheckFailures, isObject, quote } from "./checkFailures";

/** Checked by their own rules (identityRules.ts, destinationRules.ts), or not sent at all. */
const OWN_RULES = new Set(["vendor", "region", "bucket", "endpoint", "adopt", "resourceId", "__provider", "destination.bucket"]);

function walk(value: unknown, path: string, f: CheckFailures): void {
  if (OWN_RULES.has(path) || isUnknown(value)) return;
  if (typeof value === "string") {
    const problem = textProblem(value);
    if (problem) f.add(path, `${quote(value)} ${problem}`);
  } else if (Array.isArray(value)) {
    for (const item of value) walk(item, path, f);
  } else if (isObject(value)) {
    for (const [key, inner] of Object.entries(value)) walk(inner, path === "" ? key : `${path}.${key}`, f);
  }
}

/** Adds a failure for each property holding a text the services cannot store unchanged. */
export function checkTexts(args: Record<string, unknown>, f: CheckFailures): void {
  walk(args, "", f);
}
