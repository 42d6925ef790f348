/**
 * fast-check arbitraries for valid inventory configurations and resource arguments, per vendor. "Valid" means what
 * the vendor's rules (provider/model/vendorRules.ts, VENDORS.md §3) accept; texts carry XML markup, `]]>`,
 * `/ : # @ ?`, non-ASCII, astral characters and edge spaces, ids and prefixes reach the length limits, numbers
 * include 0, and placements (placementArbitraries.ts) vary bucket, region, account, endpoint and the destination's
 * spelling, so the wire mapping and the checks are exercised on the whole of what is allowed.
 */
import fc from "fast-check";
import type { InventoryConfig, Vendor } from "../../../provider/model/inventoryConfig";
import { OSS_MAX_SIZE_BOUND, OSS_TIMESTAMP_RANGE, rulesFor } from "../../../provider/model/vendorRules";
import { placementArbitrary, validText, type Placement } from "./placementArbitraries";

export type { Placement } from "./placementArbitraries";

const text = (min: number, max: number) => validText(max).filter((s) => [...s].length >= min);

const SIMPLE_ID_CHARS = [..."abcdefghijklmnopqrstuvwxyzABCXYZ0123456789-_."];
/** Object key prefixes may be long; 192 covers OSS's id limit and is past every other. */
const PREFIX_MAX = 192;

/**
 * Ids the vendor accepts, up to and at its length limit. OSS limits only the length; ids are trimmed by every
 * reader, so none has edge spaces. COS documents no length: ids go past 64 to show none is imposed.
 */
export function inventoryIdArbitrary(vendor: Vendor): fc.Arbitrary<string> {
  const rule = rulesFor(vendor).idRule;
  const maxLength = rule.maxLength ?? 100;
  if (!rule.pattern) return validText(maxLength).map((s) => s.trim()).filter((s) => s !== "" && [...s].length <= maxLength);
  const short = fc.string({ unit: fc.constantFrom(...SIMPLE_ID_CHARS), minLength: 1, maxLength: 12 });
  const full = fc.string({ unit: fc.constantFrom(...SIMPLE_ID_CHARS), minLength: maxLength, maxLength });
  return fc.oneof({ weight: 2, arbitrary: short }, { weight: 1, arbitrary: full });
}

function ordered(a: number, b: number): [number, number] {
  return a <= b ? [a, b] : [b, a];
}

/**
 * Filter members the vendor has; `advanced` switches on OSS's region-gated time/size/storage-class filters. A lower
 * size bound may be 0 (seed 004: "0 B to 48.8 TB"); the upper one is at least 1.
 */
function filterArbitrary(vendor: Vendor, advanced: boolean): fc.Arbitrary<InventoryConfig["filter"]> {
  const rules = rulesFor(vendor);
  const has = (f: "time" | "size" | "storageClasses" | "tags") => rules.filterFields.includes(f) && advanced;
  const epoch = fc.integer({ min: OSS_TIMESTAMP_RANGE.min, max: 4_102_444_800 });
  const bytes = (min: number) => fc.integer({ min, max: Math.floor(OSS_MAX_SIZE_BOUND) });
  const classes = rules.storageClasses;
  return fc
    .record(
      {
        prefix: text(1, PREFIX_MAX),
        time: has("time") ? fc.tuple(epoch, epoch).map(([a, b]) => ordered(a, b)) : fc.constant(undefined),
        size: has("size") ? fc.tuple(bytes(0), bytes(1)).map(([a, b]) => ordered(a, b)) : fc.constant(undefined),
        storageClasses: has("storageClasses") ? fc.subarray([...classes], { minLength: 1 }) : fc.constant(undefined),
      },
      { requiredKeys: [] },
    )
    .map((f) => {
      const out: NonNullable<InventoryConfig["filter"]> = {};
      if (f.prefix !== undefined) out.prefix = f.prefix;
      if (f.time) [out.lastModifyBeginTimeStamp, out.lastModifyEndTimeStamp] = f.time;
      if (f.size) [out.lowerSizeBound, out.upperSizeBound] = f.size;
      if (f.storageClasses) out.storageClasses = f.storageClasses;
      return Object.keys(out).length > 0 ? out : undefined;
    });
}

function encryptionArbitrary(vendor: Vendor): fc.Arbitrary<InventoryConfig["destination"]["encryption"]> {
  const keyId = fc.string({ unit: fc.constantFrom(..."abc012:/-_"), minLength: 1, maxLength: 30 }).filter((k) => k.trim() !== "");
  const options: fc.Arbitrary<InventoryConfig["destination"]["encryption"]>[] = [fc.constant(undefined)];
  for (const kind of rulesFor(vendor).encryptions) {
    if (kind === "sseKms") options.push(keyId.map((k) => ({ sseKms: { keyId: k } })));
    else options.push(fc.constant({ [kind]: {} }));
  }
  return fc.oneof(...options);
}

/** The default fake seed (tests/fake/defaultSeed.json): same region, same account. */
export const SEED_PLACEMENT: Record<Vendor, Placement> = {
  oss: {
    region: "cn-hangzhou",
    bucket: "photos",
    destinationBucket: "reports",
    accountId: "1000000000000001",
    roleArn: "acs:ram::1000000000000001:role/AliyunOSSRole",
  },
  cos: { region: "ap-guangzhou", bucket: "photos-1250000000", destinationBucket: "reports-1250000000", accountId: "100000000001" },
  obs: { region: "cn-north-4", bucket: "photos", destinationBucket: "reports" },
  s3: { region: "us-east-1", bucket: "photos", destinationBucket: "reports", accountId: "111111111111" },
};

export interface ConfigOptions {
  /** OSS time/size/storage-class filters (only in cn-qingdao, cn-huhehaote, eu-central-1). */
  advancedFilters?: boolean;
  /** OSS incremental inventory (Mexico, allow-listed accounts). */
  incremental?: boolean;
}

/** A valid configuration for `vendor` placed as `place` says; not yet normalized. */
export function configArbitrary(vendor: Vendor, place: Placement, options: ConfigOptions = {}): fc.Arbitrary<InventoryConfig> {
  const rules = rulesFor(vendor);
  const inc = rules.incremental;
  return fc
    .record({
      id: inventoryIdArbitrary(vendor),
      enabled: fc.boolean(),
      filter: filterArbitrary(vendor, options.advancedFilters ?? false),
      prefix: fc.option(text(1, PREFIX_MAX), { nil: undefined }),
      format: fc.constantFrom(...rules.formats),
      withAccount: rules.accountId === "optional" ? fc.boolean() : fc.constant(rules.accountId === "required"),
      encryption: encryptionArbitrary(vendor),
      frequency: fc.constantFrom(...rules.frequencies),
      versions: fc.constantFrom("All" as const, "Current" as const),
      optionalFields: fc.shuffledSubarray([...rules.optionalFields]),
      incremental:
        inc && options.incremental
          ? fc.option(fc.record({ enabled: fc.boolean(), fields: fc.subarray([...inc.optionalFields], { minLength: 1 }) }), { nil: undefined })
          : fc.constant(undefined),
    })
    .map((r) => {
      const config: InventoryConfig = {
        id: r.id,
        enabled: r.enabled,
        destination: { bucket: place.destinationBucket, format: r.format },
        schedule: { frequency: r.frequency },
        includedObjectVersions: r.versions,
        optionalFields: r.optionalFields,
      };
      if (r.filter) config.filter = r.filter;
      if (r.prefix !== undefined) config.destination.prefix = r.prefix;
      if (r.withAccount && place.accountId) config.destination.accountId = place.accountId;
      if (rules.roleArn === "required" && place.roleArn) config.destination.roleArn = place.roleArn;
      if (r.encryption) config.destination.encryption = r.encryption;
      if (r.incremental) {
        config.incrementalInventory = { enabled: r.incremental.enabled, schedule: { frequency: 600 }, optionalFields: r.incremental.fields };
      }
      return config;
    });
}

/** Resource arguments (what a program passes to `new BucketInventory`) for a valid configuration. */
export function argsArbitrary(vendor: Vendor, place: Placement = SEED_PLACEMENT[vendor], options: ConfigOptions = {}): fc.Arbitrary<Record<string, unknown>> {
  return configArbitrary(vendor, place, options).map(({ id, ...config }) => {
    const args: Record<string, unknown> = { vendor, region: place.region, bucket: place.bucket, inventoryId: id, ...config };
    if (place.endpoint) args.endpoint = place.endpoint;
    return args;
  });
}

/**
 * Resource arguments anywhere the vendor allows: random placement (bucket, region, account, endpoint, destination
 * spelling) and configuration; OSS's gated features only where they are offered.
 */
export function anywhereArgsArbitrary(vendor: Vendor): fc.Arbitrary<Record<string, unknown>> {
  if (vendor !== "oss") return placementArbitrary(vendor).chain((place) => argsArbitrary(vendor, place, { advancedFilters: true }));
  return fc.oneof(
    placementArbitrary("oss").chain((place) => argsArbitrary("oss", place)),
    fc.constantFrom("cn-qingdao", "cn-huhehaote", "eu-central-1").chain((r) => placementArbitrary("oss", r)).chain((place) => argsArbitrary("oss", place, { advancedFilters: true })),
    placementArbitrary("oss", "na-south-1").chain((place) => argsArbitrary("oss", place, { incremental: true })),
  );
}
