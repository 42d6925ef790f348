import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../../cli/reportCommand";
import { BUCKETS, MAIN } from "../fake/support/fixtures";
import { useFakeCloud } from "../fake/support/startTestCloud";
import { HOUR, putConfig, REGION } from "./support/reportCloud";

const cloud = useFakeCloud();
const ENV = {
  ALIBABA_CLOUD_ACCESS_KEY_ID: MAIN.oss.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: MAIN.oss.secretAccessKey,
  AWS_ACCESS_KEY_ID: MAIN.s3.accessKeyId, AWS_SECRET_ACCESS_KEY: MAIN.s3.secretAccessKey,
};

async function cli(args: string[], env: Record<string, string> = ENV) {
  let out = "";
  let err = "";
  const code = await run(args, { out: (t) => (out += t), err: (t) => (err += t), env, isTty: false });
  return { code, out, err };
}

const direct = (vendor: "oss" | "s3", id = "daily") => [
  "--vendor", vendor, "--region", REGION[vendor], "--bucket", BUCKETS[vendor].source, "--inventory-id", id, "--endpoint", cloud.url,
];

async function healthyOss(rows = 3): Promise<void> {
  for (let i = 0; i < rows; i++) cloud.fake.admin.putObject("oss", "photos", `img/${i}.jpg`, `x${i}`);
  await putConfig(cloud.url, "oss", { id: "daily", fields: ["Size"], versions: "Current" });
  cloud.fake.admin.advanceClock(HOUR);
}

it("prints a table and exits 0 for a healthy report", async () => {
  await healthyOss();
  const { code, out } = await cli(direct("oss"));
  expect(code).toBe(0);
  expect(out).toMatch(/^STATUS\s+INVENTORY\s+REPORT\s+ROWS\s+SUMMARY\n/);
  expect(out).toMatch(/healthy\s+oss:cn-hangzhou:photos:daily\s+\S+Z\s+3\s+3 rows in 1 file\(s\)/);
});

it("--json: the documented schema; exit 2 when unhealthy, with causes", async () => {
  await putConfig(cloud.url, "s3", { id: "daily" });
  const { code, out } = await cli([...direct("s3"), "--json", "--configured-at", "2000-01-01T00:00:00Z"]);
  expect(code).toBe(2);
  const doc = JSON.parse(out);
  expect(doc).toMatchObject({ version: 1, exitCode: 2 });
  expect(doc.results[0]).toMatchObject({
    target: { vendor: "s3", region: "us-east-1", bucket: "photos", inventoryId: "daily", configuredAt: "2000-01-01T00:00:00.000Z" },
    status: "missing", enabled: true, frequency: "Daily", destination: { bucket: "reports", root: "photos/daily/" },
  });
  expect(doc.results[0].causes.join(" ")).toMatch(/bucket policy/);
});

it("--rows N prints the header and the first rows; --out writes the whole report as one plain CSV", async () => {
  await healthyOss(5);
  const file = join(mkdtempSync(join(tmpdir(), "bi-report-")), "report.csv");
  const { code, out } = await cli([...direct("oss"), "--rows", "2", "--out", file]);
  expect(code).toBe(0);
  expect(out).toMatch(/first 2 row\(s\) of .*manifest\.json:\n"Bucket","Key","Size"\n"photos","img\/0\.jpg","2"\n"photos","img\/1\.jpg","2"\n$/);
  const lines = readFileSync(file, "utf8").trimEnd().split("\n");
  expect(lines).toHaveLength(6);
  expect(lines[0]).toBe('"Bucket","Key","Size"');
});

it("--stack reads every BucketInventory of a `pulumi stack export`, with its created time", async () => {
  await healthyOss();
  const exported = {
    version: 3,
    deployment: {
      resources: [
        { urn: "urn:pulumi:dev::proj::pulumi:providers:aws::default", type: "pulumi:providers:aws" },
        {
          urn: "urn:pulumi:dev::proj::pulumi-nodejs:dynamic/bucket-inventory:BucketInventory::photos-daily",
          type: "pulumi-nodejs:dynamic/bucket-inventory:BucketInventory", created: new Date().toISOString(),
          outputs: { vendor: "oss", region: "cn-hangzhou", bucket: "photos", inventoryId: "daily", endpoint: cloud.url },
        },
        {
          urn: "urn:pulumi:dev::proj::pulumi-nodejs:dynamic/bucket-inventory:BucketInventory::photos-new",
          type: "pulumi-nodejs:dynamic/bucket-inventory:BucketInventory", created: cloud.fake.admin.clock().now,
          outputs: { vendor: "oss", region: "cn-hangzhou", bucket: "photos", inventoryId: "new", endpoint: cloud.url },
        },
      ],
    },
  };
  await putConfig(cloud.url, "oss", { id: "new" });
  const file = join(mkdtempSync(join(tmpdir(), "bi-stack-")), "stack.json");
  writeFileSync(file, JSON.stringify(exported));
  const { code, out } = await cli(["--stack", file, "--json"]);
  expect(code).toBe(0);
  const doc = JSON.parse(out);
  expect(doc.results.map((r: { target: { label: string }; status: string }) => [r.target.label, r.status])).toEqual([
    ["photos-daily", "healthy"], ["photos-new", "pending"],
  ]);
});

it("exit 1 with a clear message: missing credentials, bad options", async () => {
  const noKeys = await cli(direct("oss"), {});
  expect(noKeys.code).toBe(1);
  expect(noKeys.out).toMatch(/error\s+oss:cn-hangzhou:photos:daily.*ALIBABA_CLOUD_ACCESS_KEY_ID/);
  const bad = await cli([...direct("oss"), "--grace", "soon"]);
  expect([bad.code, bad.err]).toEqual([1, expect.stringMatching(/--grace "soon": use a duration such as 6h/)]);
  const none = await cli(["--vendor", "oss"]);
  expect(none.err).toMatch(/--region is required \(or give --stack <export\.json>\)/);
});
