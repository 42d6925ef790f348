/**
 * An oracle independent of the provider's own serialize/deserialize/normalize: what the fake cloud holds, as each
 * vendor's official Node SDK reads it back (ali-oss, cos-nodejs-sdk-v5, esdk-obs-nodejs, @aws-sdk/client-s3, all
 * dev dependencies), reduced to one neutral view. A bug that our serializer and our deserializer share (a field
 * written to the wrong element and read back from it) shows here as a difference from `expectedView`.
 *
 * For OSS, ali-oss's request is used with its own XML library (xml2js) rather than its formatter (see `ossView`).
 */
import { GetBucketInventoryConfigurationCommand, S3Client } from "@aws-sdk/client-s3";
import type { Vendor } from "../../../provider/model/inventoryConfig";

/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any -- untyped CommonJS SDKs */

/** A configuration as the vendors' documents say it, in one shape; absent members mean "not set". */
export interface OracleView {
  id: string;
  enabled: boolean;
  filterPrefix?: string;
  lastModifyBegin?: number;
  lastModifyEnd?: number;
  lowerSize?: number;
  upperSize?: number;
  storageClasses?: string[];
  tags?: string[];
  destinationBucket: string;
  destinationPrefix?: string;
  format: string;
  accountId?: string;
  roleArn?: string;
  encryption?: string;
  frequency: string;
  versions: string;
  fields: string[];
  incremental?: string;
}

export interface OracleTarget {
  vendor: Vendor;
  endpoint: string;
  region: string;
  bucket: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

const list = (v: unknown): any[] => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]);
const num = (v: unknown): number | undefined => (v === undefined || v === null || v === "" || Number(v) === 0 ? undefined : Number(v));
const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const bool = (v: unknown): boolean => v === true || (typeof v === "string" && v.toLowerCase() === "true");
const sorted = (values: string[]) => [...new Set(values)].sort();
/** Drops members that are undefined, so views compare by what is set. */
const compact = (view: OracleView): OracleView => JSON.parse(JSON.stringify(view)) as OracleView;
const plainBucket = (b: string) => b.replace(/^(acs:oss:::|arn:aws:s3:::|qcs::cos:[^:]*::)/, "");

/**
 * ali-oss signs and sends the request and parses the answer with its XML library (xml2js). Its getBucketInventory
 * formatter is not used: it drops the Filter beyond Prefix and the incremental inventory, and it throws on a
 * configuration without a Filter element (which the fake, like our serializer, omits when there is no filter).
 */
async function ossView(t: OracleTarget, id: string): Promise<OracleView | undefined> {
  const OSS = require("ali-oss");
  const xml2js = require("xml2js");
  const client = new OSS({
    accessKeyId: t.credentials.accessKeyId, accessKeySecret: t.credentials.secretAccessKey, region: `oss-${t.region}`,
    endpoint: t.endpoint, secure: false, retryMax: 0,
  });
  let got: any;
  try {
    const params = client._bucketRequestParams("GET", t.bucket, { inventory: "", inventoryId: id }, {});
    params.successStatuses = [200];
    got = await client.request(params);
  } catch (error) {
    if ((error as { code?: string }).code === "NoSuchInventory") return undefined;
    throw error;
  }
  const c = (await xml2js.parseStringPromise(got.res.data.toString("utf8"), { explicitArray: false, trim: false })).InventoryConfiguration;
  const d = c.Destination.OSSBucketDestination;
  const sse = d.Encryption;
  const inc = c.IncrementalInventory;
  return compact({
    id: c.Id, enabled: bool(c.IsEnabled), filterPrefix: str(c.Filter?.Prefix),
    lastModifyBegin: num(c.Filter?.LastModifyBeginTimeStamp), lastModifyEnd: num(c.Filter?.LastModifyEndTimeStamp),
    lowerSize: num(c.Filter?.LowerSizeBound), upperSize: num(c.Filter?.UpperSizeBound),
    storageClasses: c.Filter?.StorageClass ? sorted(String(c.Filter.StorageClass).split(",")) : undefined,
    destinationBucket: plainBucket(d.Bucket), destinationPrefix: str(d.Prefix), format: d.Format, accountId: str(d.AccountId), roleArn: str(d.RoleArn),
    encryption: sse ? (sse["SSE-KMS"] !== undefined ? `sseKms:${sse["SSE-KMS"]?.KeyId ?? ""}` : "sseOss") : undefined,
    frequency: c.Schedule.Frequency, versions: c.IncludedObjectVersions, fields: sorted(list(c.OptionalFields?.Field)),
    incremental: inc ? `${bool(inc.IsEnabled)}/${inc.Schedule?.Frequency}/${sorted(list(inc.OptionalFields?.Field)).join(",")}` : undefined,
  });
}

async function cosView(t: OracleTarget, id: string): Promise<OracleView | undefined> {
  const COS = require("cos-nodejs-sdk-v5");
  const client = new COS({ SecretId: t.credentials.accessKeyId, SecretKey: t.credentials.secretAccessKey, Protocol: "http:", Proxy: t.endpoint });
  const got: any = await new Promise((resolve, reject) =>
    client.getBucketInventory({ Bucket: t.bucket, Region: t.region, Id: id }, (err: any, data: any) => (err ? (err.statusCode === 404 ? resolve(undefined) : reject(err)) : resolve(data))),
  );
  if (!got) return undefined;
  const c = got.InventoryConfiguration;
  const d = c.Destination.COSBucketDestination;
  const filter = c.Filter ?? {};
  const and = filter.And ?? {};
  return compact({
    id: c.Id, enabled: bool(c.IsEnabled), filterPrefix: str(and.Prefix ?? filter.Prefix),
    lastModifyBegin: num(filter.Period?.StartTime), lastModifyEnd: num(filter.Period?.EndTime),
    storageClasses: list(and.StorageClass).length ? sorted(list(and.StorageClass)) : undefined,
    tags: list(and.Tag).length ? sorted(list(and.Tag).map((tag: any) => `${tag.Key}=${tag.Value}`)) : undefined,
    destinationBucket: plainBucket(d.Bucket), destinationPrefix: str(d.Prefix), format: d.Format, accountId: str(d.AccountId),
    encryption: d.Encryption && "SSECOS" in d.Encryption ? "sseCos" : undefined,
    frequency: c.Schedule.Frequency, versions: c.IncludedObjectVersions, fields: sorted(list(c.OptionalFields)),
  });
}

async function obsView(t: OracleTarget, id: string): Promise<OracleView | undefined> {
  const ObsClient = require("esdk-obs-nodejs");
  const client = new ObsClient({ access_key_id: t.credentials.accessKeyId, secret_access_key: t.credentials.secretAccessKey, server: t.endpoint, max_retry_count: 0 });
  await new Promise((resolve) => setImmediate(resolve)); // its constructor finishes setting up asynchronously
  try {
    const got = await client.getBucketInventory({ Bucket: t.bucket, InventoryId: id });
    if (got.CommonMsg.Status === 404) return undefined;
    if (got.CommonMsg.Status !== 200) throw new Error(`esdk-obs-nodejs got ${got.CommonMsg.Status} ${got.CommonMsg.Code}`);
    const c = got.InterfaceResult;
    return compact({
      id: c.Id, enabled: bool(c.IsEnabled), filterPrefix: str(c.Filter?.Prefix),
      destinationBucket: plainBucket(c.Destination.Bucket), destinationPrefix: str(c.Destination.Prefix), format: c.Destination.Format,
      frequency: c.Schedule.Frequency, versions: c.IncludedObjectVersions, fields: sorted(list(c.OptionalFields?.Field)),
    });
  } finally {
    client.close();
  }
}

async function s3View(t: OracleTarget, id: string): Promise<OracleView | undefined> {
  const client = new S3Client({ region: t.region, endpoint: t.endpoint, forcePathStyle: true, maxAttempts: 1, credentials: t.credentials });
  try {
    const got = await client.send(new GetBucketInventoryConfigurationCommand({ Bucket: t.bucket, Id: id }));
    const c = got.InventoryConfiguration!;
    const d = c.Destination!.S3BucketDestination!;
    const e = d.Encryption;
    return compact({
      id: c.Id!, enabled: c.IsEnabled === true, filterPrefix: str(c.Filter?.Prefix),
      destinationBucket: plainBucket(d.Bucket!), destinationPrefix: str(d.Prefix), format: d.Format!, accountId: str(d.AccountId),
      encryption: e?.SSEKMS ? `sseKms:${e.SSEKMS.KeyId ?? ""}` : e?.SSES3 ? "sseS3" : undefined,
      frequency: c.Schedule!.Frequency!, versions: c.IncludedObjectVersions!, fields: sorted((c.OptionalFields ?? []) as string[]),
    });
  } catch (error) {
    if ((error as { name?: string }).name === "NoSuchConfiguration") return undefined;
    throw error;
  } finally {
    client.destroy();
  }
}

/** What the service (the fake) holds for `id`, as the vendor's official SDK reads it; undefined when there is none. */
export function sdkView(target: OracleTarget, id: string): Promise<OracleView | undefined> {
  return { oss: ossView, cos: cosView, obs: obsView, s3: s3View }[target.vendor](target, id);
}

/**
 * What the service must hold after a put of these resource arguments, from the vendors' documented behaviour alone:
 * defaults (enabled, CSV, Current), the destination's ARN spelling reduced to the bucket, COS's "/" after a
 * destination prefix, a blank prefix and a zero bound meaning "not set", fields and storage classes as sets,
 * "All" storage classes meaning no filter. Written here, not taken from the provider's normalize.
 */
export function expectedView(vendor: Vendor, args: Record<string, any>): OracleView {
  const d = args.destination;
  const f = args.filter ?? {};
  const blank = (v: unknown) => v === undefined || (typeof v === "string" && v.trim() === "");
  const destPrefix = blank(d.prefix) ? undefined : vendor === "cos" && !d.prefix.endsWith("/") ? `${d.prefix}/` : d.prefix;
  const classes: string[] | undefined = f.storageClasses && !f.storageClasses.some((c: string) => c.toLowerCase() === "all") ? sorted(f.storageClasses) : undefined;
  const enc = d.encryption;
  const inc = args.incrementalInventory;
  return compact({
    id: String(args.inventoryId).trim(), enabled: args.enabled !== false, filterPrefix: blank(f.prefix) ? undefined : f.prefix,
    lastModifyBegin: num(f.lastModifyBeginTimeStamp), lastModifyEnd: num(f.lastModifyEndTimeStamp),
    lowerSize: num(f.lowerSizeBound), upperSize: num(f.upperSizeBound),
    storageClasses: classes && classes.length ? classes : undefined,
    tags: f.tags?.length ? sorted(f.tags.map((t: any) => `${t.key}=${t.value}`)) : undefined,
    destinationBucket: plainBucket(d.bucket), destinationPrefix: destPrefix, format: d.format ?? "CSV",
    accountId: vendor === "obs" ? undefined : d.accountId, roleArn: d.roleArn,
    encryption: enc ? (enc.sseKms ? `sseKms:${enc.sseKms.keyId ?? ""}` : Object.keys(enc)[0]) : undefined,
    frequency: args.schedule.frequency, versions: args.includedObjectVersions ?? "Current", fields: sorted(args.optionalFields ?? []),
    incremental: inc && !(inc.enabled === false && !inc.optionalFields?.length) ? `${inc.enabled !== false}/${inc.schedule?.frequency ?? 600}/${sorted(inc.optionalFields ?? []).join(",")}` : undefined,
  });
}
