/**
 * What may go into an HTTP header (RFC 9110 §5.1 field names, §5.5 field values), said without ever quoting the
 * value: header values carry credentials. undici refuses a bad value only once the request is on its way (and,
 * over TLS, has been seen to leave the connection pool stuck), so every value is checked before anything is sent.
 */

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Every value that passes this has no problem: one test on the path every request takes. */
const SENDABLE = /^[\t\u0020-\u007e]*$/;

/** Why `value` cannot be sent as a header value, or undefined when it can. Printable ASCII, space and tab only. */
export function headerValueProblem(value: string): string | undefined {
  if (SENDABLE.test(value)) return undefined;
  if (/[\r\n]/.test(value)) return "contains a line break";
  if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(value)) return "contains a control character";
  if (/[^\t\u0020-\u007e]/.test(value)) return "contains a character outside printable ASCII";
  return undefined;
}

/** Why `name` cannot be a header name, or undefined when it can. */
export function headerNameProblem(name: string): string | undefined {
  return TOKEN.test(name) ? undefined : "is not a valid header name";
}

/**
 * Why `value` cannot be a credential (key id, secret or security token), or undefined. Credentials are single
 * tokens of printable ASCII: a line break or space inside is a wrapped or mangled paste, which no retry fixes.
 */
export function credentialValueProblem(value: string): string | undefined {
  const problem = headerValueProblem(value);
  if (problem) return problem === "contains a line break" ? "contains a line break (a wrapped paste?)" : problem;
  if (/\s/.test(value)) return "contains a space or tab";
  return undefined;
}
