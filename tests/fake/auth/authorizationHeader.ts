import type { Vendor } from "../seed";

/** The Authorization header, split by scheme. Only parsing: no secret is involved yet. */
export type ParsedAuthorization =
  | { scheme: "oss-v1"; accessKeyId: string; signature: string }
  | {
      scheme: "oss-v4";
      accessKeyId: string;
      date: string;
      region: string;
      product: string;
      additionalHeaders: string[];
      signature: string;
    }
  | {
      scheme: "cos";
      accessKeyId: string;
      algorithm: string;
      signTime: string;
      keyTime: string;
      headerList: string[];
      paramList: string[];
      signature: string;
    }
  | { scheme: "obs"; accessKeyId: string; signature: string }
  | { scheme: "aws-v2"; accessKeyId: string; signature: string }
  | {
      scheme: "aws-v4";
      accessKeyId: string;
      date: string;
      region: string;
      service: string;
      signedHeaders: string[];
      signature: string;
    };

export type Scheme = ParsedAuthorization["scheme"];

export type AuthorizationParse =
  | { kind: "absent" }
  | { kind: "malformed"; scheme?: Scheme; reason: string }
  | { kind: "parsed"; auth: ParsedAuthorization };

/** Which vendors' services speak a scheme: OBS also accepts the AWS ones. */
export const SCHEME_VENDORS: Record<Scheme, readonly Vendor[]> = {
  "oss-v1": ["oss"],
  "oss-v4": ["oss"],
  cos: ["cos"],
  obs: ["obs"],
  "aws-v2": ["obs"],
  "aws-v4": ["s3", "obs"],
};

export function parseAuthorization(header: string | undefined): AuthorizationParse {
  if (header === undefined || header.trim() === "") return { kind: "absent" };
  const value = header.trim();
  if (value.startsWith("OSS4-HMAC-SHA256 ")) return parseV4Style(value, "oss-v4");
  if (value.startsWith("AWS4-HMAC-SHA256 ")) return parseV4Style(value, "aws-v4");
  if (value.startsWith("q-sign-algorithm=")) return parseCos(value);
  const simple = /^(OSS|OBS|AWS) ([^:\s]+):(\S+)$/.exec(value);
  if (simple) {
    const scheme = simple[1] === "OSS" ? "oss-v1" : simple[1] === "OBS" ? "obs" : "aws-v2";
    return { kind: "parsed", auth: { scheme, accessKeyId: simple[2], signature: simple[3] } };
  }
  const guess = ([["OSS", "oss-v1"], ["OBS", "obs"], ["AWS", "aws-v2"]] as const).find(([p]) => value.startsWith(p))?.[1];
  return { kind: "malformed", scheme: guess, reason: "the Authorization header does not follow any known scheme" };
}

function parseV4Style(value: string, scheme: "oss-v4" | "aws-v4"): AuthorizationParse {
  const fields = new Map<string, string>();
  for (const part of value.slice(value.indexOf(" ") + 1).split(",")) {
    const eq = part.indexOf("=");
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = (fields.get("Credential") ?? "").split("/");
  const signature = fields.get("Signature") ?? "";
  const terminator = scheme === "oss-v4" ? "aliyun_v4_request" : "aws4_request";
  if (credential.length !== 5 || credential[4] !== terminator || !/^[0-9a-f]{64}$/.test(signature)) {
    const reason = `the Authorization header must carry Credential=<key>/<date>/<region>/<service>/${terminator} and a hex Signature`;
    return { kind: "malformed", scheme, reason };
  }
  const [accessKeyId, date, region, service] = credential;
  if (scheme === "oss-v4") {
    const additional = fields.get("AdditionalHeaders");
    const additionalHeaders = additional ? additional.split(";").map((h) => h.trim().toLowerCase()).filter(Boolean) : [];
    return { kind: "parsed", auth: { scheme, accessKeyId, date, region, product: service, additionalHeaders, signature } };
  }
  const signedHeaders = (fields.get("SignedHeaders") ?? "").split(";").map((h) => h.trim().toLowerCase()).filter(Boolean);
  if (signedHeaders.length === 0) return { kind: "malformed", scheme, reason: "the Authorization header lacks SignedHeaders" };
  return { kind: "parsed", auth: { scheme, accessKeyId, date, region, service, signedHeaders, signature } };
}

function parseCos(value: string): AuthorizationParse {
  const fields = new Map<string, string>();
  for (const part of value.split("&")) {
    const eq = part.indexOf("=");
    if (eq > 0) fields.set(part.slice(0, eq), part.slice(eq + 1));
  }
  const need = ["q-ak", "q-sign-time", "q-key-time", "q-signature"];
  const missing = need.filter((k) => !fields.get(k));
  if (missing.length > 0) return { kind: "malformed", scheme: "cos", reason: `the Authorization header lacks ${missing.join(", ")}` };
  const list = (k: string) => (fields.get(k) ?? "").split(";").filter(Boolean);
  return {
    kind: "parsed",
    auth: {
      scheme: "cos",
      accessKeyId: fields.get("q-ak") ?? "",
      algorithm: fields.get("q-sign-algorithm") ?? "",
      signTime: fields.get("q-sign-time") ?? "",
      keyTime: fields.get("q-key-time") ?? "",
      headerList: list("q-header-list"),
      paramList: list("q-url-param-list"),
      signature: fields.get("q-signature") ?? "",
    },
  };
}
