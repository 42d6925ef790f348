/**
 * Each vendor's bucket-name rule, as its documentation states it. Bucket names become host names (virtual-hosted)
 * or the first path segment (path-style): a name outside these rules is not a bucket the service can have, and
 * some (`127.0.0.1:9/x#`, `a/b`) would send a signed request elsewhere. check applies them to `bucket` and to
 * `destination.bucket` in every spelling; the request builder refuses anything that is not host-safe.
 *
 * Sources (read 2026): OSS https://www.alibabacloud.com/help/en/oss/user-guide/bucket-naming-conventions;
 * COS https://www.tencentcloud.com/document/product/436/13312 ("Bucket Naming Conventions");
 * OBS https://support.huaweicloud.com/en-us/devg-obs/obs_06_0019.html ("Bucket Names");
 * S3 https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html (general purpose buckets).
 * S3 buckets created in us-east-1 before March 2018 may have upper-case letters or '_': they cannot be addressed
 * virtual-hosted (DNS is case-insensitive) and are not supported.
 */
import type { Vendor } from "./inventoryConfig";

interface NameRule {
  /** The rule in a sentence, for failures. */
  text: string;
  /** The first way `name` breaks the rule, or undefined. */
  problem(name: string, region?: string): string | undefined;
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

function lengthProblem(name: string, min: number, max: number): string | undefined {
  if (name.length < min) return `is ${name.length} characters long (at least ${min})`;
  if (name.length > max) return `is ${name.length} characters long (at most ${max})`;
  return undefined;
}

function charsProblem(name: string, allowed: RegExp, what: string): string | undefined {
  const bad = [...name].find((c) => !allowed.test(c));
  if (bad === undefined) return undefined;
  const shown = bad === " " ? "a space" : /^[\x21-\x7e]$/.test(bad) ? `'${bad}'` : `U+${bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
  return `has ${shown}, and only ${what} are allowed`;
}

/**
 * OSS's naming page allows lower-case letters, digits and '-'; seed 004 (PutBucketInventory) gives
 * `acs:oss:::bucket_0001` as the example destination, and the seeds win: '_' is allowed too, as the fake allows it
 * (docs/vendor-facts.md, "OSS: destination bucket names"). It changes no host or path.
 */
const OSS_RULE: NameRule = {
  text: "OSS bucket names are 3 to 63 lower-case letters, digits, '-' and '_', beginning and ending with a letter or digit",
  problem: (name) =>
    lengthProblem(name, 3, 63) ??
    charsProblem(name, /[a-z0-9_-]/, "lower-case letters, digits, '-' and '_'") ??
    (/^[-_]|[-_]$/.test(name) ? "begins or ends with '-' or '_'" : undefined),
};

/** `<name>-<appid>`; the name part as OSS's, and the whole host name `<bucket>.cos.<region>.myqcloud.com` within 60. */
const COS_RULE: NameRule = {
  text:
    `COS bucket names are "<name>-<appid>": the name of lower-case letters, digits and '-', not beginning or ending ` +
    "with '-', the appid digits, and the host name <name>-<appid>.cos.<region>.myqcloud.com at most 60 characters",
  problem: (name, region) => {
    const m = /^(.*)-(\d+)$/.exec(name);
    if (!m) return `lacks the "-<appid>" suffix COS bucket names carry, e.g. "photos-1250000000"`;
    const part = m[1];
    if (part === "") return "has no name before its appid";
    const chars = charsProblem(part, /[a-z0-9-]/, "lower-case letters, digits and '-'");
    if (chars) return chars;
    if (/^-|-$/.test(part)) return "has a name that begins or ends with '-'";
    const host = region ? `${name}.cos.${region}.myqcloud.com` : undefined;
    const shown = host && host.length > 80 ? `${host.slice(0, 77)}...` : host;
    if (host && host.length > 60) return `makes the host name ${shown} ${host.length} characters long (at most 60)`;
    return undefined;
  },
};

const OBS_RULE: NameRule = {
  text:
    "OBS bucket names are 3 to 63 lower-case letters, digits, '-' and '.', beginning with a letter or digit, not " +
    "ending with '-' or '.', without '..', '.-' or '-.', and not an IP address",
  problem: (name) =>
    lengthProblem(name, 3, 63) ??
    charsProblem(name, /[a-z0-9.-]/, "lower-case letters, digits, '-' and '.'") ??
    (/^[-.]/.test(name) ? "begins with '-' or '.'" : undefined) ??
    (/[-.]$/.test(name) ? "ends with '-' or '.'" : undefined) ??
    (/\.\.|\.-|-\./.test(name) ? "has '..', '.-' or '-.'" : undefined) ??
    (IPV4.test(name) ? "is an IP address" : undefined),
};

const S3_RESERVED_PREFIXES = ["xn--", "sthree-", "amzn-s3-demo-"];
const S3_RESERVED_SUFFIXES = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"];

const S3_RULE: NameRule = {
  text:
    "S3 bucket names are 3 to 63 lower-case letters, digits, '-' and '.', beginning and ending with a letter or " +
    `digit, without '..', not an IP address, not beginning with ${S3_RESERVED_PREFIXES.join(", ")} and not ending ` +
    `with ${S3_RESERVED_SUFFIXES.join(", ")}`,
  problem: (name) =>
    lengthProblem(name, 3, 63) ??
    charsProblem(name, /[a-z0-9.-]/, "lower-case letters, digits, '-' and '.'") ??
    (/^[-.]|[-.]$/.test(name) ? "begins or ends with '-' or '.'" : undefined) ??
    (name.includes("..") ? "has '..'" : undefined) ??
    (IPV4.test(name) ? "is an IP address" : undefined) ??
    (S3_RESERVED_PREFIXES.find((p) => name.startsWith(p)) && "begins with a prefix S3 reserves") ??
    (S3_RESERVED_SUFFIXES.find((s) => name.endsWith(s)) && "ends with a suffix S3 reserves") ??
    undefined,
};

const RULES: Record<Vendor, NameRule> = { oss: OSS_RULE, cos: COS_RULE, obs: OBS_RULE, s3: S3_RULE };

/**
 * Why `name` cannot be a `vendor` bucket, as `<what is wrong>; <the rule>`, or undefined when it can. `region`
 * (optional) lets COS check its host-name length.
 */
export function bucketNameProblem(vendor: Vendor, name: string, region?: string): string | undefined {
  const rule = RULES[vendor];
  const problem = rule.problem(name, region);
  return problem ? `${problem}; ${rule.text}` : undefined;
}

/**
 * Whether a name can go into a host name or one path segment unchanged: lower-case letters, digits, '-', '_' and
 * '.', letter or digit at both ends, no empty label, at most 63. Every vendor's rule is at least as strict; the
 * request builder uses this one so that no name, checked or not, can move a request to another host or path.
 */
export function isHostSafeBucket(name: string): boolean {
  return /^[a-z0-9](?:[a-z0-9._-]{0,61}[a-z0-9])?$/.test(name) && !name.includes("..");
}
