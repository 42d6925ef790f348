/**
 * A fake cloud whose accounts use sentinel credentials (access key id, secret, security token: distinctive byte
 * strings that can be searched for), with a source and a destination bucket per vendor, and the stack config a
 * user would set for them. Everything a test captures is later searched for these bytes.
 */
import type { Vendor } from "../../../provider/model/inventoryConfig";
import { CONFIG_NAMESPACE, CREDENTIAL_KEYS } from "../../../provider/resource/credentials";
import { defaultSeed, type Seed } from "../../fake/index";

export interface Sentinel {
  accessKeyId: string;
  secretAccessKey: string;
  securityToken: string;
}

export const REGION: Record<Vendor, string> = { oss: "cn-hangzhou", cos: "ap-guangzhou", obs: "cn-north-4", s3: "us-east-1" };
const ACCOUNT: Record<Vendor, string> = { oss: "2000000000000009", cos: "200000000009", obs: "5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e", s3: "333333333333" };
const APPID = "1250000099";

/** Mixed case: a service that echoes them lower- or upper-cased must still be caught. */
export const SENTINELS: Record<Vendor, Sentinel> = {
  oss: { accessKeyId: "SNTLOSSKEY7F3A91", secretAccessKey: "Sntl-Oss-Secret-5e6F7a8B9c0d", securityToken: "Sntl-Oss-Token-0d1E2f3A4b5C6d" },
  cos: { accessKeyId: "SNTLCOSKEY7F3A92", secretAccessKey: "Sntl-Cos-Secret-5e6F7a8B9c0e", securityToken: "Sntl-Cos-Token-0d1E2f3A4b5C6e" },
  obs: { accessKeyId: "SNTLOBSKEY7F3A93", secretAccessKey: "Sntl-Obs-Secret-5e6F7a8B9c0f", securityToken: "Sntl-Obs-Token-0d1E2f3A4b5C6f" },
  s3: { accessKeyId: "SNTLS3KEY07F3A94", secretAccessKey: "Sntl-S3-Secret-5e6F7a8B9c10a", securityToken: "Sntl-S3-Token-0d1E2f3A4b5C70" },
};

/** Every sentinel string, with what it is (for failure messages). */
export function sentinelStrings(): [string, string][] {
  return Object.entries(SENTINELS).flatMap(([v, s]) => [
    [s.accessKeyId, `${v} access key id`],
    [s.secretAccessKey, `${v} secret`],
    [s.securityToken, `${v} security token`],
  ]);
}

export const bucketName = (vendor: Vendor, role: "photos" | "reports" | "far") => {
  const base = `sntl-${role}`;
  return vendor === "cos" ? `${base}-${APPID}` : base;
};

/** The default seed plus one sentinel account per vendor owning sntl-photos, sntl-reports (same region), sntl-far. */
export function sentinelSeed(): Seed {
  const seed = defaultSeed();
  for (const vendor of ["oss", "cos", "obs", "s3"] as Vendor[]) {
    const s = SENTINELS[vendor];
    seed.accounts.push({
      vendor, accountId: ACCOUNT[vendor], accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey, ...(vendor === "cos" ? { appId: APPID } : {}),
    });
    for (const role of ["photos", "reports"] as const) {
      seed.buckets.push({ vendor, name: bucketName(vendor, role), region: REGION[vendor], accountId: ACCOUNT[vendor], versioning: "Off" });
    }
    const farRegion = { oss: "cn-beijing", cos: "ap-beijing", obs: "cn-east-3", s3: "eu-west-1" }[vendor];
    seed.buckets.push({ vendor, name: bucketName(vendor, "far"), region: farRegion, accountId: ACCOUNT[vendor], versioning: "Off" });
  }
  return seed;
}

/** Stack config holding every vendor's sentinel id, secret and token, as `pulumi config set --secret` would. */
export function sentinelStackConfig(): Record<string, string> {
  const config: Record<string, string> = {};
  for (const [vendor, s] of Object.entries(SENTINELS) as [Vendor, Sentinel][]) {
    const keys = CREDENTIAL_KEYS[vendor].config;
    config[`${CONFIG_NAMESPACE}:${keys.id}`] = s.accessKeyId;
    config[`${CONFIG_NAMESPACE}:${keys.secret}`] = s.secretAccessKey;
    config[`${CONFIG_NAMESPACE}:${keys.token}`] = s.securityToken;
  }
  return config;
}

/** The same credentials as environment variables. */
export function sentinelEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [vendor, s] of Object.entries(SENTINELS) as [Vendor, Sentinel][]) {
    const keys = CREDENTIAL_KEYS[vendor].env;
    env[keys.id] = s.accessKeyId;
    env[keys.secret] = s.secretAccessKey;
    env[keys.token] = s.securityToken;
  }
  return env;
}

/** Resource arguments on the sentinel buckets. */
export function sentinelArgs(vendor: Vendor, endpoint: string, id: string, destination: "reports" | "far" = "reports"): Record<string, unknown> {
  const account = ACCOUNT[vendor];
  const dest: Record<string, unknown> = { bucket: bucketName(vendor, destination), prefix: "inv/", format: "CSV" };
  if (vendor === "oss") Object.assign(dest, { accountId: account, roleArn: `acs:ram::${account}:role/AliyunOSSRole`, encryption: { sseKms: { keyId: "kms-key-1" } } });
  if (vendor === "s3") Object.assign(dest, { accountId: account, encryption: { sseKms: { keyId: `arn:aws:kms:us-east-1:${account}:key/k1` } } });
  if (vendor === "cos") Object.assign(dest, { encryption: { sseCos: {} } });
  return {
    vendor, region: REGION[vendor], bucket: bucketName(vendor, "photos"), inventoryId: id, endpoint, destination: dest,
    schedule: { frequency: "Daily" }, optionalFields: ["Size"], filter: { prefix: "logs/" },
  };
}
