/**
 * The part of a `pulumi stack export` document drift needs: every BucketInventory the stack manages (its outputs,
 * which hold the service's view as of the last up or refresh), how many resources of other types it holds, and the
 * stack configuration the provider was last configured with (the `bucket-inventory:*` inputs of the dynamic
 * provider's default provider resource, which Pulumi records there and hands back to the provider on refresh).
 *
 * Anything that is not a complete export is refused with a StateInputError that says what is wrong and where.
 */
import { VENDORS } from "../../provider/model/inventoryConfig";
import { CONFIG_NAMESPACE } from "../../provider/resource/credentials";
import { identityOf } from "../../provider/resource/lifecycle";
import type { BucketInventoryInputs } from "../../provider/resource/resourceArgs";
import { ENCRYPTED, holdsEncrypted, revealSecrets } from "./stateSecrets";

/** The type token of a BucketInventory in state (a Pulumi dynamic resource of module "bucket-inventory"). */
export const INVENTORY_TYPE = "pulumi-nodejs:dynamic/bucket-inventory:BucketInventory";
const SUPPORTED_VERSIONS = [3, 4];
const IDENTITY = ["vendor", "region", "bucket", "inventoryId", "endpoint"] as const;

export class StateInputError extends Error {
  override readonly name = "StateInputError";
}

export interface ManagedInventory {
  urn: string;
  /** The resource's name in the program (the URN's last part). */
  name: string;
  /** Its outputs, normalized: the configuration as the service reported it when Pulumi last looked. */
  recorded: BucketInventoryInputs;
  /** Top-level members the export holds only encrypted (export with --show-secrets to compare them). */
  encrypted: string[];
}

export interface StackState {
  inventories: ManagedInventory[];
  /** Resources of every other type (the stack, providers, other packages' resources). */
  otherResources: number;
  /** `bucket-inventory:*` values the provider was configured with, where readable. */
  stackConfig: Record<string, string>;
  /** Such keys the export holds only encrypted. */
  encryptedConfigKeys: string[];
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

function parseJson(text: string, source: string): unknown {
  if (text.trim() === "") throw new StateInputError(`${source} is empty: expected the output of \`pulumi stack export\``);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new StateInputError(
      `${source} is not JSON (${(error as Error).message}); expected the complete output of \`pulumi stack export\`, which may have been cut short`,
    );
  }
}

function deploymentOf(doc: unknown, source: string): Record<string, unknown> {
  if (!isObject(doc) || !("deployment" in doc)) {
    throw new StateInputError(`${source} has no "deployment": expected the output of \`pulumi stack export\` ({"version": 3, "deployment": {...}})`);
  }
  if (!SUPPORTED_VERSIONS.includes(doc.version as number)) {
    throw new StateInputError(`${source}: "version" is ${JSON.stringify(doc.version)}; drift reads deployments of version ${SUPPORTED_VERSIONS.join(" or ")}, as \`pulumi stack export\` writes them`);
  }
  if (!isObject(doc.deployment)) throw new StateInputError(`${source}: "deployment" is not an object`);
  return doc.deployment;
}

function resourcesOf(deployment: Record<string, unknown>, source: string): Record<string, unknown>[] {
  const resources = deployment.resources ?? [];
  if (!Array.isArray(resources)) throw new StateInputError(`${source}: "deployment.resources" is not a list`);
  resources.forEach((r, i) => {
    if (!isObject(r) || typeof r.urn !== "string" || typeof r.type !== "string") {
      throw new StateInputError(`${source}: resource #${i + 1} has no "urn" and "type": not a resource as \`pulumi stack export\` writes it`);
    }
  });
  return resources as Record<string, unknown>[];
}

const nameOf = (urn: string): string => urn.split("::").slice(3).join("::") || urn;

function managedInventory(resource: Record<string, unknown>, source: string): ManagedInventory {
  const urn = resource.urn as string;
  const where = `${source}: BucketInventory ${urn}`;
  if (!isObject(resource.outputs)) throw new StateInputError(`${where} has no "outputs"`);
  const revealed = revealSecrets(resource.outputs) as Record<string, unknown>;
  const encrypted = Object.keys(revealed).filter((k) => holdsEncrypted(revealed[k])).sort();
  const readable = Object.fromEntries(Object.entries(revealed).filter(([k]) => !encrypted.includes(k)));
  const hidden = IDENTITY.filter((k) => encrypted.includes(k));
  if (hidden.includes("endpoint")) {
    throw new StateInputError(`${where}: its "endpoint" is encrypted in the export; export with \`pulumi stack export --show-secrets\``);
  }
  const recorded = identityOf(typeof resource.id === "string" ? resource.id : "", readable);
  const problem = identityProblem(recorded);
  if (problem) throw new StateInputError(`${where}: ${problem}`);
  return { urn, name: nameOf(urn), recorded, encrypted };
}

function identityProblem(args: BucketInventoryInputs): string | undefined {
  if (!(VENDORS as readonly unknown[]).includes(args.vendor)) return `"vendor" is ${JSON.stringify(args.vendor) ?? "missing"}; expected one of ${VENDORS.join(", ")}`;
  for (const key of ["region", "bucket", "inventoryId"] as const) {
    if (typeof args[key] !== "string" || args[key] === "") return `"${key}" is ${JSON.stringify(args[key]) ?? "missing"}; expected a non-empty string`;
  }
  if (args.endpoint !== undefined && typeof args.endpoint !== "string") return `"endpoint" is ${JSON.stringify(args.endpoint)}; expected a URL`;
  return undefined;
}

/** The provider's stack config: the `bucket-inventory:*` inputs of the provider the inventories use. */
function providerConfig(resources: Record<string, unknown>[], inventories: Record<string, unknown>[]): Pick<StackState, "stackConfig" | "encryptedConfigKeys"> {
  const reference = inventories.map((r) => r.provider).find((p) => typeof p === "string");
  const provider =
    resources.find((r) => typeof reference === "string" && `${r.urn}::${r.id}` === reference) ??
    resources.find((r) => r.type === "pulumi:providers:pulumi-nodejs" && nameOf(r.urn as string) === "default");
  const stackConfig: Record<string, string> = {};
  const encryptedConfigKeys: string[] = [];
  const inputs = isObject(provider?.inputs) ? provider.inputs : {};
  for (const [key, raw] of Object.entries(inputs)) {
    if (!key.startsWith(`${CONFIG_NAMESPACE}:`)) continue;
    const value = revealSecrets(raw);
    if (value === ENCRYPTED) encryptedConfigKeys.push(key);
    else if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") stackConfig[key] = String(value);
  }
  return { stackConfig, encryptedConfigKeys: encryptedConfigKeys.sort() };
}

/** Reads `pulumi stack export` output; `source` names it in errors ("state.json", "standard input"). */
export function readStackState(text: string, source: string): StackState {
  const deployment = deploymentOf(parseJson(text, source), source);
  const resources = resourcesOf(deployment, source);
  // A resource marked `delete` is an old copy the engine has yet to delete after a replacement: not managed.
  const ours = resources.filter((r) => r.type === INVENTORY_TYPE && r.delete !== true);
  return {
    inventories: ours.map((r) => managedInventory(r, source)),
    otherResources: resources.filter((r) => r.type !== INVENTORY_TYPE).length,
    ...providerConfig(resources, ours),
  };
}
