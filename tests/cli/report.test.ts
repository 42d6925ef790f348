/**
 * `bucket-inventory report` on a stack the real `pulumi` CLI deployed: `pulumi up` creates an OSS and an S3
 * inventory on the fake cloud, the fake's clock moves past the vendors' first-report windows, and `bucket-inventory
 * report --stack` checks the stack's exported state: both healthy. Then the S3 destination stops accepting reports
 * (its grants) and three days pass: the S3 one is stale, exit 2.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { run } from "../../cli/reportCommand";
import { inventoryArgs } from "../engine/scenarios/vendorCases";
import { useCliStack } from "./support/cliStack";
import { describeWithPulumiCli } from "./support/pulumiCli";
import { mainAccount } from "./support/seedCredentials";

const HOUR = 3_600_000;

/** The report command reads credentials from the environment, as in the README's "Credentials". */
const credentials = () => ({
  ALIBABA_CLOUD_ACCESS_KEY_ID: mainAccount("oss").accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: mainAccount("oss").secretAccessKey,
  AWS_ACCESS_KEY_ID: mainAccount("s3").accessKeyId, AWS_SECRET_ACCESS_KEY: mainAccount("s3").secretAccessKey,
});

interface ReportDocument {
  results: { target: { label: string }; status: string }[];
}

describeWithPulumiCli("bucket-inventory report on a stack the pulumi CLI deployed", (cli) => {
  const s = useCliStack(cli);

  beforeAll(async () => {
    for (const vendor of ["oss", "s3"] as const) for (let i = 0; i < 4; i++) s.fake.admin.putObject(vendor, "photos", `img/${i}.jpg`, `x${i}`);
    await s.declare([
      { name: "oss-daily", args: inventoryArgs("oss", s.fake.url) },
      { name: "s3-daily", args: inventoryArgs("s3", s.fake.url) },
    ]);
  });

  /** `bucket-inventory report --stack --json` on `pulumi stack export` output: [label, status] by label, and the exit. */
  async function reportOnExport(): Promise<{ code: number; statuses: [string, string][] }> {
    const exported = await s.run(["stack", "export"]);
    expect(exported.code).toBe(0);
    const file = path.join(s.workDir, "stack.json");
    fs.writeFileSync(file, exported.stdout);
    let out = "";
    const code = await run(["--stack", file, "--json"], { out: (t) => (out += t), err: () => undefined, env: credentials(), isTty: false });
    const doc = JSON.parse(out) as ReportDocument;
    const statuses = doc.results.map((r): [string, string] => [r.target.label, r.status]).sort(([a], [b]) => a.localeCompare(b));
    return { code, statuses };
  }

  test("pulumi up, the clock past the windows, then both inventories healthy; a refused destination turns stale", async () => {
    expect((await s.stack.up()).summary.result).toBe("succeeded");
    expect(await reportOnExport()).toEqual({ code: 0, statuses: [["oss-daily", "pending"], ["s3-daily", "pending"]] });
    s.fake.admin.advanceClock(49 * HOUR);
    expect(await reportOnExport()).toEqual({ code: 0, statuses: [["oss-daily", "healthy"], ["s3-daily", "healthy"]] });
    // Out of band: the S3 destination stops granting the source (its bucket policy removed), three days pass.
    const grants = await fetch(`${s.fake.url}/__fake/grants/s3/reports`, { method: "PUT", headers: { "content-type": "application/json" }, body: "[]" });
    expect(grants.status).toBe(200);
    s.fake.admin.advanceClock(72 * HOUR);
    expect(await reportOnExport()).toEqual({ code: 2, statuses: [["oss-daily", "healthy"], ["s3-daily", "stale"]] });
  });
});
