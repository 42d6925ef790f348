/**
 * Static checks on the destination, including what the configuration itself says about co-location: the region
 * inside a COS destination ARN, the account inside an OSS role ARN, an ARN of another vendor. Live look-ups of the
 * destination bucket are in colocation.ts.
 */
import { bucketNameProblem } from "../model/bucketNames";
import { parseDestinationBucket } from "../model/normalize";
import { rulesFor, type EncryptionKind } from "../model/vendorRules";
import type { Vendor } from "../model/inventoryConfig";
import { CheckFailures, isObject, known, oneOf, quote, bare } from "./checkFailures";
import type { BucketInventoryInputs } from "./resourceArgs";

const ARN_EXAMPLE: Record<Vendor, string> = {
  oss: '"acs:oss:::<bucket>"',
  cos: '"qcs::cos:<region>::<bucket>-<appid>"',
  obs: "no ARN form",
  s3: '"arn:aws:s3:::<bucket>"',
};
const ARN_VENDOR = { oss: "oss", cos: "cos", s3: "s3" } as const;

function checkBucket(vendor: Vendor, region: unknown, source: unknown, raw: unknown, f: CheckFailures): void {
  const label = rulesFor(vendor).label;
  if (raw === undefined || raw === null || raw === "") {
    f.add("destination.bucket", "is required");
    return;
  }
  if (!known(raw)) return;
  if (typeof raw !== "string") {
    f.add("destination.bucket", `${quote(raw)} is not a string`);
    return;
  }
  const arn = parseDestinationBucket(raw);
  if (arn.form !== "plain" && ARN_VENDOR[arn.form] !== vendor) {
    f.add("destination.bucket", `${quote(raw)} is written in ${rulesFor(ARN_VENDOR[arn.form]).label}'s ARN form; ${label} takes the bucket name or ${ARN_EXAMPLE[vendor]}`);
    return;
  }
  const problem = bucketNameProblem(vendor, arn.bucket, typeof region === "string" && known(region) ? (arn.region ?? region) : arn.region);
  if (problem) {
    const named = arn.form === "plain" && arn.bucket === raw ? quote(raw) : `${quote(raw)} names bucket ${quote(arn.bucket)}, which`;
    f.add("destination.bucket", `${named} ${problem}`);
  }
  if (arn.region && known(region) && arn.region !== region) {
    f.add("destination.bucket", `${quote(raw)} is in ${bare(arn.region)}, source ${quote(source)} is in ${bare(region)}; ${label} requires the same region`);
  }
}

function checkAccount(vendor: Vendor, d: Record<string, unknown>, f: CheckFailures): void {
  const rules = rulesFor(vendor);
  const { accountId, roleArn } = d;
  if (rules.accountId === "absent" && accountId !== undefined) {
    f.add("destination.accountId", `${quote(accountId)}: ${rules.label} has no destination account (it requires the source's own account); remove it`);
  } else if (rules.accountId === "required" && accountId === undefined) {
    f.add("destination.accountId", `is required by ${rules.label}: the account id that owns the destination bucket`);
  } else if (known(accountId) && rules.accountIdRule) {
    const { pattern, what } = rules.accountIdRule;
    if (typeof accountId !== "string" || !pattern.test(accountId)) f.add("destination.accountId", `${quote(accountId)} is not ${what}`);
  }
  if (rules.roleArn === "absent") {
    if (roleArn !== undefined) f.add("destination.roleArn", `${quote(roleArn)}: only OSS takes a role ARN; remove it for ${rules.label}`);
    return;
  }
  if (roleArn === undefined) {
    f.add("destination.roleArn", `is required by ${rules.label}: the RAM role it assumes to write reports, "acs:ram::<uid>:role/<name>"`);
    return;
  }
  if (!known(roleArn) || !rules.roleArnRule) return;
  const m = typeof roleArn === "string" ? rules.roleArnRule.pattern.exec(roleArn) : null;
  if (!m) {
    f.add("destination.roleArn", `${quote(roleArn)} is not ${rules.roleArnRule.what}`);
  } else if (typeof accountId === "string" && known(accountId) && m[1] !== accountId) {
    f.add("destination.roleArn", `${quote(roleArn)} belongs to account ${m[1]}, destination.accountId is ${quote(accountId)}; ${rules.label} requires the same account`);
  }
}

function checkEncryption(vendor: Vendor, encryption: unknown, f: CheckFailures): void {
  if (encryption === undefined || !known(encryption)) return;
  const rules = rulesFor(vendor);
  if (rules.encryptions.length === 0) {
    f.add("destination.encryption", `${rules.label} has no inventory report encryption setting; remove destination.encryption`);
    return;
  }
  const allowed = rules.encryptions.map((k) => `{ ${k}: ${k === "sseKms" ? "{ keyId }" : "{}"} }`).join(" or ");
  const keys = isObject(encryption) ? Object.keys(encryption) : [];
  if (keys.length !== 1) {
    f.add("destination.encryption", `${quote(encryption)} must set exactly one of ${oneOf(rules.encryptions)}: ${allowed}`);
    return;
  }
  const kind = keys[0] as EncryptionKind;
  if (!rules.encryptions.includes(kind)) {
    f.add("destination.encryption", `${kind} is not available on ${rules.label}; use ${allowed}`);
    return;
  }
  const value = (encryption as Record<string, unknown>)[kind];
  if (!known(value)) return;
  if (kind === "sseKms") {
    const keyId = isObject(value) ? value.keyId : undefined;
    if (vendor === "s3" && keyId === undefined) f.add("destination.encryption.sseKms.keyId", "is required by S3: the KMS key ARN");
    else if (!known(keyId) || keyId === undefined) return;
    else if (typeof keyId !== "string") f.add("destination.encryption.sseKms.keyId", `${quote(keyId)} is not a string`);
    else if (keyId === "") {
      const instead = vendor === "s3" ? "S3 needs the KMS key ARN" : `leave keyId out for ${rules.label}'s default key`;
      f.add("destination.encryption.sseKms.keyId", `"" is not a KMS key id; ${instead}`);
    }
  } else if (known(value) && !(isObject(value) && Object.keys(value).length === 0)) {
    f.add(`destination.encryption.${kind}`, `${quote(value)} takes no settings; write ${kind}: {}`);
  }
}

/** Every static rule on `destination`; `raw` is the destination as written (before ARN forms are reduced). */
export function checkDestination(vendor: Vendor, args: BucketInventoryInputs, raw: unknown, f: CheckFailures): void {
  const d = args.destination as unknown;
  if (d === undefined || d === null) {
    f.add("destination", "is required: { bucket, format, ... }");
    return;
  }
  if (!known(d)) return;
  if (!isObject(d)) {
    f.add("destination", `${quote(d)} is not an object { bucket, format, ... }`);
    return;
  }
  const rules = rulesFor(vendor);
  checkBucket(vendor, args.region, args.bucket, isObject(raw) ? raw.bucket : d.bucket, f);
  if (known(d.prefix) && typeof d.prefix !== "string") f.add("destination.prefix", `${quote(d.prefix)} is not a string`);
  if (known(d.format) && !(rules.formats as readonly unknown[]).includes(d.format)) {
    f.add("destination.format", `${quote(d.format)} is not supported by ${rules.label}; use ${oneOf(rules.formats)}`);
  }
  checkAccount(vendor, d, f);
  checkEncryption(vendor, d.encryption, f);
}
