/**
 * Endpoints from stack configuration: `bucket-inventory:<vendor>Endpoint` (e.g. `ossEndpoint`) for one vendor,
 * `bucket-inventory:endpoint` for all four (the fake cloud serves every vendor on one port). A resource's own
 * `endpoint` argument wins over both.
 *
 * The configured endpoint is written into the resource's checked inputs, so it lands in state with the resource:
 * preview shows where each configuration goes, a changed endpoint host is a diff that replaces (the configuration
 * lives on the old service), and refresh and destroy go to the endpoint the resource was created on, whatever the
 * stack config says by then.
 */
import type { Vendor } from "../model/inventoryConfig";
import type { CheckResult } from "./check";
import { isVendor } from "./identityRules";

const NAMESPACE = "bucket-inventory";

/** Per-vendor stack-config keys (suffixes), checked before the shared `endpoint`. */
export const ENDPOINT_KEYS: Record<Vendor, string> = { oss: "ossEndpoint", cos: "cosEndpoint", obs: "obsEndpoint", s3: "s3Endpoint" };
export const SHARED_ENDPOINT_KEY = "endpoint";

/** Every endpoint key, fully qualified, for reading the stack config. */
export function endpointConfigKeys(): string[] {
  return [...Object.values(ENDPOINT_KEYS), SHARED_ENDPOINT_KEY].map((k) => `${NAMESPACE}:${k}`);
}

/** The endpoint stack config gives `vendor`, with the key it came from; `undefined` when none is set. */
export function configuredEndpoint(vendor: Vendor, stack: Readonly<Record<string, string | undefined>>): { endpoint: string; key: string } | undefined {
  for (const suffix of [ENDPOINT_KEYS[vendor], SHARED_ENDPOINT_KEY]) {
    const key = `${NAMESPACE}:${suffix}`;
    const value = stack[key]?.trim();
    if (value) return { endpoint: value, key };
  }
  return undefined;
}

/** Not given (null is how state says "not set"). An empty string is a value, which check refuses. */
function absent(value: unknown): boolean {
  return value === undefined || value === null;
}

/**
 * The inputs with the configured endpoint filled in where the program sets none, and the key it came from. The
 * vendor must be known to pick its key; otherwise the inputs pass as they are (check runs again once it is known).
 */
export function withConfiguredEndpoint(news: unknown, stack: Readonly<Record<string, string | undefined>>): { inputs: unknown; key?: string } {
  if (news === null || typeof news !== "object" || Array.isArray(news)) return { inputs: news };
  const raw = news as Record<string, unknown>;
  const vendor = typeof raw.vendor === "string" ? raw.vendor.trim().toLowerCase() : undefined;
  if (!absent(raw.endpoint) || !isVendor(vendor)) return { inputs: news };
  const found = configuredEndpoint(vendor, stack);
  return found ? { inputs: { ...raw, endpoint: found.endpoint }, key: found.key } : { inputs: news };
}

/** Failures on `endpoint` say which stack-config key the value came from, since the program does not show it. */
export function nameEndpointSource(result: CheckResult, key: string | undefined): CheckResult {
  if (key === undefined) return result;
  const failures = result.failures.map((f) => (f.property === "endpoint" ? { ...f, reason: `${f.reason} (set by stack config ${key})` } : f));
  return { ...result, failures };
}
