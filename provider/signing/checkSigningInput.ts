import { ConfigError } from "../errors";
import type { SigningInput } from "./signingTypes";

/**
 * Fails early, with a message that names the field and the rule but never a key, when a signer is handed
 * something it cannot sign with. `scheme` is the signer's name, e.g. "OSS V1"; `needs` lists the other inputs
 * the scheme puts into what it signs.
 */
export function checkSigningInput(input: SigningInput, scheme: string, needs: ("bucket" | "region")[]): void {
  const where = `signing a ${scheme} request`;
  const { credentials, now } = input;
  if (!credentials || !credentials.accessKeyId) {
    throw new ConfigError(`${where}: credentials.accessKeyId is empty: it must be set for this vendor`);
  }
  if (!credentials.secretAccessKey) {
    throw new ConfigError(`${where}: credentials.secretAccessKey is empty: it must be set for this vendor`);
  }
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new ConfigError(`${where}: now is ${String(now)}: it must be a valid Date`);
  }
  if (needs.includes("bucket") && !input.bucket) {
    throw new ConfigError(`${where}: bucket is empty: the scheme signs the bucket name`);
  }
  if (needs.includes("region") && !input.region) {
    throw new ConfigError(`${where}: region is empty: the scheme signs the region in its scope`);
  }
}
