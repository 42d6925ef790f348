import { ConfigError } from "../errors";
import type { Dialect } from "../dialects/dialect";
import type { Credentials } from "../signing/signingTypes";
import type { CredentialSource } from "./inventoryClient";

/** The vendor's credentials, or a ConfigError that names the environment variables that would supply them. */
export function credentialsFor(source: CredentialSource, dialect: Dialect): Credentials {
  const credentials = source[dialect.vendor];
  if (credentials?.accessKeyId && credentials.secretAccessKey) return credentials;
  const env = dialect.credentialEnv;
  const missing = credentials ? "incomplete credentials" : "no credentials";
  return fail(
    `${missing} for ${dialect.vendor}: set ${env.accessKeyId} and ${env.secretAccessKey}` +
      ` (plus ${env.securityToken} for temporary credentials) or configure them on the provider`,
  );
}

function fail(message: string): never {
  throw new ConfigError(message);
}
