/**
 * create, read and delete of one inventory configuration through an InventoryClient (update is in
 * updateInventory.ts). create never overwrites a configuration it did not make: it probes first, and with
 * `adopt` it takes the existing one over as it is, so the next preview shows how it differs from the program.
 */
import type { InventoryClient } from "../client/inventoryClient";
import { BucketInventoryError, InputError, NotFoundError } from "../errors";
import type { BucketRef, InventoryConfig } from "../model/inventoryConfig";
import { normalizeConfig } from "../model/normalize";
import { rulesFor } from "../model/vendorRules";
import { quote } from "./checkFailures";
import { deepEqual } from "./diff";
import { contextOf, inContext, recordedFailure, step } from "./operationErrors";
import {
  bucketRefOf, configOf, inputsOfOutputs, normalizeArgs, outputsOf, parseResourceId, resourceIdOfArgs,
  type BucketInventoryInputs, type BucketInventoryOutputs,
} from "./resourceArgs";

export interface LifecycleOptions {
  /** Read-after-write: how often and how long to wait for the service to show what was put. */
  readBack?: { attempts: number; delayMs: number };
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_READ_BACK = { attempts: 6, delayMs: 250 };
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function sameConfig(vendor: BucketRef["vendor"], a: InventoryConfig, b: InventoryConfig): boolean {
  return deepEqual(normalizeConfig(vendor, a), normalizeConfig(vendor, b));
}

/**
 * Reads what was just put, waiting with doubling delays while the service does not show it yet (or still shows
 * an older version). Returns the service's view; `undefined` when it never appeared.
 */
export async function readBack(client: InventoryClient, ref: BucketRef, put: InventoryConfig, options: LifecycleOptions): Promise<InventoryConfig | undefined> {
  const { attempts, delayMs } = options.readBack ?? DEFAULT_READ_BACK;
  const sleep = options.sleep ?? defaultSleep;
  let seen: InventoryConfig | undefined;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    seen = await client.getInventory(ref, put.id);
    if (seen && sameConfig(ref.vendor, seen, put)) return seen;
    if (attempt < attempts) await sleep(delayMs * 2 ** (attempt - 1));
  }
  return seen;
}

/** After a successful put: read back and build outputs; a failure here still records the resource. */
export async function settle(client: InventoryClient, args: BucketInventoryInputs, context: string, options: LifecycleOptions): Promise<BucketInventoryOutputs> {
  const config = configOf(args);
  const written = outputsOf(args, config);
  let seen: InventoryConfig | undefined;
  try {
    seen = await readBack(client, bucketRefOf(args), config, options);
  } catch (error) {
    const e = inContext(error, `${context}: the configuration was written, but reading it back failed`);
    throw recordedFailure(e, written.resourceId, written);
  }
  if (!seen) {
    const e = new Error(`${context}: the configuration was written, but the service did not show it when read back; run \`pulumi refresh\``);
    throw recordedFailure(e, written.resourceId, written);
  }
  return outputsOf(args, seen);
}

export async function createInventory(client: InventoryClient, inputs: unknown, options: LifecycleOptions = {}): Promise<{ id: string; outs: BucketInventoryOutputs }> {
  const args = normalizeArgs(inputs);
  const ref = bucketRefOf(args);
  const id = resourceIdOfArgs(args);
  const context = contextOf("creating", id);
  const existing = await step(context, () => client.getInventory(ref, args.inventoryId));
  if (existing) {
    if (args.adopt !== true) {
      const reason =
        `${quote(args.inventoryId)} already exists on ${rulesFor(args.vendor).label} bucket ${quote(args.bucket)} and this stack did not make it, ` +
        "so it is left untouched; to manage it from this stack set adopt: true (it is taken over as it is, and the next preview " +
        "shows how it differs from your program), or choose another inventoryId";
      throw inContext(new InputError("inventoryId", reason), context);
    }
    return { id, outs: outputsOf(args, existing) };
  }
  await putRecordingUncertain(client, args, context);
  return { id, outs: await settle(client, args, context, options) };
}

/**
 * The create's put. A put that failed in a way that may still have landed (timeout, cut connection, 5xx: the
 * retryable failures, whose fate is unknown) is recorded: Pulumi keeps the resource, so the next `pulumi up`
 * updates it, or creates it if it never landed, instead of finding an orphan it refuses to overwrite.
 */
async function putRecordingUncertain(client: InventoryClient, args: BucketInventoryInputs, context: string): Promise<void> {
  try {
    await client.putInventory(bucketRefOf(args), configOf(args));
  } catch (error) {
    const e = inContext(error, context);
    if (!(error instanceof BucketInventoryError && error.retryable)) throw e;
    const intended = outputsOf(args, configOf(args));
    const recorded = recordedFailure(e, intended.resourceId, intended);
    recorded.reasons.push("the service may still have stored the configuration, so the resource is kept in state; run `pulumi up` again");
    throw recorded;
  }
}

/** Identity from the properties, or from the id when a property set lacks it. */
export function identityOf(id: string, props: unknown): BucketInventoryInputs {
  const args = normalizeArgs(props);
  const parsed = parseResourceId(id);
  if (parsed && (!args.vendor || !args.bucket || !args.inventoryId)) {
    return normalizeArgs({ ...(props as object), ...parsed, vendor: parsed.vendor });
  }
  return args;
}

export interface ReadOutcome {
  id: string;
  props?: BucketInventoryOutputs;
  inputs?: BucketInventoryInputs;
}

/** Refresh: the service's view as outputs and inputs; gone (configuration or bucket) → empty id. */
export async function readInventory(client: InventoryClient, id: string, props: unknown): Promise<ReadOutcome> {
  const args = identityOf(id, props);
  const context = contextOf("reading", resourceIdOfArgs(args));
  const seen = await step(context, () => client.getInventory(bucketRefOf(args), args.inventoryId));
  if (!seen) return { id: "" };
  const outs = outputsOf(args, seen);
  return { id: outs.resourceId, props: outs, inputs: inputsOfOutputs(outs) };
}

/** Idempotent: a configuration (or bucket) already gone is success. */
export async function deleteInventory(client: InventoryClient, id: string, props: unknown): Promise<void> {
  const args = identityOf(id, props);
  const context = contextOf("deleting", resourceIdOfArgs(args));
  try {
    await client.deleteInventory(bucketRefOf(args), args.inventoryId);
  } catch (error) {
    if (error instanceof NotFoundError) return;
    throw inContext(error, context);
  }
}
