import { AccessDeniedError, ConflictError, NotFoundError, ProtocolError, TransportError } from "../errors";
import type { DescribeBucketOptions, InventoryPage } from "../dialects/dialect";
import { responseMeta } from "../dialects/responseMeta";
import type { HttpResponse } from "../http/httpTypes";
import { isRetryable } from "../http/retry";
import type { BucketInfo, BucketRef, InventoryConfig, VersioningStatus } from "../model/inventoryConfig";
import { exchange, type ExchangeContext } from "./exchange";

/** A bound on list pages: 1,000 configurations per bucket at 100 a page leaves ample room. */
export const MAX_LIST_PAGES = 1_000;

/** What every operation runs with: one vendor's exchange context and the client's retry loop. */
export interface OperationContext extends ExchangeContext {
  retry<T>(attempt: () => Promise<T>): Promise<T>;
}

const meta = (ctx: OperationContext, response: HttpResponse) => responseMeta(response, ctx.dialect.requestIdHeader);

/** The configuration, or undefined when it (or its bucket) does not exist. */
export async function getInventory(ctx: OperationContext, ref: BucketRef, id: string): Promise<InventoryConfig | undefined> {
  try {
    return await ctx.retry(() =>
      exchange(ctx, ref, "getInventory", ctx.dialect.buildGetInventory(ref, id), (r) => ctx.dialect.deserializeInventory(r.body, meta(ctx, r))),
    );
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}

/** The bucket's versioning, or undefined when the bucket does not exist. */
export async function getVersioning(ctx: OperationContext, ref: BucketRef): Promise<VersioningStatus | undefined> {
  try {
    return await ctx.retry(() =>
      exchange(ctx, ref, "getVersioning", ctx.dialect.buildGetVersioning(ref), (r) => ctx.dialect.deserializeVersioning(r.body, meta(ctx, r))),
    );
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}

/**
 * PUT, retried. After an attempt whose fate is unknown (reset, timeout, 5xx) a 409 may be our own earlier PUT
 * that landed (OSS refuses a PUT on an existing id): it is success if the stored configuration is what we sent.
 */
export async function putInventory(ctx: OperationContext, ref: BucketRef, config: InventoryConfig): Promise<void> {
  let uncertain = false;
  await ctx.retry(async () => {
    try {
      await exchange(ctx, ref, "putInventory", ctx.dialect.buildPutInventory(ref, config), () => undefined);
    } catch (error) {
      if (error instanceof ConflictError && uncertain && (await storedAsSent(ctx, ref, config))) return;
      uncertain ||= isRetryable(error);
      throw error;
    }
  });
}

/** Two configurations are the same request when they serialize to the same body. */
async function storedAsSent(ctx: OperationContext, ref: BucketRef, config: InventoryConfig): Promise<boolean> {
  const stored = await getInventory(ctx, ref, config.id);
  return stored !== undefined && ctx.dialect.serializeInventory(stored, ref) === ctx.dialect.serializeInventory(config, ref);
}

/**
 * True when deleted, false when already gone (or gone after an attempt of unknown fate: that one deleted it).
 * A DELETE that got no answer (timeout, cut connection) may still be carried out later; sent again at once, that
 * late copy could delete whatever is put next (OSS's update puts the new configuration right after deleting). So
 * after such an attempt the configuration is watched first, and the DELETE is sent again only if it never goes.
 */
export async function deleteInventory(ctx: OperationContext, ref: BucketRef, id: string): Promise<boolean> {
  let uncertain = false;
  let unanswered: TransportError | undefined;
  try {
    await ctx.retry(async () => {
      if (unanswered && (await seenGone(ctx, ref, id, watchMs(ctx, unanswered)))) return;
      try {
        await exchange(ctx, ref, "deleteInventory", ctx.dialect.buildDeleteInventory(ref, id), () => undefined);
      } catch (error) {
        uncertain ||= isRetryable(error);
        if (error instanceof TransportError) unanswered = error;
        throw error;
      }
    });
    return true;
  } catch (error) {
    if (error instanceof NotFoundError) return uncertain;
    throw error;
  }
}

/**
 * How long to watch for an unanswered DELETE: one that timed out may still sit in the service's queue (twice the
 * request timeout, at most 10 s); one whose connection was cut was either carried out already or never will be.
 */
function watchMs(ctx: OperationContext, error: TransportError): number {
  return error.timedOut ? Math.min(2 * ctx.timeoutMs, 10_000) : 0;
}

/** Whether an unanswered DELETE lands after all: reads until it is gone or `forMs` has passed; false when unsure. */
async function seenGone(ctx: OperationContext, ref: BucketRef, id: string, forMs: number): Promise<boolean> {
  const deadline = Date.now() + forMs;
  const pause = Math.max(10, Math.min(ctx.timeoutMs / 4, 1_000));
  for (;;) {
    try {
      if ((await getInventory(ctx, ref, id)) === undefined) return true;
    } catch {
      return false;
    }
    if (Date.now() + pause > deadline) return false;
    await new Promise<void>((resolve) => setTimeout(resolve, pause));
  }
}

/** Every page, following continuation tokens; a token the service repeats is refused rather than looped on. */
export async function listInventories(ctx: OperationContext, ref: BucketRef): Promise<InventoryConfig[]> {
  const all: InventoryConfig[] = [];
  let token: string | undefined;
  for (let page = 1; page <= MAX_LIST_PAGES; page++) {
    const sent = token;
    const result = await listPage(ctx, ref, sent, page === 1);
    all.push(...result.configurations);
    token = result.nextToken;
    if (token === undefined) return all;
    if (token === sent) throw new ProtocolError(`the service returned the same continuation token twice ("${token}")`);
  }
  throw new ProtocolError(`more than ${MAX_LIST_PAGES} pages of inventory configurations`);
}

async function listPage(ctx: OperationContext, ref: BucketRef, token: string | undefined, first: boolean): Promise<InventoryPage> {
  try {
    return await ctx.retry(() =>
      exchange(ctx, ref, "listInventories", ctx.dialect.buildListInventories(ref, token), (r) =>
        ctx.dialect.deserializeInventoryPage(r.body, meta(ctx, r)),
      ),
    );
  } catch (error) {
    // A first-page 404 that is not about the bucket: a service saying "no configurations" that way.
    if (first && error instanceof NotFoundError && error.vendorCode !== "NoSuchBucket") return { configurations: [] };
    throw error;
  }
}

/** Runs the dialect's look-up steps and merges what they learn; undefined as soon as one says the bucket is gone. */
export async function describeBucket(ctx: OperationContext, ref: BucketRef, options: DescribeBucketOptions): Promise<BucketInfo | undefined> {
  const found: Partial<BucketInfo> = {};
  // A HEAD answer has no body, so its 403 cannot say whether the credentials or the permission were refused; the
  // next step is a GET whose error document does. Its error is thrown; should it succeed, the HEAD's refusal stands.
  let headRefusal: AccessDeniedError | undefined;
  const steps = ctx.dialect.describeBucketSteps;
  for (const [index, step] of steps.entries()) {
    if (step.needed && !step.needed(found)) continue;
    const request = step.build(ref, options);
    try {
      const learned = await ctx.retry(() => exchange(ctx, ref, "describeBucket", request, (r) => step.read(r, options), step.answers));
      Object.assign(found, learned);
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      if (error instanceof AccessDeniedError && request.method === "HEAD" && index < steps.length - 1 && !headRefusal) {
        headRefusal = error;
        continue;
      }
      throw error;
    }
  }
  if (headRefusal) throw headRefusal;
  if (found.region === undefined) throw new ProtocolError("the service did not say which region the bucket is in");
  return found.ownerId === undefined ? { region: found.region } : { region: found.region, ownerId: found.ownerId };
}
