import {
  DeleteBucketInventoryConfigurationCommand,
  GetBucketInventoryConfigurationCommand,
  ListBucketInventoryConfigurationsCommand,
  PutBucketInventoryConfigurationCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { startFakeCloud, type FakeCloud } from "../../fake/index";
import { MAIN } from "./support/fixtures";

// The vendors' official Node SDKs, pointed at the fake, are the referee: what they send must be accepted, and what
// the fake answers must parse into what was put.
/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */
const OSS = require("ali-oss");
const COS = require("cos-nodejs-sdk-v5");
const ObsClient = require("esdk-obs-nodejs");

let fake: FakeCloud;
beforeAll(async () => {
  fake = await startFakeCloud();
});
afterAll(() => fake.close());
beforeEach(() => fake.admin.reset());

it("ali-oss puts, gets, lists and deletes an inventory configuration (V1 and V4 signatures)", async () => {
  for (const authorizationV4 of [false, true]) {
    const client = new OSS({
      accessKeyId: MAIN.oss.accessKeyId, accessKeySecret: MAIN.oss.secretAccessKey, region: "oss-cn-hangzhou",
      endpoint: fake.url, secure: false, authorizationV4, retryMax: 0,
    });
    const inventory = {
      id: "daily-report", isEnabled: true, prefix: "img/", frequency: "Weekly", includedObjectVersions: "All",
      OSSBucketDestination: { format: "CSV", accountId: MAIN.oss.accountId, rolename: "AliyunOSSRole", bucket: "reports", prefix: "inv" },
      optionalFields: { field: ["Size", "LastModifiedDate", "ETag"] },
    };
    expect((await client.putBucketInventory("photos", inventory)).status).toBe(200);
    const got = (await client.getBucketInventory("photos", "daily-report")).inventory;
    expect(got).toMatchObject({
      id: "daily-report", isEnabled: true, prefix: "img/", frequency: "Weekly", includedObjectVersions: "All",
      OSSBucketDestination: { format: "CSV", accountId: MAIN.oss.accountId, rolename: "AliyunOSSRole", bucket: "reports", prefix: "inv" },
      optionalFields: { field: ["Size", "LastModifiedDate", "ETag"] },
    });
    const listed = await client.listBucketInventory("photos");
    expect(listed.inventoryList.map((i: any) => i.id)).toEqual(["daily-report"]);
    expect(listed.isTruncated).toBe(false);
    expect((await client.deleteBucketInventory("photos", "daily-report")).status).toBe(204);
    await expect(client.getBucketInventory("photos", "daily-report")).rejects.toMatchObject({ status: 404, code: "NoSuchInventory" });
  }
});

it("cos-nodejs-sdk-v5 (through the fake as its HTTP proxy) puts, gets, lists and deletes", async () => {
  const cos = new COS({ SecretId: MAIN.cos.accessKeyId, SecretKey: MAIN.cos.secretAccessKey, Protocol: "http:", Proxy: fake.url });
  const call = (method: string, params: Record<string, unknown>) =>
    new Promise<any>((resolve, reject) => cos[method]({ Bucket: "photos-1250000000", Region: "ap-guangzhou", ...params }, (err: any, data: any) => (err ? reject(err) : resolve(data))));
  const InventoryConfiguration = {
    Id: "list1", IsEnabled: "true", Filter: { Prefix: "img/" }, IncludedObjectVersions: "All",
    Destination: { COSBucketDestination: { Format: "CSV", AccountId: MAIN.cos.accountId, Bucket: "qcs::cos:ap-guangzhou::reports-1250000000", Prefix: "inv/", Encryption: { SSECOS: "" } } },
    Schedule: { Frequency: "Daily" }, OptionalFields: ["Size", "ETag"],
  };
  expect((await call("putBucketInventory", { Id: "list1", InventoryConfiguration })).statusCode).toBe(200);
  const got = (await call("getBucketInventory", { Id: "list1" })).InventoryConfiguration;
  expect(got).toMatchObject({
    Id: "list1", IsEnabled: "true", Filter: { Prefix: "img/" }, IncludedObjectVersions: "All", Schedule: { Frequency: "Daily" },
    Destination: { COSBucketDestination: { Format: "CSV", AccountId: MAIN.cos.accountId, Bucket: "qcs::cos:ap-guangzhou::reports-1250000000", Prefix: "inv/" } },
    OptionalFields: ["Size", "ETag"],
  });
  const listed = await call("listBucketInventory", {});
  expect(listed.InventoryConfigurations.map((c: any) => c.Id)).toEqual(["list1"]);
  expect((await call("deleteBucketInventory", { Id: "list1" })).statusCode).toBe(204);
  await expect(call("getBucketInventory", { Id: "list1" })).rejects.toMatchObject({ statusCode: 404 });
});

it("esdk-obs-nodejs (path-style, S3-compatible V2 signature) puts, gets, lists and deletes", async () => {
  const obs = new ObsClient({ access_key_id: MAIN.obs.accessKeyId, secret_access_key: MAIN.obs.secretAccessKey, server: fake.url, max_retry_count: 0 });
  await new Promise((resolve) => setImmediate(resolve)); // its constructor finishes setting up asynchronously
  const put = await obs.setBucketInventory({
    Bucket: "photos", InventoryId: "test_id", Id: "test_id", IsEnabled: "true", Filter: { Prefix: "img/" },
    Destination: { Format: "CSV", Bucket: "reports", Prefix: "inv" }, Schedule: { Frequency: "Daily" },
    IncludedObjectVersions: "Current", OptionalFields: { Field: ["Size", "ETag"] },
  });
  expect(put.CommonMsg.Status).toBe(200);
  const got = await obs.getBucketInventory({ Bucket: "photos", InventoryId: "test_id" });
  expect(got.CommonMsg.Status).toBe(200);
  expect(got.InterfaceResult).toMatchObject({
    // In S3-compatible mode the SDK sends the destination as an ARN; the fake returns it as sent.
    Id: "test_id", IsEnabled: "true", Filter: { Prefix: "img/" }, Destination: { Format: "CSV", Bucket: "arn:aws:s3:::reports", Prefix: "inv" },
    Schedule: { Frequency: "Daily" }, IncludedObjectVersions: "Current", OptionalFields: { Field: ["Size", "ETag"] },
  });
  const listed = await obs.listBucketInventory({ Bucket: "photos" });
  expect(listed.InterfaceResult.InventoryConfiguration.map((c: any) => c.Id)).toEqual(["test_id"]);
  expect((await obs.deleteBucketInventory({ Bucket: "photos", InventoryId: "test_id" })).CommonMsg.Status).toBe(204);
  const gone = await obs.getBucketInventory({ Bucket: "photos", InventoryId: "test_id" });
  expect([gone.CommonMsg.Status, gone.CommonMsg.Code]).toEqual([404, "NoSuchInventoryConfiguration"]);
  obs.close();
});

it("@aws-sdk/client-s3 puts, gets, lists and deletes", async () => {
  const s3 = new S3Client({
    region: "us-east-1", endpoint: fake.url, forcePathStyle: true, maxAttempts: 1,
    credentials: { accessKeyId: MAIN.s3.accessKeyId, secretAccessKey: MAIN.s3.secretAccessKey },
  });
  const InventoryConfiguration = {
    Id: "report1", IsEnabled: true, IncludedObjectVersions: "Current" as const, Filter: { Prefix: "img/" },
    Destination: { S3BucketDestination: { Bucket: "arn:aws:s3:::reports", Format: "Parquet" as const, Prefix: "inv", AccountId: MAIN.s3.accountId, Encryption: { SSES3: {} } } },
    Schedule: { Frequency: "Weekly" as const }, OptionalFields: ["Size" as const, "ObjectOwner" as const],
  };
  await s3.send(new PutBucketInventoryConfigurationCommand({ Bucket: "photos", Id: "report1", InventoryConfiguration }));
  const got = await s3.send(new GetBucketInventoryConfigurationCommand({ Bucket: "photos", Id: "report1" }));
  expect(got.InventoryConfiguration).toEqual(InventoryConfiguration);
  const listed = await s3.send(new ListBucketInventoryConfigurationsCommand({ Bucket: "photos" }));
  expect(listed.InventoryConfigurationList).toEqual([InventoryConfiguration]);
  expect(listed.IsTruncated).toBe(false);
  const deleted = await s3.send(new DeleteBucketInventoryConfigurationCommand({ Bucket: "photos", Id: "report1" }));
  expect(deleted.$metadata.httpStatusCode).toBe(204);
  await expect(s3.send(new GetBucketInventoryConfigurationCommand({ Bucket: "photos", Id: "report1" }))).rejects.toMatchObject({
    name: "NoSuchConfiguration",
    $metadata: { httpStatusCode: 404 },
  });
  s3.destroy();
});
