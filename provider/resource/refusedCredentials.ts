/**
 * An operation of `pulumi up`, `refresh` or `destroy` that the service refused for its signer says which
 * credentials were used — the stack-config keys or the environment variables, never their values — and what the
 * service answered: "creating bucket inventory oss:cn-hangzhou:photos:daily: the service refused the oss
 * credentials (from environment variables ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET):
 * SignatureDoesNotMatch The request signature ... (request id ...)". Preview says the same (lookupProblems.ts).
 */
import { BucketInventoryError, type ServiceError } from "../errors";
import type { Vendor } from "../model/inventoryConfig";
import { refusesClock, refusesSigner } from "./lookupProblems";
import { inContext } from "./operationErrors";

/** The service's refusal of the signer (or its clock) in `error` or its causes. */
function refusalIn(error: unknown): ServiceError | undefined {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 10; e = e.cause, depth++) {
    if (refusesSigner(e)) return e;
  }
  return undefined;
}

/** Fields the dynamic-provider host reads from a failure that left the resource in place. */
const RECORDED = ["id", "properties", "reasons"] as const;

/**
 * `error` (already "<context>: ..."), said with the credentials' origin when the service refused them; any other
 * error unchanged.
 */
export function nameRefusedCredentials(error: unknown, vendor: Vendor, origin: string | undefined, context: string): unknown {
  const refusal = refusalIn(error);
  if (!refusal) return error;
  const note = refusesClock(refusal)
    ? "the service refused the time of requests signed on this machine (set its clock right)"
    : `the service refused the ${vendor} credentials${origin ? ` (from ${origin})` : ""}`;
  if (error instanceof BucketInventoryError) return inContext(error, `${context}: ${note}`);
  const message = error instanceof Error ? error.message : String(error);
  const rest = message.startsWith(`${context}: `) ? message.slice(context.length + 2) : message;
  const said = new Error(`${context}: ${note}: ${rest}`, { cause: error });
  for (const key of RECORDED) if (error instanceof Error && key in error) Object.assign(said, { [key]: (error as unknown as Record<string, unknown>)[key] });
  return said;
}
