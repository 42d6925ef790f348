import { ConfigError } from "../errors";
import { credentialValueProblem } from "../http/headerValues";
import type { Dialect } from "../dialects/dialect";
import type { Credentials } from "../signing/signingTypes";
import type { CredentialSource } from "./inventoryClient";

/** The vendor's credentials, or a ConfigError that names the environment variables that would supply them. */
export function credentialsFor(source: CredentialSource, dialect: Dialect): Credentials {
  const credentials = source[dialect.vendor];
  for (const field of ["accessKeyId", "secretAccessKey", "securityToken"] as const) {
    const value = credentials?.[field];
    const problem = value === undefined ? undefined : typeof value !== "string" ? "is not a string" : credentialValueProblem(value);
    if (problem) fail(`credentials.${dialect.vendor}.${field} ${problem}: a credential is one line of printable ASCII`);
  }
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
