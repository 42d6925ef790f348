/**
 * How lifecycle failures reach Pulumi. Every error says what was being done to which resource
 * ("creating bucket inventory oss:cn-hangzhou:photos:daily: …"). An error that happens after the service already
 * holds the configuration carries `id`, `properties` and `reasons`: the dynamic provider host turns those into
 * ErrorResourceInitFailed, so the engine records the resource in state instead of orphaning it (there is no
 * other partial-state channel for dynamic providers).
 */
import { BucketInventoryError, withContext } from "../errors";

export type Operation = "creating" | "reading" | "updating" | "deleting";

export function contextOf(operation: Operation, resourceId: string): string {
  return `${operation} bucket inventory ${resourceId}`;
}

/**
 * The error without the contexts lower layers put in front (the client says "putting bucket inventory …"): the
 * operation's own context replaces them, so a message reads "creating bucket inventory …: <code> <message>".
 */
function withoutContext(error: BucketInventoryError): BucketInventoryError {
  let e = error;
  while (e.cause instanceof BucketInventoryError && e.cause.constructor === e.constructor && e.message.endsWith(`: ${e.cause.message}`)) {
    e = e.cause;
  }
  return e;
}

/** An error's message without the contexts lower layers added. */
export function bareMessage(error: unknown): string {
  if (error instanceof BucketInventoryError) return withoutContext(error).message;
  return error instanceof Error ? error.message : String(error);
}

/** The error with the context in front; foreign errors (bugs) keep their text and become the cause. */
export function inContext(error: unknown, context: string): Error {
  if (error instanceof BucketInventoryError) return withContext(withoutContext(error), context);
  const message = error instanceof Error ? error.message : String(error);
  return new Error(`${context}: ${message}`, { cause: error });
}

/** Runs one step; a failure comes out in context. */
export async function step<T>(context: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw inContext(error, context);
  }
}

export interface RecordedFailure extends Error {
  /** The Pulumi id of a resource that exists despite the failure. */
  id: string;
  /** Its outputs as far as known. */
  properties: Record<string, unknown>;
  reasons: string[];
}

/** Marks an error as "the resource exists with these properties" for the host. */
export function recordedFailure(error: Error, id: string, properties: object): RecordedFailure {
  const recorded = error as RecordedFailure;
  recorded.id = id;
  recorded.properties = { ...(properties as Record<string, unknown>) };
  recorded.reasons = [error.message];
  return recorded;
}
