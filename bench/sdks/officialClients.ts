/**
 * The vendors' official Node SDKs (dev dependencies of the benchmark only), each configured as a user would point
 * it at a private endpoint, here the fake cloud on loopback: default signature, retries and keep-alive. Each
 * sends the same configuration as `sampleConfig` in the SDK's own input shape. A response the SDK reports as an
 * HTTP error becomes a thrown Error, so a failing side cannot look fast.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { InventoryConfig, Vendor } from "../../provider/model/inventoryConfig";
import { credentialsOf, PLACES } from "../support/benchVendors";
import type { InventoryContender } from "./contender";

/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any -- untyped CommonJS SDKs */

export const SDK_PACKAGES: Record<Vendor, string> = {
  oss: "ali-oss",
  cos: "cos-nodejs-sdk-v5",
  obs: "esdk-obs-nodejs",
  s3: "@aws-sdk/client-s3",
};

export function sdkLabel(vendor: Vendor): string {
  const name = SDK_PACKAGES[vendor];
  const file = path.join(path.dirname(require.resolve(`${name}/package.json`)), "package.json");
  return `${name} ${(JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version}`;
}

function aliOss(endpoint: string): InventoryContender {
  const OSS = require("ali-oss");
  const { accessKeyId, secretAccessKey } = credentialsOf("oss");
  const client = new OSS({ region: `oss-${PLACES.oss.region}`, accessKeyId, accessKeySecret: secretAccessKey, endpoint, secure: false });
  const bucket = PLACES.oss.source;
  return {
    name: sdkLabel("oss"),
    async put(c) {
      const d = c.destination;
      await client.putBucketInventory(bucket, {
        id: c.id, isEnabled: c.enabled, prefix: c.filter?.prefix, frequency: c.schedule.frequency,
        includedObjectVersions: c.includedObjectVersions, optionalFields: { field: c.optionalFields },
        OSSBucketDestination: { format: d.format, accountId: d.accountId, rolename: d.roleArn?.split("role/")[1], bucket: d.bucket, prefix: d.prefix },
      });
    },
    async get(id) {
      await client.getBucketInventory(bucket, id);
    },
    async list() {
      await client.listBucketInventory(bucket);
    },
    close: async () => undefined,
  };
}

function cos(endpoint: string): InventoryContender {
  const COS = require("cos-nodejs-sdk-v5");
  const { accessKeyId, secretAccessKey } = credentialsOf("cos");
  const url = new URL(endpoint);
  // Ip: connect here, keep the virtual-hosted Host header (the SDK supports virtual-hosted addressing only).
  const client = new COS({ SecretId: accessKeyId, SecretKey: secretAccessKey, Protocol: "http:", Ip: url.host });
  const { region, source } = PLACES.cos;
  const call = (method: string, params: object) =>
    new Promise<void>((resolve, reject) => client[method]({ Bucket: source, Region: region, ...params }, (err: any) => (err ? reject(sdkError(err)) : resolve())));
  return {
    name: sdkLabel("cos"),
    put: (c) =>
      call("putBucketInventory", {
        Id: c.id,
        InventoryConfiguration: {
          Id: c.id, IsEnabled: String(c.enabled),
          Destination: { COSBucketDestination: { Format: c.destination.format, Bucket: `qcs::cos:${region}::${c.destination.bucket}`, Prefix: c.destination.prefix } },
          Schedule: { Frequency: c.schedule.frequency }, Filter: { Prefix: c.filter?.prefix },
          IncludedObjectVersions: c.includedObjectVersions, OptionalFields: c.optionalFields,
        },
      }),
    get: (id) => call("getBucketInventory", { Id: id }),
    list: () => call("listBucketInventory", {}),
    close: async () => undefined,
  };
}

function obs(endpoint: string): InventoryContender {
  const ObsClient = require("esdk-obs-nodejs");
  const { accessKeyId, secretAccessKey } = credentialsOf("obs");
  const client = new ObsClient({ access_key_id: accessKeyId, secret_access_key: secretAccessKey, server: endpoint });
  const bucket = PLACES.obs.source;
  const checked = async (result: any) => {
    const status = result?.CommonMsg?.Status;
    if (!(status >= 200 && status < 300)) throw new Error(`esdk-obs-nodejs: HTTP ${status} ${result?.CommonMsg?.Code ?? ""}`);
  };
  return {
    name: sdkLabel("obs"),
    put: async (c) =>
      checked(
        await client.setBucketInventory({
          Bucket: bucket, InventoryId: c.id, Id: c.id, IsEnabled: c.enabled, Filter: { Prefix: c.filter?.prefix },
          Destination: { Format: c.destination.format, Bucket: c.destination.bucket, Prefix: c.destination.prefix },
          Schedule: { Frequency: c.schedule.frequency }, IncludedObjectVersions: c.includedObjectVersions,
          OptionalFields: { Field: c.optionalFields },
        }),
      ),
    get: async (id) => checked(await client.getBucketInventory({ Bucket: bucket, InventoryId: id })),
    list: async () => checked(await client.listBucketInventory({ Bucket: bucket })),
    close: async () => client.close(),
  };
}

function awsS3(endpoint: string): InventoryContender {
  const s3 = require("@aws-sdk/client-s3");
  const client = new s3.S3Client({ region: PLACES.s3.region, endpoint, forcePathStyle: true, credentials: credentialsOf("s3") });
  const bucket = PLACES.s3.source;
  return {
    name: sdkLabel("s3"),
    async put(c: InventoryConfig) {
      const d = c.destination;
      await client.send(
        new s3.PutBucketInventoryConfigurationCommand({
          Bucket: bucket, Id: c.id,
          InventoryConfiguration: {
            Id: c.id, IsEnabled: c.enabled, Filter: { Prefix: c.filter?.prefix },
            Destination: { S3BucketDestination: { Bucket: `arn:aws:s3:::${d.bucket}`, Format: d.format, Prefix: d.prefix } },
            Schedule: { Frequency: c.schedule.frequency }, IncludedObjectVersions: c.includedObjectVersions, OptionalFields: c.optionalFields,
          },
        }),
      );
    },
    async get(id) {
      await client.send(new s3.GetBucketInventoryConfigurationCommand({ Bucket: bucket, Id: id }));
    },
    async list() {
      await client.send(new s3.ListBucketInventoryConfigurationsCommand({ Bucket: bucket }));
    },
    close: async () => client.destroy(),
  };
}

function sdkError(err: any): Error {
  return err instanceof Error ? err : new Error(`${err?.code ?? err?.error?.Code ?? "error"} ${err?.statusCode ?? ""} ${err?.message ?? ""}`.trim());
}

export function officialClient(vendor: Vendor, endpoint: string): InventoryContender {
  switch (vendor) {
    case "oss":
      return aliOss(endpoint);
    case "cos":
      return cos(endpoint);
    case "obs":
      return obs(endpoint);
    case "s3":
      return awsS3(endpoint);
  }
}
