import { readFileSync } from "node:fs";
import type { ReportTarget } from "../provider/reports/reportCheck";

/** What a `pulumi stack export` resource needs for a check. */
interface ExportedResource {
  urn?: string;
  type?: string;
  created?: string;
  outputs?: Record<string, unknown>;
  inputs?: Record<string, unknown>;
}

/**
 * Every BucketInventory in a `pulumi stack export` document (a file, or "-" for stdin): its vendor, region, bucket,
 * inventory id and endpoint from the outputs (inputs as a fallback), and its `created` time, which tells a
 * configuration still inside its first-report window from one whose reports never came.
 */
export function stackTargets(path: string, readText: (path: string) => string = defaultRead): ReportTarget[] {
  let doc: unknown;
  try {
    doc = JSON.parse(readText(path));
  } catch (error) {
    throw new Error(`--stack ${path}: not a pulumi stack export (${(error as Error).message})`);
  }
  const resources = (doc as { deployment?: { resources?: unknown } })?.deployment?.resources;
  if (!Array.isArray(resources)) throw new Error(`--stack ${path}: no deployment.resources: is this \`pulumi stack export\` output?`);
  return (resources as ExportedResource[]).filter(isBucketInventory).map((r) => targetOf(r));
}

function isBucketInventory(r: ExportedResource): boolean {
  return typeof r.type === "string" && /(^|:)dynamic[:/]/.test(r.type) && /BucketInventory$/.test(r.type) && !/::pulumi:providers:/.test(r.urn ?? "");
}

function targetOf(r: ExportedResource): ReportTarget {
  const props = { ...(r.inputs ?? {}), ...(r.outputs ?? {}) };
  const text = (name: string) => (typeof props[name] === "string" ? (props[name] as string) : undefined);
  const name = r.urn?.split("::").at(-1) ?? "(unnamed)";
  const vendor = text("vendor");
  const region = text("region");
  const bucket = text("bucket");
  const inventoryId = text("inventoryId");
  if (!vendor || !region || !bucket || !inventoryId) {
    throw new Error(`stack resource ${name}: vendor, region, bucket and inventoryId are needed (secret or unknown values cannot be checked)`);
  }
  const created = r.created ? new Date(r.created) : undefined;
  return {
    vendor: vendor as ReportTarget["vendor"], region, bucket, inventoryId, endpoint: text("endpoint"), label: name,
    configuredAt: created && !Number.isNaN(created.getTime()) ? created : undefined,
  };
}

function defaultRead(path: string): string {
  return readFileSync(path === "-" ? 0 : path, "utf8");
}
