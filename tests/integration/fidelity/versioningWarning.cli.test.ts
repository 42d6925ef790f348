/**
 * The versioning warning as a user sees it: `pulumi preview` with the real CLI, on a project that installed the
 * packed package (the shared consumer project), against the fake cloud's default seed. The dynamic-provider plugin's
 * stderr line must come out under "Diagnostics:" (pulumi's engine shows a dynamic plugin's stderr there), once, for
 * the unversioned source only; the preview passes.
 */
import seed from "../../fake/defaultSeed.json";
import { startFakeCloud, type FakeCloud } from "../../fake/index";
import { pulumiCliPath, runPulumiBlock } from "../../docs/support/pulumiBlock";
import { consumerProject, type ConsumerProject } from "../../support/consumerProject";

const PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import { BucketInventory } from "pulumi-bucket-inventory";

const endpoint = new pulumi.Config("bucket-inventory").require("endpoint");
const common = {
  vendor: "oss", inventoryId: "all-versions", endpoint, schedule: { frequency: "Daily" }, includedObjectVersions: "All",
  destination: { format: "CSV", accountId: "1000000000000001", roleArn: "acs:ram::1000000000000001:role/AliyunOSSRole" },
} as const;
new BucketInventory("qingdao-all", { ...common, region: "cn-qingdao", bucket: "photos-qingdao", destination: { ...common.destination, bucket: "reports-qingdao" } });
new BucketInventory("hangzhou-all", { ...common, region: "cn-hangzhou", bucket: "photos", destination: { ...common.destination, bucket: "reports" } });
`;

const WARNING =
  'warning: BucketInventory oss:cn-qingdao:photos-qingdao:all-versions: includedObjectVersions: "All" has no effect yet: ' +
  'versioning of source "photos-qingdao" is not enabled; OSS: "Versioning must be enabled for this configuration to take effect"';

const cliPath = pulumiCliPath();
let consumer: ConsumerProject;
let fake: FakeCloud;
beforeAll(async () => {
  if (!cliPath) return;
  consumer = await consumerProject();
  fake = await startFakeCloud({ port: 0 });
}, 600_000);
afterAll(async () => fake?.close());

describe("preview warns under Diagnostics: with the real pulumi CLI", () => {
  if (!cliPath && process.env.CI === "true") it("has a pulumi CLI (CI)", () => expect(cliPath).toBeDefined());
  if (!cliPath) console.log("no pulumi CLI ready (sh scripts/pulumi-cli.sh builds one): the versioning warning's CLI test not run");

  (cliPath ? it : it.skip)("versions All on photos-qingdao (versioning off): one warning line, and the preview passes", async () => {
    const oss = seed.accounts.find((a) => a.vendor === "oss")!;
    const { stdout } = await runPulumiBlock({
      consumerDir: consumer.dir, name: "versioning-warning", program: PROGRAM, cliPath: cliPath!,
      prepare: [
        `pulumi config set bucket-inventory:endpoint ${fake.url}`,
        `pulumi config set --secret bucket-inventory:ossAccessKeyId ${oss.accessKeyId}`,
        `pulumi config set --secret bucket-inventory:ossAccessKeySecret ${oss.secretAccessKey}`,
      ],
      commands: ["pulumi preview --non-interactive --color never"],
    });
    const diagnostics = stdout.slice(stdout.indexOf("Diagnostics:"));
    expect(stdout).toContain("Diagnostics:");
    expect(diagnostics.split("\n").map((l) => l.trim()).filter((l) => l.startsWith("warning: "))).toEqual([WARNING]);
    expect(stdout).not.toContain(oss.secretAccessKey);
  }, 300_000);
});
