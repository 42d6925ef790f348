/**
 * What a failure must look like to a user: typed (a BucketInventoryError, itself or as the cause of the lifecycle's
 * summary error, so a caller can tell throttling from a bad argument from a broken connection) and clear (it says
 * what was being done to which bucket). Returns the broken rules as problems.
 */
import { BucketInventoryError } from "../../../provider/errors";
import type { BucketRef } from "../../../provider/model/inventoryConfig";

const DOING = /^(putting|reading|listing|deleting|looking up|creating|updating) (bucket inventory|bucket inventories of|bucket) /;

/** The first BucketInventoryError on the error's cause chain. */
export function typedErrorOf(error: unknown): BucketInventoryError | undefined {
  for (let e = error, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof BucketInventoryError) return e;
  }
  return undefined;
}

export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `non-Error ${String(error)}`;
  const typed = typedErrorOf(error);
  return `${error.name}${typed ? ` [${typed.code}]` : ""}: ${error.message}`;
}

export function errorProblems(error: unknown, ref: BucketRef): string[] {
  if (!(error instanceof Error)) return [`threw a non-Error: ${String(error)}`];
  const problems: string[] = [];
  if (!typedErrorOf(error)) problems.push(`untyped error (no BucketInventoryError on its cause chain): ${describeError(error)}`);
  if (!DOING.test(error.message)) problems.push(`the message does not say what was being done: ${error.message}`);
  if (!error.message.includes(ref.bucket)) problems.push(`the message does not name bucket ${ref.bucket}: ${error.message}`);
  return problems;
}
