/**
 * The resource's inputs and outputs as plain data (what Pulumi state holds), and the mapping to and from the
 * vendor-neutral model. The configuration part has the model's shape; the resource adds where it lives (vendor,
 * region, bucket, endpoint), `inventoryId` for the model's `id` (Pulumi drops an input named `id`), `adopt`, and
 * the computed `resourceId`.
 */
import type { BucketRef, InventoryConfig, Vendor } from "../model/inventoryConfig";
import { resourceIdOf } from "../model/inventoryConfig";
import { normalizeBoolean, normalizeConfig, normalizeEndpoint, normalizeRegion } from "../model/normalize";
import { isUnknown } from "../model/unknownValue";

type ConfigPart = Omit<InventoryConfig, "id">;

export interface BucketInventoryInputs extends ConfigPart {
  vendor: Vendor;
  region: string;
  bucket: string;
  inventoryId: string;
  endpoint?: string;
  /** Take over a configuration that already exists with this id instead of failing. */
  adopt?: boolean;
}

export interface BucketInventoryOutputs extends Omit<BucketInventoryInputs, "adopt"> {
  /** `<vendor>:<region>:<bucket>:<inventoryId>`, also the Pulumi id. */
  resourceId: string;
}

/** Properties that are never compared or sent: Pulumi's serialized provider and our computed id. */
export const BOOKKEEPING_KEYS = ["__provider", "resourceId"] as const;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * The canonical form of resource inputs or outputs: identity fields trimmed and lower-cased where the services
 * treat them so (vendor, region; OSS's `oss-` region prefix dropped), endpoint without a trailing slash, the
 * configuration normalized for the vendor. Bookkeeping keys are dropped. Unknown values pass through.
 */
export function normalizeArgs(raw: unknown): BucketInventoryInputs {
  if (!isObject(raw)) return {} as BucketInventoryInputs;
  const vendor = typeof raw.vendor === "string" && !isUnknown(raw.vendor) ? raw.vendor.trim().toLowerCase() : raw.vendor;
  const { id: inventoryId, ...config } = normalizeConfig(vendor as Vendor, { ...raw, id: raw.inventoryId });
  const out: Record<string, unknown> = {
    vendor,
    region: normalizeRegion(vendor, raw.region),
    bucket: typeof raw.bucket === "string" && !isUnknown(raw.bucket) ? raw.bucket.trim() : raw.bucket,
    inventoryId,
    ...config,
    endpoint: normalizeEndpoint(raw.endpoint),
    adopt: normalizeBoolean(raw.adopt),
  };
  for (const key of Object.keys(out)) if (out[key] === undefined || out[key] === null) delete out[key];
  return out as unknown as BucketInventoryInputs;
}

export function bucketRefOf(args: Pick<BucketInventoryInputs, "vendor" | "region" | "bucket" | "endpoint">): BucketRef {
  const ref: BucketRef = { vendor: args.vendor, region: args.region, bucket: args.bucket };
  if (args.endpoint !== undefined) ref.endpoint = args.endpoint;
  return ref;
}

const NOT_CONFIG = new Set(["vendor", "region", "bucket", "inventoryId", "endpoint", "adopt", ...BOOKKEEPING_KEYS]);

/** The configuration to send: the model's shape with `id`. */
export function configOf(args: BucketInventoryInputs): InventoryConfig {
  const config: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) if (!NOT_CONFIG.has(key)) config[key] = value;
  return { ...config, id: args.inventoryId } as unknown as InventoryConfig;
}

export function resourceIdOfArgs(args: Pick<BucketInventoryInputs, "vendor" | "region" | "bucket" | "inventoryId">): string {
  return resourceIdOf({ vendor: args.vendor, region: args.region, bucket: args.bucket }, args.inventoryId);
}

/** Outputs: where it lives (from the inputs) plus the configuration as the service reports it, normalized. */
export function outputsOf(identity: BucketInventoryInputs, reported: InventoryConfig): BucketInventoryOutputs {
  const { id, ...config } = normalizeConfig(identity.vendor, reported);
  void id;
  const out: BucketInventoryOutputs = {
    vendor: identity.vendor,
    region: identity.region,
    bucket: identity.bucket,
    inventoryId: identity.inventoryId,
    ...config,
    resourceId: resourceIdOfArgs(identity),
  };
  if (identity.endpoint !== undefined) out.endpoint = identity.endpoint;
  return out;
}

/** The inputs a refresh reports: the outputs without computed members, keeping the user's `adopt`. */
export function inputsOfOutputs(outputs: BucketInventoryOutputs, adopt?: boolean): BucketInventoryInputs {
  const { resourceId, ...inputs } = outputs;
  void resourceId;
  return adopt === undefined ? inputs : { ...inputs, adopt };
}

/** `oss:cn-hangzhou:photos:daily` back into its parts (bucket names never contain ":"; ids may). */
export function parseResourceId(id: string): { vendor: string; region: string; bucket: string; inventoryId: string } | undefined {
  const m = /^([^:]+):([^:]+):([^:]+):(.+)$/.exec(id);
  return m ? { vendor: m[1], region: m[2], bucket: m[3], inventoryId: m[4] } : undefined;
}
