/**
 * What a failed live look-up means for preview.
 *
 * - The service refuses the request's signer (a wrong secret, an unknown or disabled key id, an expired or invalid
 *   token) or its clock: preview fails, naming where the credentials came from (never their values). Every
 *   operation of `up` would fail the same way, so a green preview would only hide it.
 * - Anything else that stops a look-up (access denied to these credentials, network, timeouts, throttling, server
 *   errors, an answer that cannot be read): the checks that needed it are skipped, visibly, with a warning line in
 *   preview's output (a dynamic provider's stderr shows under "Diagnostics:").
 * - A bucket that does not exist: skipped without a word, since the same deployment may create it.
 */
import { NotFoundError, ServiceError } from "../errors";
import type { Vendor } from "../model/inventoryConfig";
import type { CheckFailures } from "./checkFailures";

/** Codes with which the services refuse who signed a request, not what it asks for (VENDORS.md 4.2; vendors' common error lists). */
const SIGNER_CODES = new Set([
  "SignatureDoesNotMatch", "InvalidAccessKeyId", "InvalidSecurityToken", "SecurityTokenExpired", "ExpiredToken", "InvalidToken",
  "TokenRefreshRequired",
]);
/** The signature's time is too far from the service's clock. */
const CLOCK_CODES = new Set(["RequestTimeTooSkewed"]);

/** Whether the service refused the request's signing time (this machine's clock), not its credentials. */
export function refusesClock(error: ServiceError): boolean {
  return CLOCK_CODES.has(error.vendorCode);
}

/** Whether the service refused the request's credentials or its signing time, rather than what it asked for. */
export function refusesSigner(error: unknown): error is ServiceError {
  return error instanceof ServiceError && (SIGNER_CODES.has(error.vendorCode) || CLOCK_CODES.has(error.vendorCode));
}

/** Where the results of a failed look-up go. */
export interface LookupProblemSinks {
  /** Names of the stack-config keys or environment variables the vendor's credentials came from. */
  credentialOrigin(vendor: Vendor): string | undefined;
  /** One warning line for preview's output; `key` says which repeats are the same warning. */
  warn(key: string, message: string): void;
}

export interface LookupProblems {
  /**
   * Reports a look-up that failed, made for `resourceId`'s checks: a failure when the service refused the signer
   * (returns true: no further look-up can succeed), else a warning that `skipped` was not checked.
   */
  report(vendor: Vendor, resourceId: string, error: unknown, skipped: string, f: CheckFailures): boolean;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function lookupProblems(sinks: LookupProblemSinks): LookupProblems {
  return {
    report(vendor, resourceId, error, skipped, f) {
      if (error instanceof NotFoundError) return false;
      if (refusesSigner(error)) {
        f.add("", signerRefusal(vendor, sinks.credentialOrigin(vendor), error));
        return true;
      }
      const code = error instanceof ServiceError ? error.vendorCode : error instanceof Error ? error.name : "error";
      // Keyed by vendor, check and cause, not by resource: a bucket that cannot be looked up is one warning, however
      // many inventories of the deployment live on it (the first one is named).
      sinks.warn(`${vendor}|${skipped}|${code}`, `BucketInventory ${resourceId}: ${skipped} not checked at preview: ${messageOf(error)}`);
      return false;
    },
  };
}

function signerRefusal(vendor: Vendor, origin: string | undefined, error: ServiceError): string {
  if (refusesClock(error)) {
    return `the service refused the time of requests signed on this machine: ${error.message}; set this machine's clock right`;
  }
  const from = origin ? ` (from ${origin})` : "";
  return `the service refused the ${vendor} credentials${from}: ${error.message}; correct them, or remove them to preview without live checks`;
}

/** Problems that fail on refused signers and warn nowhere: for checks run without a provider around them. */
export const QUIET_LOOKUP_PROBLEMS = lookupProblems({ credentialOrigin: () => undefined, warn: () => undefined });
