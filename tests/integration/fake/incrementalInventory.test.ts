import { gunzipSync } from "node:zlib";
import seed from "../../fake/defaultSeed.json";
import { signedCall, type TestAccount } from "./support/signedClient";
import { useFakeCloud } from "./support/startTestCloud";

const cloud = useFakeCloud();
const INCREM = { ...seed.accounts.find((a) => a.accessKeyId === "FAKEOSSINCREM003")!, vendor: "oss" as const } satisfies TestAccount & { accountId: string };
const FIELDS = ["SequenceNumber", "RecordType", "RecordTimestamp", "Requester", "RequestId", "SourceIp", "Size", "ETag", "IsMultipartUploaded", "ObjectType"];

function configXml(fullEnabled: boolean): string {
  const uid = INCREM.accountId;
  return `<InventoryConfiguration><Id>inc</Id><IsEnabled>${fullEnabled}</IsEnabled><Destination><OSSBucketDestination><Format>CSV</Format><AccountId>${uid}</AccountId><RoleArn>acs:ram::${uid}:role/AliyunOSSRole</RoleArn><Bucket>acs:oss:::incremental-reports</Bucket><Prefix>inc</Prefix></OSSBucketDestination></Destination><Schedule><Frequency>Daily</Frequency></Schedule><IncludedObjectVersions>Current</IncludedObjectVersions><IncrementalInventory><IsEnabled>true</IsEnabled><Schedule><Frequency>600</Frequency></Schedule><OptionalFields>${[...FIELDS].reverse().map((f) => `<Field>${f}</Field>`).join("")}</OptionalFields></IncrementalInventory></InventoryConfiguration>`;
}

const call = (more: Record<string, unknown>) =>
  signedCall(cloud.url, { account: INCREM, method: "GET", bucket: "incremental-photos", ...more } as Parameters<typeof signedCall>[1]);

it("writes one folder per 600-second period with changes: CREATE and DELETE rows, seed 004's RecordTimestamp, even with the full inventory disabled", async () => {
  const put = await call({ method: "PUT", query: { inventory: "", inventoryId: "inc" }, headers: { "content-type": "application/xml" }, body: configXml(false) });
  expect(put.status).toBe(200);
  expect((await call({ method: "PUT", key: "a b.txt", body: "hello" })).status).toBe(200);
  expect((await call({ method: "DELETE", key: "a b.txt" })).status).toBe(204);
  const { runs } = cloud.fake.admin.advanceClock(600_000);
  const incremental = runs.filter((r) => r.manifestKey?.includes("/incremental/"));
  expect(incremental).toHaveLength(1);
  expect(incremental[0].manifestKey).toMatch(/^inc\/incremental-photos\/inc\/incremental\/\d{4}-\d\d-\d\dT\d\d-\d\dZ\/manifest\.json$/);
  expect(runs.filter((r) => !r.manifestKey?.includes("/incremental/")).every((r) => r.keys.length === 0)).toBe(true);
  const get = (key: string) => signedCall(cloud.url, { account: INCREM, method: "GET", bucket: "incremental-reports", key });
  const manifest = JSON.parse((await get(incremental[0].manifestKey!)).body);
  expect(manifest.fileSchema).toBe(`Bucket, Key, ${FIELDS.join(", ")}`);
  const { createObjectReader } = await import("../../../provider/client/objectReader");
  const reader = createObjectReader({ credentials: { oss: { accessKeyId: INCREM.accessKeyId, secretAccessKey: INCREM.secretAccessKey } } });
  const opened = await reader.openObject({ vendor: "oss", region: "na-south-1", bucket: "incremental-reports", endpoint: cloud.url }, manifest.files[0].key);
  const chunks: Buffer[] = [];
  for await (const c of opened!.body) chunks.push(c as Buffer);
  await reader.close();
  const [create, remove] = gunzipSync(Buffer.concat(chunks)).toString("utf8").trimEnd().split("\n").map((l) => l.slice(1, -1).split('","'));
  expect(create.slice(0, 4)).toEqual(["incremental-photos", "a%20b.txt", expect.stringMatching(/^\d+$/), "CREATE"]);
  expect(create[4]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/);
  expect(create.slice(5, 12)).toEqual([INCREM.accountId, expect.stringMatching(/^[0-9A-F]{32}$/), "127.0.0.1", "5", expect.stringMatching(/^[0-9A-F]{32}$/), "False", "Normal"]);
  expect(remove.slice(3)).toEqual(["DELETE", expect.stringMatching(/ \d\d:\d\d:\d\d\.\d{3}$/), "", "", "", "", "", "", ""]);
  expect(Number(remove[2])).toBeGreaterThan(Number(create[2]));
  expect(cloud.fake.admin.advanceClock(1_200_000).runs.filter((r) => r.manifestKey?.includes("/incremental/"))).toEqual([]);
});
