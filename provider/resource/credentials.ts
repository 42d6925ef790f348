/**
 * Where the provider finds credentials and retry settings: the stack configuration handed to `configure`
 * (`pulumi config set --secret bucket-inventory:ossAccessKeySecret …`) or, per vendor, the environment variables the
 * vendor's own tools read. Stack config wins. Values are held in memory only: never an input, never in state,
 * never in a message (messages name the keys, not their values).
 */
import type { CredentialSource, RetryPolicy } from "../client/inventoryClient";
import { ConfigError } from "../errors";
import { credentialValueProblem } from "../http/headerValues";
import { VENDORS, type Vendor } from "../model/inventoryConfig";
import type { Credentials } from "../signing/signingTypes";
import { endpointConfigKeys } from "./endpointConfig";

export const CONFIG_NAMESPACE = "bucket-inventory";

interface KeyNames {
  id: string;
  secret: string;
  token: string;
}

/** Stack-config key suffixes and environment variable names, per vendor. */
export const CREDENTIAL_KEYS: Record<Vendor, { config: KeyNames; env: KeyNames }> = {
  oss: {
    config: { id: "ossAccessKeyId", secret: "ossAccessKeySecret", token: "ossSecurityToken" },
    env: { id: "ALIBABA_CLOUD_ACCESS_KEY_ID", secret: "ALIBABA_CLOUD_ACCESS_KEY_SECRET", token: "ALIBABA_CLOUD_SECURITY_TOKEN" },
  },
  cos: {
    config: { id: "cosSecretId", secret: "cosSecretKey", token: "cosSessionToken" },
    env: { id: "TENCENTCLOUD_SECRET_ID", secret: "TENCENTCLOUD_SECRET_KEY", token: "TENCENTCLOUD_SESSION_TOKEN" },
  },
  obs: {
    config: { id: "obsAccessKey", secret: "obsSecretKey", token: "obsSecurityToken" },
    env: { id: "HW_ACCESS_KEY", secret: "HW_SECRET_KEY", token: "HW_SECURITY_TOKEN" },
  },
  s3: {
    config: { id: "s3AccessKeyId", secret: "s3SecretAccessKey", token: "s3SessionToken" },
    env: { id: "AWS_ACCESS_KEY_ID", secret: "AWS_SECRET_ACCESS_KEY", token: "AWS_SESSION_TOKEN" },
  },
};

export const RETRY_KEYS = ["maxAttempts", "requestTimeoutMs", "totalTimeoutMs"] as const;

/** Stack configuration as read once in `configure`: full key → raw value. */
export type StackConfig = Readonly<Record<string, string | undefined>>;

/** Every key this provider reads, fully qualified ("bucket-inventory:ossAccessKeyId"). */
export function configKeys(): string[] {
  const names = VENDORS.flatMap((v) => Object.values(CREDENTIAL_KEYS[v].config));
  return [...[...names, ...RETRY_KEYS].map((k) => `${CONFIG_NAMESPACE}:${k}`), ...endpointConfigKeys()];
}

/** Reads our keys through the host's `config.get` (which returns raw values, secrets unwrapped). */
export function readStackConfig(config: { get(key: string): unknown } | undefined): StackConfig {
  const out: Record<string, string | undefined> = {};
  if (!config) return out;
  for (const key of configKeys()) {
    const value = config.get(key);
    if (value !== undefined && value !== null && String(value) !== "") out[key] = String(value);
  }
  return out;
}

/**
 * The values set in one source, edge whitespace trimmed. A value that cannot be a credential (a line break from a
 * wrapped paste, a control character) is a ConfigError naming the key or variable, never the value: sent as a
 * header it would only fail, or hang, later.
 */
function pick(source: Readonly<Record<string, string | undefined>>, names: KeyNames, label: (name: string) => string, prefix = ""): Partial<Record<keyof KeyNames, string>> {
  const get = (k: string) => {
    const v = source[prefix + k];
    if (v === undefined || v.trim() === "") return undefined;
    const problem = credentialValueProblem(v.trim());
    if (problem) throw new ConfigError(`${label(prefix + k)} ${problem}: a credential is one line of printable ASCII; set it again`);
    return v.trim();
  };
  return { id: get(names.id), secret: get(names.secret), token: get(names.token) };
}

/**
 * The credentials for one vendor, or `undefined` when neither stack config nor environment has them. A half-set
 * pair (an id without its secret) in one source is a ConfigError naming the missing key; sources never mix.
 */
export function credentialsFor(vendor: Vendor, stack: StackConfig, env: Readonly<Record<string, string | undefined>>): Credentials | undefined {
  return findCredentials(vendor, stack, env)?.credentials;
}

/**
 * Where this vendor's credentials come from, for messages about them (the names, never the values), e.g.
 * "stack config bucket-inventory:ossAccessKeyId and bucket-inventory:ossAccessKeySecret"; `undefined` when none.
 */
export function credentialOrigin(vendor: Vendor, stack: StackConfig, env: Readonly<Record<string, string | undefined>>): string | undefined {
  return findCredentials(vendor, stack, env)?.origin;
}

function findCredentials(
  vendor: Vendor,
  stack: StackConfig,
  env: Readonly<Record<string, string | undefined>>,
): { credentials: Credentials; origin: string } | undefined {
  const keys = CREDENTIAL_KEYS[vendor];
  const sources = [
    { found: pick(stack, keys.config, (k) => `${vendor} credentials: stack config key ${k}`, `${CONFIG_NAMESPACE}:`), names: keys.config, where: "stack config key", prefix: `${CONFIG_NAMESPACE}:` },
    { found: pick(env, keys.env, (k) => `${vendor} credentials: environment variable ${k}`), names: keys.env, where: "environment variable", prefix: "" },
  ];
  for (const { found, names, where, prefix } of sources) {
    if (!found.id && !found.secret) continue;
    if (!found.id || !found.secret) {
      const missing = !found.id ? names.id : names.secret;
      const present = !found.id ? names.secret : names.id;
      throw new ConfigError(`${vendor} credentials: ${where} ${prefix}${present} is set but ${prefix}${missing} is not; set both`);
    }
    const creds: Credentials = { accessKeyId: found.id, secretAccessKey: found.secret };
    if (found.token) creds.securityToken = found.token;
    const kind = prefix ? "stack config" : "environment variables";
    const token = found.token ? ` with ${prefix}${names.token}` : "";
    return { credentials: creds, origin: `${kind} ${prefix}${names.id} and ${prefix}${names.secret}${token}` };
  }
  return undefined;
}

/**
 * Every vendor that has complete credentials. Vendors with none or a half-set pair are left out: operations call
 * `requireCredentials` first, which says exactly what is missing.
 */
export function credentialSource(stack: StackConfig, env: Readonly<Record<string, string | undefined>>): CredentialSource {
  const out: CredentialSource = {};
  for (const vendor of VENDORS) {
    try {
      const creds = credentialsFor(vendor, stack, env);
      if (creds) out[vendor] = creds;
    } catch {
      // reported by requireCredentials when this vendor is used
    }
  }
  return out;
}

/** What to set for this vendor's credentials: "set stack config … (pulumi config set --secret …) or environment variables …". */
export function noCredentialsHint(vendor: Vendor): string {
  const { config, env: vars } = CREDENTIAL_KEYS[vendor];
  return (
    `set stack config ${CONFIG_NAMESPACE}:${config.id} and ${CONFIG_NAMESPACE}:${config.secret} ` +
    `(pulumi config set --secret …) or environment variables ${vars.id} and ${vars.secret}`
  );
}

/** Like `credentialsFor`, but missing credentials are a ConfigError that says which keys or variables to set. */
export function requireCredentials(vendor: Vendor, stack: StackConfig, env: Readonly<Record<string, string | undefined>>): Credentials {
  const creds = credentialsFor(vendor, stack, env);
  if (creds) return creds;
  throw new ConfigError(`no ${vendor} credentials: ${noCredentialsHint(vendor)}`);
}

/** Retry and timeout settings from stack config; each must be a positive integer. */
export function retrySettings(stack: StackConfig): { timeoutMs?: number; retry: Partial<RetryPolicy> } {
  const read = (name: (typeof RETRY_KEYS)[number]): number | undefined => {
    const key = `${CONFIG_NAMESPACE}:${name}`;
    const raw = stack[key];
    if (raw === undefined) return undefined;
    const n = Number(raw.trim());
    if (!Number.isInteger(n) || n <= 0) throw new ConfigError(`stack config ${key}: "${raw}" is not a positive whole number`);
    return n;
  };
  const retry: Partial<RetryPolicy> = {};
  const maxAttempts = read("maxAttempts");
  const totalTimeoutMs = read("totalTimeoutMs");
  if (maxAttempts !== undefined) retry.maxAttempts = maxAttempts;
  if (totalTimeoutMs !== undefined) retry.totalTimeoutMs = totalTimeoutMs;
  return { timeoutMs: read("requestTimeoutMs"), retry };
}
