/**
 * The stack configuration a scan runs with, read as the provider reads it: the `bucket-inventory:*` values the
 * stack's provider was configured with (recorded in the state), overridden by `--config key=value` (as `pulumi up
 * --config` does), then per vendor the environment, by the provider's own credentialsFor (stack config wins; a
 * vendor's set is never mixed from two places).
 *
 * A value the export holds encrypted cannot be read here: a vendor with any such credential key falls back to the
 * environment as a whole, and when that has nothing either, the bucket's error says how to supply them.
 */
import { ConfigError } from "../../provider/errors";
import { VENDORS, type Vendor } from "../../provider/model/inventoryConfig";
import { CONFIG_NAMESPACE, CREDENTIAL_KEYS, requireCredentials, type StackConfig } from "../../provider/resource/credentials";

type Env = Readonly<Record<string, string | undefined>>;

const credentialKeys = (vendor: Vendor) => Object.values(CREDENTIAL_KEYS[vendor].config).map((k) => `${CONFIG_NAMESPACE}:${k}`);

export interface ScanConfig {
  stack: StackConfig;
  /** Credential keys of each vendor that the export holds only encrypted (and --config did not supply). */
  encrypted: Partial<Record<Vendor, string[]>>;
}

export function scanConfig(recorded: Record<string, string>, encryptedKeys: string[], flags: Record<string, string>): ScanConfig {
  const stack: Record<string, string> = { ...recorded, ...flags };
  const encrypted: ScanConfig["encrypted"] = {};
  for (const vendor of VENDORS) {
    const keys = credentialKeys(vendor);
    const hidden = encryptedKeys.filter((k) => keys.includes(k) && !(k in flags));
    if (hidden.length === 0) continue;
    encrypted[vendor] = hidden;
    for (const key of keys) if (!(key in flags)) delete stack[key];
  }
  return { stack, encrypted };
}

/** requireCredentials, whose error also says when the export held this vendor's keys encrypted. */
export function requireScanCredentials(vendor: Vendor, config: ScanConfig, env: Env): void {
  try {
    requireCredentials(vendor, config.stack, env);
  } catch (error) {
    const hidden = config.encrypted[vendor];
    if (!(error instanceof ConfigError) || !hidden) throw error;
    throw new ConfigError(
      `${error.message}. The exported state holds ${hidden.join(", ")} encrypted: pipe \`pulumi stack export --show-secrets\` ` +
        "into bucket-inventory drift, or pass the values with --config",
    );
  }
}
