/**
 * Secret values in `pulumi stack export` output. Pulumi writes a secret as an object tagged with its secret
 * signature: `{"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", "ciphertext": "…"}`, or with
 * `--show-secrets`, `… "plaintext": "<the value as JSON text>"`. Plaintext is unwrapped; ciphertext cannot be read
 * here (no passphrase, no secrets provider) and becomes the ENCRYPTED marker, so callers can say what they could
 * not compare instead of comparing a ciphertext.
 */

const SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIGNATURE = "1b47061264138c4ac30d75fd1eb44270";

/** Stands for a value the export holds only encrypted. */
export const ENCRYPTED: unique symbol = Symbol("encrypted in the export");

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

export function isSecretEnvelope(value: unknown): value is Record<string, unknown> {
  return isObject(value) && value[SIGNATURE_KEY] === SECRET_SIGNATURE;
}

/** The value with every secret envelope replaced by its plaintext (parsed) or by ENCRYPTED. */
export function revealSecrets(value: unknown): unknown {
  if (isSecretEnvelope(value)) {
    if (typeof value.plaintext !== "string") return ENCRYPTED;
    try {
      return revealSecrets(JSON.parse(value.plaintext));
    } catch {
      return ENCRYPTED;
    }
  }
  if (Array.isArray(value)) return value.map(revealSecrets);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revealSecrets(v)]));
  return value;
}

/** True when ENCRYPTED is the value or sits anywhere inside it. */
export function holdsEncrypted(value: unknown): boolean {
  if (value === ENCRYPTED) return true;
  if (Array.isArray(value)) return value.some(holdsEncrypted);
  if (isObject(value)) return Object.values(value).some(holdsEncrypted);
  return false;
}
