import { createHash } from "node:crypto";
import { BUCKETS, configXml, MAIN } from "./support/fixtures";
import { errorCode, signedCall, type SignedCall, type Vendor } from "./support/signedClient";
import { useFakeCloud } from "./support/startTestCloud";
import { parseXml } from "./support/xmlBody";

const cloud = useFakeCloud();
const VENDORS = ["oss", "cos", "obs", "s3"] as const;
const PREFIX: Record<Vendor, string> = { oss: "x-oss-", cos: "x-cos-", obs: "x-obs-", s3: "x-amz-" };

function objects(vendor: Vendor, bucket: string = BUCKETS[vendor].dest) {
  const call = (more: Partial<SignedCall>) => signedCall(cloud.url, { account: MAIN[vendor], method: "GET", bucket, ...more });
  return {
    put: (key: string, body: string, headers: Record<string, string> = {}) => call({ method: "PUT", key, body, headers: { "content-type": "text/plain", ...headers } }),
    get: (key: string, query: Record<string, string> = {}) => call({ key, query }),
    head: (key: string) => call({ method: "HEAD", key }),
    del: (key: string, query: Record<string, string> = {}) => call({ method: "DELETE", key, query }),
    list: (query: Record<string, string> = {}) => call({ query }),
  };
}

describe.each(VENDORS)("%s objects", (vendor) => {
  it("puts, gets, heads and deletes an object", async () => {
    const o = objects(vendor);
    const put = await o.put("dir/a b+c.txt", "hello");
    expect(put.status).toBe(200);
    const md5 = createHash("md5").update("hello").digest("hex");
    expect(put.headers.etag?.toLowerCase()).toBe(`"${md5}"`);
    const got = await o.get("dir/a b+c.txt");
    expect([got.status, got.body, got.headers["content-type"]]).toEqual([200, "hello", "text/plain"]);
    const head = await o.head("dir/a b+c.txt");
    expect([head.status, head.headers["content-length"], head.body]).toEqual([200, "5", ""]);
    expect((await o.del("dir/a b+c.txt")).status).toBe(204);
    const gone = await o.get("dir/a b+c.txt");
    expect([gone.status, errorCode(gone.body)]).toEqual([404, "NoSuchKey"]);
  });

  it("refuses a body whose Content-MD5 does not match (OSS InvalidDigest, the others BadDigest)", async () => {
    const res = await objects(vendor).put("k", "hello", { "content-md5": createHash("md5").update("other").digest("base64") });
    expect([res.status, errorCode(res.body)]).toEqual([400, vendor === "oss" ? "InvalidDigest" : "BadDigest"]);
  });

  it("lists with ListObjects v1 (marker) and v2 (continuation token), prefix and delimiter", async () => {
    const o = objects(vendor);
    for (const key of ["a/1", "a/2", "b/1", "c"]) await o.put(key, key);
    const v1 = parseXml((await o.list({ prefix: "", delimiter: "/" })).body).ListBucketResult as Record<string, unknown>;
    expect(v1.Contents).toMatchObject({ Key: "c", Size: "1" });
    expect(v1.CommonPrefixes).toEqual([{ Prefix: "a/" }, { Prefix: "b/" }]);
    const page1 = parseXml((await o.list({ "list-type": "2", "max-keys": "2" })).body).ListBucketResult as Record<string, unknown>;
    expect([page1.KeyCount, page1.IsTruncated]).toEqual(["2", "true"]);
    const token = page1.NextContinuationToken as string;
    const page2 = parseXml((await o.list({ "list-type": "2", "continuation-token": token })).body).ListBucketResult as { Contents: { Key: string }[] };
    expect(page2.Contents.map((c) => c.Key)).toEqual(["b/1", "c"]);
    const marker = parseXml((await o.list({ marker: "a/2" })).body).ListBucketResult as { Contents: { Key: string }[] };
    expect(marker.Contents.map((c) => c.Key)).toEqual(["b/1", "c"]);
  });

  it("keeps versions on a versioned bucket and lists them", async () => {
    const o = objects(vendor, BUCKETS[vendor].source);
    const first = await o.put("doc", "v1");
    const second = await o.put("doc", "v2");
    const v1 = first.headers[`${PREFIX[vendor]}version-id`] as string;
    expect(v1).toBeDefined();
    expect(second.headers[`${PREFIX[vendor]}version-id`]).not.toBe(v1);
    expect((await o.get("doc", { versionId: v1 })).body).toBe("v1");
    const del = await o.del("doc");
    expect(del.headers[`${PREFIX[vendor]}delete-marker`]).toBe("true");
    const listing = parseXml((await o.list({ versions: "" })).body).ListVersionsResult as { Version: unknown[]; DeleteMarker: { IsLatest: string } };
    expect(listing.Version).toHaveLength(2);
    expect(listing.DeleteMarker.IsLatest).toBe("true");
    const status = parseXml((await o.list({ versioning: "" })).body).VersioningConfiguration as { Status: string };
    expect(status.Status).toBe("Enabled");
  });
});

describe("an inventory run writes the vendor's report into the destination bucket", () => {
  it("OSS: manifest.json, manifest.checksum and gzipped CSV data, readable through the API", async () => {
    const admin = cloud.fake.admin;
    admin.putObject("oss", "photos", "img/cat.jpg", "meow");
    admin.putObject("oss", "photos", "img/dog.jpg", "woof!");
    const put = await signedCall(cloud.url, {
      account: MAIN.oss, method: "PUT", bucket: "photos", query: { inventory: "", inventoryId: "daily" }, headers: { "content-type": "application/xml" },
      body: `<InventoryConfiguration><Id>daily</Id><IsEnabled>true</IsEnabled><Filter><Prefix>img/</Prefix></Filter><Destination><OSSBucketDestination><Format>CSV</Format><AccountId>${MAIN.oss.accountId}</AccountId><RoleArn>acs:ram::${MAIN.oss.accountId}:role/AliyunOSSRole</RoleArn><Bucket>acs:oss:::reports</Bucket><Prefix>inv</Prefix></OSSBucketDestination></Destination><Schedule><Frequency>Daily</Frequency></Schedule><IncludedObjectVersions>Current</IncludedObjectVersions><OptionalFields><Field>Size</Field></OptionalFields></InventoryConfiguration>`,
    });
    expect(put.status).toBe(200);
    const run = admin.runInventory("oss", "photos", "daily");
    expect(run.manifestKey).toMatch(/^inv\/photos\/daily\/\d{4}-\d{2}-\d{2}T\d{2}-\d{2}Z\/manifest\.json$/);
    expect(run.keys).toEqual(expect.arrayContaining([run.manifestKey, run.manifestKey?.replace(/json$/, "checksum")]));
    const manifest = await objects("oss").get(run.manifestKey as string);
    expect(JSON.parse(manifest.body)).toMatchObject({ sourceBucket: "photos", destinationBucket: "reports", fileFormat: "CSV" });
    const checksum = await objects("oss").get(run.manifestKey?.replace(/json$/, "checksum") as string);
    expect(checksum.body.trim().toUpperCase()).toBe(createHash("md5").update(manifest.body).digest("hex").toUpperCase());
    expect(run.rowCount).toBe(2);
  });

  it.each(["cos", "obs", "s3"] as const)("%s: a manifest in its own layout", async (vendor) => {
    const admin = cloud.fake.admin;
    admin.putObject(vendor, BUCKETS[vendor].source, "img/cat.jpg", "meow");
    const api = await signedCall(cloud.url, {
      account: MAIN[vendor], method: "PUT", bucket: BUCKETS[vendor].source, query: { inventory: "", id: "daily" },
      headers: vendor === "obs" ? {} : { "content-type": "application/xml" }, body: configXml(vendor, { id: "daily" }),
    });
    expect(api.status).toBe(200);
    const run = admin.runInventory(vendor, BUCKETS[vendor].source, "daily");
    expect(run.manifestKey).toMatch(/manifest\.json$/);
    const manifest = await objects(vendor).get(run.manifestKey as string);
    expect(manifest.status).toBe(200);
    expect(JSON.parse(manifest.body).sourceBucket).toBeDefined();
  });
});
