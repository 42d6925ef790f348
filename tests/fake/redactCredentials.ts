import { safeDecode } from "./fakeRequest";

/**
 * What the request log may keep of a request: everything but the values that carry a credential. A signature
 * is one (anyone holding it can send the same request again within its time window), and so is a security token (it
 * may be a user's real one, inherited from their environment). Access key ids are masked too: they name an account.
 * Names are matched decoded and case-insensitively, so `X%2DAmz%2DSignature` or `Q-SIGNATURE` is masked as well.
 */

export const MASK = "***";

/** Query keys and header names that carry a credential, lower-case and decoded. */
export function isCredentialName(name: string): boolean {
  const n = name.toLowerCase();
  return (
    n.endsWith("signature") || // Signature (OSS V1 presigned), X-Amz-Signature, q-signature, x-oss-signature
    n.endsWith("security-token") || n === "securitytoken" || n === "token" || // x-{oss,cos,obs,amz,ci}-security-token
    n.endsWith("credential") || // X-Amz-Credential, x-oss-credential: the access key id
    n.endsWith("accesskeyid") || n === "q-ak" || // OSSAccessKeyId, AWSAccessKeyId, COS q-ak
    n === "sign" || // COS presigned URLs: sign=<the whole Authorization, encoded>
    n === "authorization" || n === "proxy-authorization" || n === "cookie"
  );
}

/** The raw query with each credential-bearing value replaced by ***; everything else kept exactly as sent. */
export function redactQuery(rawQuery: string): string {
  if (rawQuery === "") return rawQuery;
  return rawQuery
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=");
      const key = eq >= 0 ? pair.slice(0, eq) : pair;
      return eq >= 0 && isCredentialName(safeDecode(key)) ? `${key}=${MASK}` : pair;
    })
    .join("&");
}

/** Headers with credential-bearing values masked; the Authorization header keeps its scheme and field names. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const [name, value] of Object.entries(headers)) {
    out[name] = name === "authorization" ? redactAuthorization(value) : isCredentialName(name) ? MASK : value;
  }
  return out;
}

/**
 * `OSS ak:***`, `AWS4-HMAC-SHA256 Credential=***, SignedHeaders=host;x-amz-date, Signature=***`,
 * `q-sign-algorithm=sha1&q-ak=***&…&q-signature=***`. Anything it cannot read is masked whole.
 */
export function redactAuthorization(value: string): string {
  const simple = /^(OSS|OBS|AWS) [^:\s]*:\S*$/.exec(value.trim());
  if (simple) return `${simple[1]} ${MASK}:${MASK}`;
  const v4 = /^((?:OSS4|AWS4)-HMAC-SHA256) (.*)$/s.exec(value.trim());
  if (v4) {
    const fields = v4[2].split(",").map((part) => {
      const eq = part.indexOf("=");
      if (eq < 0) return MASK;
      const name = part.slice(0, eq).trim();
      return `${name}=${name === "SignedHeaders" || name === "AdditionalHeaders" ? part.slice(eq + 1).trim() : MASK}`;
    });
    return `${v4[1]} ${fields.join(", ")}`;
  }
  if (value.trim().startsWith("q-sign-algorithm=")) {
    return value
      .trim()
      .split("&")
      .map((pair) => {
        const eq = pair.indexOf("=");
        const name = eq >= 0 ? pair.slice(0, eq) : pair;
        return name === "q-ak" || name === "q-signature" ? `${name}=${MASK}` : pair;
      })
      .join("&");
  }
  return MASK;
}
