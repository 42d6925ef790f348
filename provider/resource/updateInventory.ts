/**
 * update: one put of the full new configuration where the vendor's put overwrites (COS, OBS, S3). OSS refuses a
 * put on an existing id (409 InventoryAlreadyExist), so there it must delete then put. To keep that window safe:
 * first the new configuration is put on the existing id as a probe — the service checks it and answers 409,
 * changing nothing — so a configuration it refuses, or a put path that is down, fails the update before anything
 * is deleted. A delete whose answer was lost is looked up before going on. If the final put still fails, the
 * configuration the service held before is put back, and the error reports what the bucket really holds.
 */
import type { InventoryClient } from "../client/inventoryClient";
import { BucketInventoryError, ConflictError, ThrottledError } from "../errors";
import type { BucketRef, InventoryConfig } from "../model/inventoryConfig";
import { rulesFor } from "../model/vendorRules";
import { type LifecycleOptions, sameConfig, settle } from "./lifecycle";
import { bareMessage, contextOf, inContext, recordedFailure, step } from "./operationErrors";
import {
  bucketRefOf, configOf, normalizeArgs, outputsOf, resourceIdOfArgs, type BucketInventoryOutputs, type BucketInventoryInputs,
} from "./resourceArgs";

const isAlreadyExists = (error: unknown) => error instanceof ConflictError && /AlreadyExist/i.test(error.vendorCode);

/** The failure, said with what the bucket still holds: nothing was changed. */
function untouched(error: unknown, context: string): Error {
  return inContext(new Error(`${bareMessage(error)}; the configuration was left as it was`, { cause: error }), context);
}

/** A put that finds the id taken by exactly this configuration (an earlier attempt of ours landed) succeeded. */
async function putOrConfirm(client: InventoryClient, ref: BucketRef, config: InventoryConfig): Promise<void> {
  try {
    await client.putInventory(ref, config);
  } catch (error) {
    if (!isAlreadyExists(error)) throw error;
    const stored = await client.getInventory(ref, config.id);
    if (!stored || !sameConfig(ref.vendor, stored, config)) throw error;
  }
}

/**
 * OSS: the service checks the new configuration and refuses it only for its id (409), changing nothing. A success
 * (the id was gone meanwhile, or an answer that only looked like success) is fine too: the delete and put that
 * follow settle it either way.
 */
async function probe(client: InventoryClient, ref: BucketRef, next: InventoryConfig, context: string): Promise<void> {
  try {
    await client.putInventory(ref, next);
  } catch (error) {
    if (!isAlreadyExists(error)) throw untouched(error, context);
  }
}

/** Deletes for the replacement; a failure whose outcome is unknown is settled by looking. */
async function deleteForReplace(client: InventoryClient, ref: BucketRef, id: string, context: string): Promise<void> {
  try {
    await client.deleteInventory(ref, id);
  } catch (error) {
    let still: InventoryConfig | undefined;
    try {
      still = await client.getInventory(ref, id);
    } catch {
      throw inContext(new Error(`${bareMessage(error)}; whether the configuration is still there is unknown: run \`pulumi refresh\``, { cause: error }), context);
    }
    if (still) throw untouched(error, context);
  }
}

/** Probe, delete, put; the previous configuration is put back when the put fails. */
async function replaceConfiguration(client: InventoryClient, args: BucketInventoryInputs, context: string): Promise<void> {
  const ref: BucketRef = bucketRefOf(args);
  const next = configOf(args);
  const previous = await step(context, () => client.getInventory(ref, next.id));
  if (previous) {
    await probe(client, ref, next, context);
    await deleteForReplace(client, ref, next.id, context);
  }
  try {
    await putOrConfirm(client, ref, next);
  } catch (putError) {
    if (!previous) throw inContext(putError, context);
    await restore(client, args, previous, putError, context);
  }
}

/**
 * Whether a failed put may still be carried out: no answer (timeout, cut connection), a 5xx, an unreadable 2xx.
 * Throttling is a refusal before any work, and the rest are definite refusals.
 */
const mayStillLand = (error: unknown) => error instanceof BucketInventoryError && error.retryable && !(error instanceof ThrottledError);

/** Puts `previous` back and throws an error that says what the bucket holds now, or that it cannot be known. */
async function restore(client: InventoryClient, args: BucketInventoryInputs, previous: InventoryConfig, cause: unknown, context: string): Promise<never> {
  try {
    await putOrConfirm(client, bucketRefOf(args), previous);
  } catch (restoreError) {
    const failed = `${bareMessage(cause)}; putting the previous configuration back also failed (${bareMessage(restoreError)})`;
    // State keeps the old outputs either way, so a refresh finds the truth.
    const said = [cause, restoreError].some(mayStillLand)
      ? `: the outcome is unknown. A put that got no answer may still be carried out, so bucket "${args.bucket}" may hold the new ` +
        `configuration "${args.inventoryId}", the previous one, or none. Run \`pulumi refresh\` in a minute to see what it holds, then \`pulumi up\``
      : `: bucket "${args.bucket}" has no inventory configuration "${args.inventoryId}" now. Run \`pulumi refresh\`, then \`pulumi up\` to create it again`;
    throw inContext(new Error(failed + said, { cause }), context);
  }
  const restored = outputsOf(args, previous);
  const error = inContext(new Error(`${bareMessage(cause)}; the previous configuration was put back and is unchanged`, { cause }), context);
  throw recordedFailure(error, restored.resourceId, restored);
}

export async function updateInventory(
  client: InventoryClient,
  id: string,
  olds: unknown,
  news: unknown,
  options: LifecycleOptions = {},
): Promise<{ outs: BucketInventoryOutputs }> {
  void id;
  void olds;
  const args = normalizeArgs(news);
  const context = contextOf("updating", resourceIdOfArgs(args));
  if (!rulesFor(args.vendor).putOverwrites) {
    await replaceConfiguration(client, args, context);
  } else {
    try {
      await client.putInventory(bucketRefOf(args), configOf(args));
    } catch (error) {
      // A vendor that turns out to refuse a put on an existing id: fall back to the safe sequence. Other
      // conflicts (OBS PrefixExistInclusionRelationship) are the user's to fix.
      if (!isAlreadyExists(error)) throw inContext(error, context);
      await replaceConfiguration(client, args, context);
    }
  }
  return { outs: await settle(client, args, context, options) };
}
