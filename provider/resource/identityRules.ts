/**
 * Static checks on where a configuration lives and what it is called: vendor, region, bucket, inventoryId,
 * endpoint, and argument names (a typo such as `optionalField` is caught, not silently dropped).
 */
import { VENDORS, type Vendor } from "../model/inventoryConfig";
import { isUnknown } from "../model/unknownValue";
import { bucketNameProblem } from "../model/bucketNames";
import { endpointForMessages } from "../model/normalize";
import { rulesFor } from "../model/vendorRules";
import { CheckFailures, isObject, known, oneOf, quote } from "./checkFailures";
import type { BucketInventoryInputs } from "./resourceArgs";

const ARGUMENTS = [
  "vendor", "region", "bucket", "inventoryId", "enabled", "destination", "filter", "schedule",
  "includedObjectVersions", "optionalFields", "incrementalInventory", "endpoint", "adopt", "resourceId", "__provider",
];
const NESTED: Record<string, string[]> = {
  destination: ["bucket", "prefix", "format", "accountId", "roleArn", "encryption"],
  filter: ["prefix", "lastModifyBeginTimeStamp", "lastModifyEndTimeStamp", "lowerSizeBound", "upperSizeBound", "storageClasses", "tags"],
  schedule: ["frequency"],
  incrementalInventory: ["enabled", "schedule", "optionalFields"],
};

export function isVendor(value: unknown): value is Vendor {
  return typeof value === "string" && (VENDORS as readonly string[]).includes(value);
}

/** A key as a property path segment: as written when it is a plain name, else quoted (so "" stays visible). */
const segment = (key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key));

function checkArgumentNames(raw: Record<string, unknown>, f: CheckFailures): void {
  for (const key of Object.keys(raw)) {
    if (!ARGUMENTS.includes(key)) f.add(segment(key), `is not an argument of BucketInventory; known arguments: ${ARGUMENTS.slice(0, -2).join(", ")}`);
  }
  for (const [parent, names] of Object.entries(NESTED)) {
    const value = raw[parent];
    if (!isObject(value)) continue;
    for (const key of Object.keys(value)) {
      if (!names.includes(key)) f.add(`${parent}.${segment(key)}`, `is not a member of ${parent}; known members: ${names.join(", ")}`);
    }
  }
}

function checkInventoryId(vendor: Vendor, id: unknown, f: CheckFailures): void {
  if (!known(id)) {
    if (id === undefined || id === null) f.add("inventoryId", "is required");
    return;
  }
  if (typeof id !== "string" || id === "") {
    f.add("inventoryId", `${quote(id)} is not a non-empty string`);
    return;
  }
  const rule = rulesFor(vendor);
  const length = [...id].length;
  if (rule.idRule.maxLength !== undefined && length > rule.idRule.maxLength) {
    f.add("inventoryId", `${quote(id)} is ${length} characters long; ${rule.label} allows at most ${rule.idRule.maxLength}`);
  }
  if (rule.idRule.pattern && !rule.idRule.pattern.test(id)) {
    f.add("inventoryId", `${quote(id)} has characters ${rule.label} does not allow; use ${rule.idRule.charsetText}`);
  }
}

/**
 * An http(s) origin and nothing more: a path or query would be dropped or mangled by path-style addressing, and
 * user info would put a password into the inputs (and the state). Failures never quote a password.
 */
function checkEndpoint(endpoint: unknown, f: CheckFailures): void {
  if (!known(endpoint)) return;
  const shown = typeof endpoint === "string" ? quote(endpointForMessages(endpoint)) : quote(endpoint);
  let url: URL | undefined;
  try {
    url = typeof endpoint === "string" ? new URL(endpoint) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
    f.add("endpoint", `${shown} is not an http(s) URL such as "http://127.0.0.1:9000"`);
    return;
  }
  if (url.username || url.password) {
    f.add("endpoint", `${shown} carries a user name or password; credentials go in stack config or the environment, never in the endpoint`);
  }
  // On the text as written: the URL parser folds "/%2e%2e/" or "/./" into "/", which would hide them.
  const rest = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*(.*)$/i.exec((endpoint as string).trim())?.[1] ?? "";
  const path = rest.replace(/[?#].*$/, "");
  const extras = [!/^\/*$/.test(path) && "a path", rest.includes("?") && "a query", rest.includes("#") && "a fragment"].filter(Boolean);
  if (extras.length > 0) {
    f.add("endpoint", `${shown} has ${extras.join(" and ")}; give the origin only, e.g. "${url.origin}" (buckets are addressed path-style under it)`);
  }
}

/** The bucket name against the vendor's rule (bucketNames.ts); the region, when valid, for COS's host-name length. */
function checkBucketName(vendor: Vendor, bucket: unknown, region: unknown, f: CheckFailures): void {
  if (bucket === undefined || bucket === null || bucket === "") {
    f.add("bucket", "is required");
    return;
  }
  if (!known(bucket)) return;
  if (typeof bucket !== "string") {
    f.add("bucket", `${quote(bucket)} is not a string`);
    return;
  }
  const problem = bucketNameProblem(vendor, bucket, typeof region === "string" && known(region) && !f.has("region") ? region : undefined);
  if (problem) f.add("bucket", `${quote(bucket)} ${problem}`);
}

/** Vendor, region, bucket, inventoryId, endpoint, adopt and argument names. Returns the vendor when it is valid. */
export function checkIdentity(raw: Record<string, unknown>, args: BucketInventoryInputs, f: CheckFailures): Vendor | undefined {
  checkArgumentNames(raw, f);
  const vendor = args.vendor as unknown;
  if (vendor === undefined || vendor === null) f.add("vendor", `is required; use ${oneOf(VENDORS)}`);
  else if (!isUnknown(vendor) && !isVendor(vendor)) f.add("vendor", `${quote(vendor)} is not supported; use ${oneOf(VENDORS)}`);

  const region = args.region as unknown;
  if (region === undefined || region === null || region === "") f.add("region", "is required");
  else if (known(region) && (typeof region !== "string" || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(region))) {
    f.add("region", `${quote(region)} is not a region id (lower-case letters, digits and '-', e.g. "cn-hangzhou")`);
  }

  const bucket = args.bucket as unknown;
  if (!isVendor(vendor)) {
    if (bucket === undefined || bucket === null || bucket === "") f.add("bucket", "is required");
    else if (known(bucket) && typeof bucket !== "string") f.add("bucket", `${quote(bucket)} is not a string`);
  } else checkBucketName(vendor, bucket, region, f);

  if (known(args.adopt) && typeof args.adopt !== "boolean") f.add("adopt", `${quote(args.adopt)} is not a boolean (true or false)`);
  checkEndpoint(raw.endpoint, f);
  if (!isVendor(vendor)) return undefined;
  checkInventoryId(vendor, args.inventoryId, f);
  return vendor;
}
