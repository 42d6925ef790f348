import { BUCKETS, configXml, idQuery, MAIN } from "./support/fixtures";
import { inventoryCalls } from "./support/inventoryCalls";
import { errorCode, signedCall, type Vendor } from "./support/signedClient";
import { useFakeCloud } from "./support/startTestCloud";
import { parseXml } from "./support/xmlBody";

const cloud = useFakeCloud();
const VENDORS: Vendor[] = ["oss", "cos", "obs", "s3"];

/** Every optional element each vendor accepts, so the round trip covers them all. */
const FULL: Record<Vendor, string> = {
  oss: configXml("oss", {
    id: "full", prefix: "img/", destPrefix: "inv/", versions: "Current", frequency: "Weekly",
    fields: ["TransitionTime", "Size", "ObjectAcl", "ETag", "Crc64", "TaggingCount", "ObjectType", "StorageClass", "IsMultipartUploaded", "EncryptionStatus", "LastModifiedDate"],
  }).replace("</Prefix></OSSBucketDestination>", "</Prefix><Encryption><SSE-KMS><KeyId>key-1</KeyId></SSE-KMS></Encryption></OSSBucketDestination>"),
  cos: configXml("cos", {
    id: "full", prefix: "img/", destPrefix: "inv/", versions: "Current", accountId: MAIN.cos.accountId,
    fields: ["Size", "LastModifiedDate", "StorageClass", "ETag", "IsMultipartUploaded", "ReplicationStatus"],
  }).replace("</Prefix></COSBucketDestination>", "</Prefix><Encryption><SSE-COS/></Encryption></COSBucketDestination>"),
  obs: configXml("obs", {
    id: "full", prefix: "img/", destPrefix: "inv", versions: "Current",
    fields: ["Size", "LastModifiedDate", "StorageClass", "ETag", "IsMultipartUploaded", "ReplicationStatus", "EncryptionStatus"],
  }),
  s3: configXml("s3", {
    id: "full", prefix: "img/", destPrefix: "inv", versions: "Current", accountId: MAIN.s3.accountId, frequency: "Weekly",
    fields: ["ObjectOwner", "Size", "LifecycleExpirationDate", "ChecksumAlgorithm", "BucketKeyStatus", "ObjectLockMode"],
  }).replace("<Format>CSV</Format>", "<Format>ORC</Format><Encryption><SSE-KMS><KeyId>arn:aws:kms:us-east-1:111111111111:key/k</KeyId></SSE-KMS></Encryption>"),
};

describe.each(VENDORS)("%s inventory lifecycle", (vendor) => {
  const api = inventoryCalls(() => cloud.url, vendor);

  it("returns every accepted field unchanged from get and list (the round trip moto got wrong)", async () => {
    expect((await api.putXml("full", FULL[vendor])).status).toBe(200);
    const sent = parseXml(FULL[vendor]).InventoryConfiguration;
    const got = await api.get("full");
    expect(got.status).toBe(200);
    expect(got.headers["content-type"]).toBe("application/xml");
    expect(parseXml(got.body).InventoryConfiguration).toEqual(sent);
    const listed = parseXml((await api.list()).body);
    const root = Object.values(listed)[0] as Record<string, unknown>;
    expect(root.InventoryConfiguration).toEqual(sent);
  });

  it("answers put 200 with no body and delete 204, after which get is the vendor's not-found", async () => {
    const put = await api.put({ id: "daily" });
    expect([put.status, put.body]).toEqual([200, ""]);
    const del = await api.del("daily");
    expect([del.status, del.body]).toEqual([204, ""]);
    const notFound = { oss: "NoSuchInventory", cos: "NoSuchInventoryConfiguration", obs: "NoSuchInventoryConfiguration", s3: "NoSuchConfiguration" }[vendor];
    for (const after of [await api.get("daily"), await api.del("daily")]) {
      expect([after.status, errorCode(after.body)]).toEqual([404, notFound]);
    }
  });

  it("answers NoSuchBucket for a bucket the vendor does not have", async () => {
    const res = await signedCall(cloud.url, { account: MAIN[vendor], method: "GET", bucket: "no-such-bucket", query: { inventory: "" }, style: "path" });
    expect([res.status, errorCode(res.body)]).toEqual([404, "NoSuchBucket"]);
  });

  it.each([false, true])("accepts the sub-resource with `=` (%s) and without, virtual-hosted and path-style", async (equals) => {
    await api.put({ id: "daily" });
    for (const style of ["virtual", "path"] as const) {
      const query = { ...idQuery(vendor, "daily"), ...(vendor === "s3" ? { "x-id": "GetBucketInventoryConfiguration" } : {}) };
      const res = await signedCall(cloud.url, { account: MAIN[vendor], method: "GET", bucket: BUCKETS[vendor].source, query, style, equalsForEmpty: equals });
      expect([style, res.status]).toEqual([style, 200]);
      expect(res.body).toContain("<Id>daily</Id>");
    }
  });
});

describe("put on an existing id", () => {
  it("OSS refuses it with 409 InventoryAlreadyExist", async () => {
    const api = inventoryCalls(() => cloud.url, "oss");
    await api.put({ id: "daily" });
    const again = await api.put({ id: "daily", frequency: "Weekly" });
    expect([again.status, errorCode(again.body)]).toEqual([409, "InventoryAlreadyExist"]);
    expect(again.body).toContain("<EC>0020-00000042</EC>");
  });

  it.each(["cos", "obs", "s3"] as const)("%s overwrites it", async (vendor) => {
    const api = inventoryCalls(() => cloud.url, vendor);
    await api.put({ id: "daily", frequency: "Daily" });
    expect((await api.put({ id: "daily", frequency: "Weekly" })).status).toBe(200);
    expect((await api.get("daily")).body).toContain("<Frequency>Weekly</Frequency>");
    expect(cloud.fake.admin.dump().buckets.find((b) => b.vendor === vendor && b.name === BUCKETS[vendor].source)?.inventories).toEqual(["daily"]);
  });
});

describe("listing", () => {
  function fill(vendor: Vendor, count: number, prefix = (i: number) => `p${String(i).padStart(4, "0")}/`): void {
    for (let i = 0; i < count; i++) {
      const id = `inv-${String(i).padStart(4, "0")}`;
      cloud.fake.admin.putInventoryXml(vendor, BUCKETS[vendor].source, id, configXml(vendor, { id, prefix: prefix(i) }));
    }
  }

  it.each(["oss", "cos", "s3"] as const)("%s pages 100 at a time with a continuation token", async (vendor) => {
    fill(vendor, 101);
    const api = inventoryCalls(() => cloud.url, vendor);
    const first = parseXml((await api.list()).body);
    const page1 = Object.values(first)[0] as Record<string, unknown>;
    expect((page1.InventoryConfiguration as unknown[]).length).toBe(100);
    expect(page1.IsTruncated).toBe("true");
    const token = page1.NextContinuationToken as string;
    expect(token).toMatch(/[A-Za-z0-9+/=]+/);
    const second = Object.values(parseXml((await api.list(token)).body))[0] as Record<string, unknown>;
    expect((second.InventoryConfiguration as { Id: string }).Id).toBe("inv-0100");
    expect([second.IsTruncated, second.NextContinuationToken, second.ContinuationToken]).toEqual(["false", undefined, token]);
  });

  it("OBS returns every configuration on one page, without paging elements", async () => {
    fill("obs", 10, (i) => `${String.fromCharCode(97 + i)}/`);
    const res = await inventoryCalls(() => cloud.url, "obs").list();
    const root = parseXml(res.body).ListInventoryConfiguration as Record<string, unknown>;
    expect((root.InventoryConfiguration as unknown[]).length).toBe(10);
    expect(root.IsTruncated).toBeUndefined();
  });

  it("refuses a continuation token it did not issue", async () => {
    const res = await inventoryCalls(() => cloud.url, "s3").list("bm90LWEtdG9rZW4=");
    expect([res.status, errorCode(res.body)]).toEqual([400, "InvalidArgument"]);
  });
});

describe("per-bucket limits", () => {
  const LIMITS = [
    ["oss", 1000, "InventoryExceedLimit"],
    ["cos", 1000, "TooManyConfigurations"],
    ["obs", 10, "InventoryCountOverLimit"],
    ["s3", 1000, "TooManyConfigurations"],
  ] as const;

  it.each(LIMITS)("%s allows %i configurations, then answers 400 %s", async (vendor, limit, code) => {
    for (let i = 0; i < limit - 1; i++) {
      const id = `inv-${i}`;
      cloud.fake.admin.putInventoryXml(vendor, BUCKETS[vendor].source, id, configXml(vendor, { id, prefix: `p${i}-x/` }));
    }
    const api = inventoryCalls(() => cloud.url, vendor);
    expect((await api.put({ id: "last", prefix: "yy/" })).status).toBe(200);
    const over = await api.put({ id: "one-more", prefix: "zz/" });
    expect([over.status, errorCode(over.body)]).toEqual([400, code]);
  });

  it("S3 still overwrites an existing id when the bucket is full", async () => {
    for (let i = 0; i < 1000; i++) cloud.fake.admin.putInventoryXml("s3", "photos", `inv-${i}`, configXml("s3", { id: `inv-${i}` }));
    const res = await inventoryCalls(() => cloud.url, "s3").put({ id: "inv-7", frequency: "Weekly" });
    expect(res.status).toBe(200);
  });
});
