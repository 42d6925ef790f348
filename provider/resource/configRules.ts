/**
 * Static checks on the configuration itself, per vendor (provider/model/vendorRules.ts): enabled, schedule,
 * versions, optional fields, filter (members the vendor has, OSS ranges and regions, ordering), incremental
 * inventory (OSS, Mexico, 600 s). The destination has its own file. Unknown values are skipped, never failed.
 */
import { FREQUENCIES, OBJECT_VERSIONS, type Vendor } from "../model/inventoryConfig";
import { OSS_MAX_SIZE_BOUND, OSS_MIN_SIZE_BOUND, OSS_TIMESTAMP_RANGE, rulesFor, type VendorRules } from "../model/vendorRules";
import { CheckFailures, article, isObject, known, oneOf, quote, bare } from "./checkFailures";
import type { BucketInventoryInputs } from "./resourceArgs";

function checkEnum(property: string, value: unknown, allowed: readonly string[], label: string, f: CheckFailures): void {
  if (!known(value)) return;
  if (typeof value !== "string" || !allowed.includes(value)) {
    f.add(property, `${quote(value)} is not supported by ${label}; use ${oneOf(allowed)}`);
  }
}

export function checkFieldList(property: string, value: unknown, allowed: readonly string[], what: string, f: CheckFailures): void {
  if (!known(value)) return;
  if (!Array.isArray(value)) {
    f.add(property, `${quote(value)} is not a list of field names`);
    return;
  }
  for (const field of value) {
    if (known(field) && (typeof field !== "string" || !allowed.includes(field))) {
      f.add(property, `${quote(field)} is not ${what}; use any of ${allowed.join(", ")}`);
    }
  }
}

function checkInteger(property: string, value: unknown, f: CheckFailures): value is number {
  if (!known(value)) return false;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    f.add(property, `${quote(value)} is not a whole number of ${property.endsWith("Bound") ? "bytes" : "seconds"} (0 or more)`);
    return false;
  }
  return true;
}

function checkFilterMembers(rules: VendorRules, region: unknown, filter: Record<string, unknown>, f: CheckFailures): void {
  const groups: [string, "time" | "size" | "storageClasses" | "tags", string][] = [
    ["lastModifyBeginTimeStamp", "time", "a last-modified filter"],
    ["lastModifyEndTimeStamp", "time", "a last-modified filter"],
    ["lowerSizeBound", "size", "a size filter"],
    ["upperSizeBound", "size", "a size filter"],
    ["storageClasses", "storageClasses", "a storage-class filter"],
    ["tags", "tags", "a tag filter"],
  ];
  for (const [member, group, what] of groups) {
    if (filter[member] === undefined) continue;
    if (!rules.filterFields.includes(group)) {
      f.add(`filter.${member}`, `${rules.label} has no ${what.slice(2)}; remove filter.${member}`);
    } else if (group !== "tags" && rules.advancedFilterRegions && typeof region === "string" && known(region) && !rules.advancedFilterRegions.includes(region as string)) {
      const regions = rules.advancedFilterRegions;
      f.add(
        `filter.${member}`,
        `${quote(filter[member])} cannot be used in ${bare(region)}; ${rules.label} offers the last-modified, size and ` +
          `storage-class filters only in ${regions.slice(0, -1).join(", ")} and ${regions[regions.length - 1]}`,
      );
    }
  }
}

function checkFilterValues(rules: VendorRules, filter: Record<string, unknown>, f: CheckFailures): void {
  if (known(filter.prefix) && typeof filter.prefix !== "string") f.add("filter.prefix", `${quote(filter.prefix)} is not a string`);
  const begin = filter.lastModifyBeginTimeStamp;
  const end = filter.lastModifyEndTimeStamp;
  for (const [name, value] of [["lastModifyBeginTimeStamp", begin], ["lastModifyEndTimeStamp", end]] as const) {
    if (!checkInteger(`filter.${name}`, value, f) || rules.vendor !== "oss") continue;
    if (value < OSS_TIMESTAMP_RANGE.min || value > OSS_TIMESTAMP_RANGE.max) {
      f.add(`filter.${name}`, `${value} is outside [${OSS_TIMESTAMP_RANGE.min}, ${OSS_TIMESTAMP_RANGE.max}], the epoch seconds OSS accepts`);
    }
  }
  if (typeof begin === "number" && typeof end === "number" && begin > end) {
    f.add("filter.lastModifyEndTimeStamp", `${end} is before filter.lastModifyBeginTimeStamp ${begin}; the range must be ordered`);
  }
  const lower = filter.lowerSizeBound;
  const upper = filter.upperSizeBound;
  for (const [name, value] of [["lowerSizeBound", lower], ["upperSizeBound", upper]] as const) {
    if (!checkInteger(`filter.${name}`, value, f)) continue;
    if (value > OSS_MAX_SIZE_BOUND) {
      f.add(`filter.${name}`, `${value} is above ${OSS_MAX_SIZE_BOUND} bytes (48.8 TB), the most ${rules.label} accepts`);
    } else if (value < OSS_MIN_SIZE_BOUND[name]) {
      f.add(`filter.${name}`, `${value} is not allowed; ${rules.label} takes an upper size bound greater than 0 bytes`);
    }
  }
  if (typeof lower === "number" && typeof upper === "number" && lower > upper) {
    f.add("filter.upperSizeBound", `${upper} is below filter.lowerSizeBound ${lower}; the bounds must be ordered`);
  }
  if (rules.storageClasses.length > 0) {
    checkFieldList("filter.storageClasses", filter.storageClasses, rules.storageClasses, `${article(rules.label)} storage class`, f);
  }
}

function checkIncremental(rules: VendorRules, region: unknown, inc: unknown, f: CheckFailures): void {
  if (inc === undefined || !known(inc)) return;
  if (!rules.incremental) {
    f.add("incrementalInventory", `${rules.label} has no incremental inventory (OSS only); remove incrementalInventory`);
    return;
  }
  if (!isObject(inc)) {
    f.add("incrementalInventory", `${quote(inc)} is not an object { enabled, schedule: { frequency: 600 }, optionalFields }`);
    return;
  }
  if (typeof region === "string" && known(region) && !rules.incremental.regions.includes(region)) {
    f.add(
      "incrementalInventory",
      `is not available in ${bare(region)}; ${rules.label} offers incremental inventory only in ` +
        `${rules.incremental.regions.join(", ")} (Mexico), to allow-listed accounts`,
    );
  }
  if (known(inc.enabled) && typeof inc.enabled !== "boolean") f.add("incrementalInventory.enabled", `${quote(inc.enabled)} is not a boolean (true or false)`);
  const frequency = isObject(inc.schedule) ? inc.schedule.frequency : inc.schedule;
  if (known(frequency) && frequency !== rules.incremental.frequencySeconds) {
    f.add(
      "incrementalInventory.schedule.frequency",
      `${quote(frequency)} is not allowed; ${rules.label} runs incremental inventory every ${rules.incremental.frequencySeconds} seconds only`,
    );
  }
  checkFieldList("incrementalInventory.optionalFields", inc.optionalFields, rules.incremental.optionalFields, `${article(rules.label)} incremental inventory field`, f);
}

/** Every static rule on the configuration part of `args` for `vendor`. */
export function checkConfig(vendor: Vendor, args: BucketInventoryInputs, f: CheckFailures): void {
  const rules = rulesFor(vendor);
  const a = args as unknown as Record<string, unknown>;
  if (known(a.enabled) && typeof a.enabled !== "boolean") f.add("enabled", `${quote(a.enabled)} is not a boolean (true or false)`);

  const schedule = a.schedule;
  if (schedule === undefined || schedule === null) f.add("schedule", `is required, e.g. { frequency: "Daily" }`);
  else if (known(schedule) && !isObject(schedule)) f.add("schedule", `${quote(schedule)} is not an object { frequency }`);
  else if (isObject(schedule)) {
    if (schedule.frequency === undefined || schedule.frequency === null) f.add("schedule.frequency", `is required; use ${oneOf(rules.frequencies)}`);
    else if (known(schedule.frequency) && !(FREQUENCIES as readonly unknown[]).includes(schedule.frequency)) {
      f.add("schedule.frequency", `${quote(schedule.frequency)} is not supported by ${rules.label}; use ${oneOf(rules.frequencies)}`);
    } else checkEnum("schedule.frequency", schedule.frequency, rules.frequencies, rules.label, f);
  }
  checkEnum("includedObjectVersions", a.includedObjectVersions, OBJECT_VERSIONS, rules.label, f);
  checkFieldList("optionalFields", a.optionalFields, rules.optionalFields, `${article(rules.label)} optional field`, f);

  const filter = a.filter;
  if (known(filter) && !isObject(filter)) f.add("filter", `${quote(filter)} is not an object { prefix, ... }`);
  else if (isObject(filter)) {
    checkFilterMembers(rules, a.region, filter, f);
    checkFilterValues(rules, filter, f);
  }
  checkIncremental(rules, a.region, a.incrementalInventory, f);
}
