import { createHmac } from "node:crypto";
import type { HttpRequest } from "../http/httpTypes";
import type { SigningInput } from "./signingTypes";
import { bucketPath } from "./bucketPath";
import { checkSigningInput } from "./checkSigningInput";
import { rfc1123Date } from "./signingDates";
import { byCodeUnit, headerValue, withHeaders } from "./withHeaders";

/**
 * OBS signature (`OBS ak:base64(HMAC-SHA1)`, obs-docs obs_04_0010) and OBS's S3-compatible V2 mode
 * (`AWS ak:...`, x-amz-* headers), which share one layout:
 * VERB \n Content-MD5 \n Content-Type \n Date \n CanonicalizedHeaders CanonicalizedResource.
 */

export interface ObsFlavor {
  authPrefix: "OBS" | "AWS";
  headerPrefix: "x-obs-" | "x-amz-";
}

export const OBS_FLAVOR: ObsFlavor = { authPrefix: "OBS", headerPrefix: "x-obs-" };
export const OBS_AWS_V2_FLAVOR: ObsFlavor = { authPrefix: "AWS", headerPrefix: "x-amz-" };

/**
 * OBS's fixed sub-resource list (esdk-obs-nodejs utils.js allowedResourceParameterNames, obs-go const.go, the
 * obs-docs Java sample), compared lower-case. It has `inventory` but not `id`, so every inventory request signs
 * `/{bucket}/?inventory`.
 */
export const OBS_SUB_RESOURCES: ReadonlySet<string> = new Set([
  "acl", "append", "attname", "backtosource", "bucketstatus", "cdnnotifyconfiguration", "cors", "customdomain",
  "delete", "deletebucket", "directcoldaccess", "encryption", "inventory", "length", "lifecycle", "location",
  "logging", "metadata", "mirrorbacktosource", "modify", "name", "notification", "obsalias", "obsbucketalias",
  "obscompresspolicy", "obsworkflowtriggerpolicy", "object-lock", "partnumber", "policy", "policystatus",
  "position", "publicaccessblock", "quota", "rename", "replication", "requestpayment", "response-cache-control",
  "response-content-disposition", "response-content-encoding", "response-content-language",
  "response-content-type", "response-expires", "restore", "retention", "storageclass", "storageinfo",
  "storagepolicy", "tagging", "torrent", "truncate", "uploadid", "uploads", "versionid", "versioning", "versions",
  "website", "x-image-process", "x-image-save-bucket", "x-image-save-object", "x-obs-security-token",
  "x-oss-process", "x-workflow-execution-state", "x-workflow-execution-type", "x-workflow-graph-name",
  "x-workflow-limit", "x-workflow-next-marker", "x-workflow-prefix", "x-workflow-start",
  "x-workflow-template-name",
]);

/**
 * The bucket path as sent, `/{bucket}` added in front when virtual-hosted (esdk signs a path-style request's
 * path exactly as sent, `/srcbucket` without a slash included), then `?` and the sorted sub-resources with
 * decoded values and a bare key for an empty value.
 */
export function obsCanonicalResource(request: HttpRequest, bucket: string): string {
  const base = bucketPath(request, bucket).pathStyle ? request.path : `/${bucket}${request.path}`;
  const picked = new Map<string, string>();
  for (const [key, value] of request.query) {
    if (OBS_SUB_RESOURCES.has(key.toLowerCase()) && !picked.has(key)) picked.set(key, value);
  }
  const subs = [...picked.entries()].sort(([a], [b]) => byCodeUnit(a, b)).map(([k, v]) => (v === "" ? k : `${k}=${v}`));
  return subs.length > 0 ? `${base}?${subs.join("&")}` : base;
}

/** Headers with the flavor's prefix, lower-cased, trimmed, sorted, `k:v\n` each. */
export function obsCanonicalHeaders(headers: Record<string, string>, prefix: string): string {
  return Object.entries(headers)
    .map(([name, value]) => [name.toLowerCase(), value.trim()] as const)
    .filter(([name]) => name.startsWith(prefix))
    .sort(([a], [b]) => byCodeUnit(a, b))
    .map(([name, value]) => `${name}:${value}\n`)
    .join("");
}

/** The Date slot is the Date header, or empty when `<prefix>date` is present (unlike OSS, which copies it). */
export function obsStringToSign(request: HttpRequest, bucket: string, flavor: ObsFlavor = OBS_FLAVOR): string {
  const h = request.headers;
  const date = headerValue(h, `${flavor.headerPrefix}date`) ? "" : headerValue(h, "date");
  return [
    request.method,
    headerValue(h, "content-md5"),
    headerValue(h, "content-type"),
    date,
    obsCanonicalHeaders(h, flavor.headerPrefix) + obsCanonicalResource(request, bucket),
  ].join("\n");
}

/** `OBS ak:sig` / `AWS ak:sig` for a request that already carries its date header. */
export function obsAuthorization(
  request: HttpRequest,
  input: Pick<SigningInput, "credentials" | "bucket">,
  flavor: ObsFlavor = OBS_FLAVOR,
): string {
  const stringToSign = obsStringToSign(request, input.bucket, flavor);
  const signature = createHmac("sha1", input.credentials.secretAccessKey).update(stringToSign, "utf8").digest("base64");
  return `${flavor.authPrefix} ${input.credentials.accessKeyId}:${signature}`;
}

function signWith(request: HttpRequest, input: SigningInput, flavor: ObsFlavor): HttpRequest {
  checkSigningInput(input, flavor === OBS_FLAVOR ? "OBS" : "OBS S3-compatible V2", ["bucket"]);
  const added: Record<string, string> = { date: rfc1123Date(input.now) };
  if (input.credentials.securityToken) added[`${flavor.headerPrefix}security-token`] = input.credentials.securityToken;
  const dated = withHeaders(request, added);
  return withHeaders(dated, { authorization: obsAuthorization(dated, input, flavor) });
}

/** OBS signature: Date header (RFC 1123), x-obs-* canonical headers; STS token in x-obs-security-token. */
export function signObs(request: HttpRequest, input: SigningInput): HttpRequest {
  return signWith(request, input, OBS_FLAVOR);
}

/** OBS's S3-compatible mode: same layout, `AWS ak:sig`, x-amz-* headers; STS token in x-amz-security-token. */
export function signObsAwsV2(request: HttpRequest, input: SigningInput): HttpRequest {
  return signWith(request, input, OBS_AWS_V2_FLAVOR);
}
