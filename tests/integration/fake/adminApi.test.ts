import { defaultSeed } from "../../fake/index";
import { BUCKETS, configXml, MAIN } from "./support/fixtures";
import { inventoryCalls } from "./support/inventoryCalls";
import { sendRaw, signedCall } from "./support/signedClient";
import { useFakeCloud } from "./support/startTestCloud";

const cloud = useFakeCloud();
const admin = (method: string, path: string, body?: unknown) =>
  sendRaw(cloud.url, {
    method, path: `/__fake/${path}`,
    headers: body === undefined ? {} : { "content-type": typeof body === "string" ? "application/xml" : "application/json" },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
const json = async (method: string, path: string, body?: unknown) => {
  const res = await admin(method, path, body);
  return { status: res.status, value: JSON.parse(res.body) };
};

it("answers health unsigned", async () => {
  expect(await json("GET", "health")).toEqual({ status: 200, value: { ok: true } });
});

it("reset brings back the seed: configurations and objects go", async () => {
  await inventoryCalls(() => cloud.url, "s3").put({ id: "daily" });
  cloud.fake.admin.putObject("s3", "photos", "k", "v");
  expect((await json("POST", "reset")).status).toBe(200);
  const state = (await json("GET", "state")).value;
  const photos = state.buckets.find((b: { vendor: string; name: string }) => b.vendor === "s3" && b.name === "photos");
  expect([photos.inventories, photos.objects]).toEqual([[], []]);
});

it("loads a new seed, and refuses a bad one listing every problem", async () => {
  const seed = {
    accounts: [{ vendor: "s3", accountId: "333333333333", accessKeyId: "NEWKEY0000000001", secretAccessKey: "new-secret" }],
    buckets: [{ vendor: "s3", name: "fresh", region: "us-east-1", accountId: "333333333333" }],
  };
  expect((await json("POST", "seed", seed)).status).toBe(200);
  const res = await signedCall(cloud.url, {
    account: { vendor: "s3", accessKeyId: "NEWKEY0000000001", secretAccessKey: "new-secret" },
    method: "GET", bucket: "fresh", query: { inventory: "" },
  });
  expect(res.status).toBe(200);
  const bad = await json("POST", "seed", { accounts: [{ vendor: "gcs" }], buckets: [{ vendor: "s3", name: "x", accountId: "nobody" }] });
  expect(bad.status).toBe(400);
  expect(bad.value.problems).toEqual(expect.arrayContaining([
    expect.stringContaining('accounts[0].vendor: "gcs"'),
    expect.stringContaining("buckets[0].name"),
  ]));
  cloud.fake.admin.loadSeed(defaultSeed()); // later tests expect the default seed back
});

it("lists the requests seen with no signature, key id or secret, and clears them", async () => {
  await inventoryCalls(() => cloud.url, "oss").put({ id: "daily" });
  await inventoryCalls(() => cloud.url, "oss").get("missing");
  const { value } = await json("GET", "requests");
  expect(value).toEqual([
    expect.objectContaining({ method: "PUT", vendor: "oss", operation: "PutInventory", bucket: "photos", path: "/", query: "inventory&inventoryId=daily", status: 200 }),
    expect.objectContaining({ method: "GET", vendor: "oss", operation: "GetInventory", status: 404, errorCode: "NoSuchInventory" }),
  ]);
  const text = JSON.stringify(value);
  expect(text).not.toContain(MAIN.oss.secretAccessKey);
  expect(text).not.toContain(MAIN.oss.accessKeyId);
  expect(value[0].headers.authorization).toBe("OSS ***:***");
  await admin("DELETE", "requests");
  expect((await json("GET", "requests")).value).toEqual([]);
});

it("reads, replaces and deletes a stored configuration out of band (drift)", async () => {
  const api = inventoryCalls(() => cloud.url, "cos");
  await api.put({ id: "daily", frequency: "Daily" });
  const stored = await admin("GET", "inventories/cos/photos-1250000000/daily");
  expect(stored.body).toContain("<Frequency>Daily</Frequency>");
  const drifted = stored.body.replace("<Frequency>Daily</Frequency>", "<Frequency>Weekly</Frequency>");
  expect((await admin("PUT", "inventories/cos/photos-1250000000/daily", drifted)).status).toBe(200);
  expect((await api.get("daily")).body).toContain("<Frequency>Weekly</Frequency>");
  expect((await json("DELETE", "inventories/cos/photos-1250000000/daily")).value).toEqual({ deleted: true });
  expect((await api.get("daily")).status).toBe(404);
  expect((await admin("PUT", "inventories/cos/photos-1250000000/other", drifted)).status).toBe(400);
});

it("runs an inventory now and returns the keys written into the destination bucket", async () => {
  await admin("PUT", "objects/s3/photos/logs/a.txt", "aaa");
  await inventoryCalls(() => cloud.url, "s3").put({ id: "weekly", destPrefix: "inv" });
  const run = await json("POST", "run-inventory", { vendor: "s3", bucket: "photos", id: "weekly" });
  expect(run.status).toBe(200);
  expect(run.value).toMatchObject({ vendor: "s3", sourceBucket: "photos", destinationBucket: "reports", rowCount: 1 });
  expect(run.value.manifestKey).toMatch(/^inv\/photos\/weekly\/\d{4}-\d{2}-\d{2}T\d{2}-\d{2}Z\/manifest\.json$/);
  const state = (await json("GET", "state")).value;
  const reports = state.buckets.find((b: { vendor: string; name: string }) => b.vendor === "s3" && b.name === BUCKETS.s3.dest);
  expect(reports.objects.map((o: { key: string }) => o.key)).toEqual(expect.arrayContaining(run.value.keys));
  expect((await json("POST", "run-inventory", { vendor: "s3", bucket: "photos", id: "nope" })).status).toBe(404);
});

it("dumps the state without secrets", async () => {
  const state = await admin("GET", "state");
  expect(state.body).toContain(MAIN.oss.accessKeyId);
  expect(state.body).not.toContain(MAIN.oss.secretAccessKey);
});

it("answers 404 for an unknown admin route and 400 for a body that is not JSON", async () => {
  expect((await admin("GET", "nope")).status).toBe(404);
  expect((await admin("POST", "faults", "{not json")).status).toBe(400);
});

it("leaves the configuration document alone when stored through the admin API with a wrong id", async () => {
  const res = await admin("PUT", "inventories/s3/photos/abc", configXml("s3", { id: "xyz" }));
  expect(res.status).toBe(400);
  expect(JSON.parse(res.body).error).toContain('"xyz"');
});
