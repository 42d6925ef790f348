/**
 * `bucket-inventory drift` as a CI job meets it: states exported by the real CLI, empty stacks and other resource
 * types, broken input, a bucket that disappeared, a vendor without credentials, long lists, --bucket, progress,
 * usage mistakes, and values from the service that try to break the output.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CREDENTIAL_KEYS } from "../../../provider/resource/credentials";
import { configOf, normalizeArgs } from "../../../provider/resource/resourceArgs";
import seed from "../../fake/defaultSeed.json";
import { seedEnvironment, startHarness, type Harness } from "../resource/fakeCloudSetup";
import { configFor, declaredArgs, drift, manage, putLive, schemaErrors, stackExport } from "./support/driftSetup";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());
beforeEach(async () => {
  h.fake.admin.loadSeed(seed); // some tests take buckets away
  await h.renewProvider();
});

const fixture = (name: string) => readFileSync(join(__dirname, "fixtures", name), "utf8").replaceAll("http://127.0.0.1:34477", h.fake.url);

/** Makes live exactly what the fixture's state records. */
async function liveAsRecorded(text: string): Promise<void> {
  const { resources } = JSON.parse(text).deployment;
  for (const r of resources.filter((x: { type: string }) => x.type.endsWith(":BucketInventory"))) {
    const args = normalizeArgs(r.outputs);
    await h.other.putInventory({ vendor: args.vendor, region: args.region, bucket: args.bucket, endpoint: args.endpoint }, configOf(args));
  }
}

describe("drift: input from the real CLI", () => {
  it("reads a real export (secrets encrypted), with credentials from the environment: in sync, exit 0", async () => {
    const text = fixture("quickstart-export.json");
    await liveAsRecorded(text);
    const { code, out, err } = await drift([], { stdin: text });
    expect({ code, err }).toEqual({ code: 0, err: "" });
    expect(out).toMatch(/^In sync: 4 buckets; 4 configurations: 4 in sync; \d+ requests\.\n/);
  });

  it("takes credentials from the stack config the state records, as the provider does, when exported with --show-secrets", async () => {
    const text = fixture("quickstart-export-show-secrets.json");
    await liveAsRecorded(text);
    const { code, report } = await drift(["--json"], { stdin: text, env: {} });
    expect(code).toBe(0);
    expect(report.summary).toMatchObject({ buckets: 4, inSync: 4 });
  });

  it("says, per bucket, that the export holds the credentials encrypted and how to supply them; the exit status is 1", async () => {
    const { code, report } = await drift(["--json"], { stdin: fixture("quickstart-export.json"), env: {} });
    expect(code).toBe(1);
    expect(report.buckets.map((b) => [b.vendor, b.status, b.error?.code])).toEqual([
      ["cos", "error", "BI_ERR_CONFIG"], ["obs", "error", "BI_ERR_CONFIG"], ["oss", "error", "BI_ERR_CONFIG"], ["s3", "error", "BI_ERR_CONFIG"],
    ]);
    expect(report.buckets[2].error!.message).toBe(
      "no oss credentials: set stack config bucket-inventory:ossAccessKeyId and bucket-inventory:ossAccessKeySecret (pulumi config set --secret …) " +
        "or environment variables ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET. The exported state holds " +
        "bucket-inventory:ossAccessKeyId, bucket-inventory:ossAccessKeySecret encrypted: pipe `pulumi stack export --show-secrets` into bucket-inventory drift, or pass the values with --config",
    );
    expect(report.buckets.flatMap((b) => b.configurations.map((c) => c.status))).toEqual(["unknown", "unknown", "unknown", "unknown"]);
  });

  it("takes --config values as `pulumi up --config` does, over what the state records", async () => {
    const text = fixture("quickstart-export.json");
    await liveAsRecorded(text);
    const oss = seed.accounts[0];
    const env = { ...seedEnvironment(), [CREDENTIAL_KEYS.oss.env.id]: undefined, [CREDENTIAL_KEYS.oss.env.secret]: undefined };
    const { code } = await drift(["-c", `bucket-inventory:ossAccessKeyId=${oss.accessKeyId}`, "--config", `ossAccessKeySecret=${oss.secretAccessKey}`], { stdin: text, env });
    expect(code).toBe(0);
  });
});

describe("drift: what the state holds", () => {
  it("scans nothing for a stack with 0 resources, says so, and exits 0", async () => {
    const empty = JSON.stringify({ version: 3, deployment: { manifest: {}, secrets_providers: { type: "passphrase" }, metadata: {} } });
    const { code, report, err } = await drift(["--json"], { stdin: empty });
    expect(code).toBe(0);
    expect(err).toBe("bucket-inventory drift: the state holds no BucketInventory (0 other resources): nothing to scan\n");
    expect(report).toMatchObject({ status: "in-sync", buckets: [], declarations: null, summary: { buckets: 0, requests: 0 } });
  });

  it("leaves resources of other types alone", async () => {
    const mine = await manage(h, "s3", "s3-daily");
    const others = [
      { urn: "urn:pulumi:dev::drift-test::aws:s3/bucketV2:BucketV2::photos", custom: true, type: "aws:s3/bucketV2:BucketV2", id: "photos", outputs: { bucket: "photos", region: "us-east-1", vendor: "s3", inventoryId: "x" } },
      { urn: "urn:pulumi:dev::drift-test::random:index/randomId:RandomId::suffix", custom: true, type: "random:index/randomId:RandomId", id: "abc", outputs: { hex: "abc" } },
    ];
    const { code, report } = await drift(["--json"], { stdin: stackExport([mine], { others }) });
    expect(code).toBe(0);
    expect(report.summary).toMatchObject({ buckets: 1, configurations: 1, inSync: 1 });
  });

  it.each([
    ["a truncated export", (t: string) => t.slice(0, Math.floor(t.length * 0.6)), /^bucket-inventory drift: standard input is not JSON \(.+\); expected the complete output of `pulumi stack export`, which may have been cut short\n$/],
    ["no input at all", () => "", /^bucket-inventory drift: standard input is empty: expected the output of `pulumi stack export`\n$/],
    ["`pulumi stack output --json` instead", () => '{"resourceIds": []}', /^bucket-inventory drift: standard input has no "deployment"/],
    ["an inventory with a broken vendor", (t: string) => t.replaceAll('"vendor": "s3"', '"vendor": "gcs"').replaceAll('"id": "s3:', '"id": "gcs:'), /^bucket-inventory drift: standard input: BucketInventory urn:pulumi:dev::drift-test::pulumi-nodejs:dynamic\/bucket-inventory:BucketInventory::s3-daily: "vendor" is "gcs"; expected one of oss, cos, obs, s3\n$/],
  ])("refuses %s with a clear error and exit 1, printing no report", async (_what, damage, message) => {
    const text = stackExport([await manage(h, "s3", "s3-daily")]);
    const { code, out, err } = await drift(["--json"], { stdin: damage(text) });
    expect({ code, out }).toEqual({ code: 1, out: "" });
    expect(err).toMatch(message);
  });

  it("reads --state from a file, and says when the file cannot be read", async () => {
    const dir = mkdtempSync(join(tmpdir(), "drift-"));
    writeFileSync(join(dir, "state.json"), stackExport([await manage(h, "cos", "cos-daily")]));
    expect((await drift(["--state", join(dir, "state.json")])).code).toBe(0);
    const missing = await drift(["--state", join(dir, "nope.json")]);
    expect(missing).toMatchObject({ code: 1, out: "", err: `bucket-inventory drift: cannot read the state file ${JSON.stringify(join(dir, "nope.json"))}: ENOENT\n` });
  });
});

describe("drift: buckets and credentials", () => {
  it("passes on what preview would only warn about, without calling it drift", async () => {
    // All object versions on a source bucket without versioning (the seed's S3 "reports"): preview warns, nothing fails.
    const s3 = await manage(h, "s3", "s3-unversioned", { bucket: "reports", "destination.bucket": "photos", "destination.accountId": undefined });
    const { code, report, out } = await drift(["--json"], { stdin: stackExport([s3]) });
    expect(code).toBe(0);
    expect(report.buckets[0].configurations[0]).toMatchObject({ status: "in-sync", ruleFailures: [], warnings: [{ property: "includedObjectVersions" }] });
    expect(report.buckets[0].configurations[0].warnings[0].reason).toMatch(/versioning of source "reports" is not enabled/);
    expect(out).toBeDefined();
  });

  it("reports a bucket that disappeared: the bucket gone, its configurations gone", async () => {
    const oss = await manage(h, "oss", "oss-daily");
    const s3 = await manage(h, "s3", "s3-daily");
    h.fake.admin.loadSeed({ ...seed, buckets: seed.buckets.filter((b) => !(b.vendor === "oss" && b.name === "photos")) });
    putLive(h.fake, "s3", configOf(normalizeArgs(s3.inputs)));
    const { code, report, out } = await drift(["--json"], { stdin: stackExport([oss, s3]) });
    expect(code).toBe(2);
    expect(report.buckets.map((b) => [b.vendor, b.status, b.configurations.map((c) => c.status)])).toEqual([
      ["oss", "gone", ["gone"]],
      ["s3", "scanned", ["in-sync"]],
    ]);
    expect(report.summary).toMatchObject({ bucketsGone: 1, gone: 1, inSync: 1 });
    void out;
    const table = (await drift([], { stdin: stackExport([oss, s3]) })).out;
    expect(table).toContain("oss:cn-hangzhou:photos  daily      gone     oss-daily: its bucket no longer exists");
  });

  it("reports a vendor without credentials on each of its buckets and scans the others; exit 1", async () => {
    const states = await Promise.all((["oss", "cos", "obs", "s3"] as const).map((v) => manage(h, v, `${v}-daily`)));
    const env = { ...seedEnvironment(), HW_ACCESS_KEY: undefined, HW_SECRET_KEY: undefined };
    const { code, report } = await drift(["--json"], { stdin: stackExport(states), env });
    expect(code).toBe(1);
    expect(report.status).toBe("error");
    expect(report.buckets.map((b) => [b.vendor, b.status])).toEqual([["cos", "scanned"], ["obs", "error"], ["oss", "scanned"], ["s3", "scanned"]]);
    expect(report.buckets[1].error).toEqual({
      code: "BI_ERR_CONFIG",
      message: "no obs credentials: set stack config bucket-inventory:obsAccessKey and bucket-inventory:obsSecretKey (pulumi config set --secret …) or environment variables HW_ACCESS_KEY and HW_SECRET_KEY",
    });
    expect(report.summary).toMatchObject({ bucketErrors: 1, inSync: 3 });
  });

  it("reports credentials the service refuses per bucket, never printing the secret", async () => {
    const state = stackExport([await manage(h, "s3", "s3-daily")]);
    const env = { ...seedEnvironment(), AWS_SECRET_ACCESS_KEY: "sentinel-wrong-secret-4711" };
    const { code, out, err, report } = await drift(["--json"], { stdin: state, env });
    expect(code).toBe(1);
    expect(report.buckets[0].error!.message).toMatch(/^listing bucket inventories of s3:us-east-1:photos: SignatureDoesNotMatch/);
    expect(out + err).not.toContain("sentinel-wrong-secret-4711");
  });

  it("follows a list past 100 configurations: one request per page, every one classified", async () => {
    const managed = await manage(h, "cos", "cos-daily");
    for (let i = 0; i < 104; i++) putLive(h.fake, "cos", configFor(h, "cos", { inventoryId: `manual-${String(i).padStart(3, "0")}` }));
    h.fake.admin.clearRequests();
    const { code, report } = await drift(["--json"], { stdin: stackExport([managed]) });
    expect(code).toBe(2);
    expect(report.summary).toMatchObject({ configurations: 105, inSync: 1, unmanaged: 104 });
    expect(h.fake.admin.requests().filter((r) => r.operation === "ListInventory")).toHaveLength(2);
    expect(declaredArgs(report.declarations!)).toHaveLength(104);
  }, 30_000);

  it("scans --bucket buckets the stack does not manage; one that does not exist is an error", async () => {
    putLive(h.fake, "s3", configFor(h, "s3", { inventoryId: "found" }));
    const { code, report } = await drift(["--json", "--bucket", "s3:us-east-1:photos", "--bucket", "s3:us-east-1:nope", "--endpoint", h.fake.url], {
      stdin: stackExport([]),
    });
    expect(code).toBe(1);
    expect(report.buckets.map((b) => [b.bucket, b.managed, b.status, b.configurations.map((c) => `${c.inventoryId}:${c.status}`)])).toEqual([
      ["nope", false, "error", []],
      ["photos", false, "scanned", ["found:unmanaged"]],
    ]);
    expect(report.buckets[0].error!.message).toMatch(/^listing bucket inventories of s3:us-east-1:nope: NoSuchBucket/);
  });

  it("gives progress on stderr when scanning more than a handful of buckets, and none with --quiet", async () => {
    const buckets = ["oss:cn-hangzhou:photos", "oss:cn-hangzhou:reports", "oss:cn-beijing:reports-beijing", "oss:cn-qingdao:photos-qingdao", "oss:cn-qingdao:reports-qingdao", "s3:us-east-1:reports"];
    const argv = buckets.flatMap((b) => ["--bucket", b]).concat("--endpoint", h.fake.url, "--concurrency", "2");
    const loud = await drift(argv, { stdin: stackExport([]) });
    expect(loud.code).toBe(0);
    expect(loud.err).toMatch(/^bucket-inventory drift: scanning 6 buckets\n(bucket-inventory drift: \d\/6 buckets scanned\n)*bucket-inventory drift: 6\/6 buckets scanned in \d+\.\d s\n$/);
    expect((await drift([...argv, "--quiet"], { stdin: stackExport([]) })).err).toBe("");
  });
});

describe("drift: usage", () => {
  it.each([
    [["--json", "--markdown"], "--json and --markdown: choose one"],
    [["--bucket", "photos"], '--bucket "photos": write it as <vendor>:<region>:<bucket>, e.g. oss:cn-hangzhou:photos'],
    [["--bucket", "gcs:us:photos"], '--bucket "gcs:us:photos": vendor "gcs" is not one of oss, cos, obs, s3'],
    [["--concurrency", "0"], '--concurrency "0": a whole number from 1 to 256'],
    [["--endpoint", "http://x"], "--endpoint addresses the --bucket buckets: give at least one --bucket"],
    [["--config", "ossAccesKeyId=x"], '--config "ossAccesKeyId": not a key the provider reads; use one of bucket-inventory:ossAccessKeyId'],
    [["--frobnicate"], "Unknown option '--frobnicate'"],
  ])("%j is a usage error with exit 1 (2 means drift)", async (argv, message) => {
    const { code, out, err } = await drift(argv, { stdin: stackExport([]) });
    expect({ code, out }).toEqual({ code: 1, out: "" });
    expect(err).toContain(`bucket-inventory drift: ${message}`);
    expect(err).toContain("usage: bucket-inventory drift");
  });

  it("prints its usage with --help", async () => {
    const help = await drift(["--help"]);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^usage: bucket-inventory drift \[--state <file>\|-\]/);
    expect(help.out).toContain("Exit status: 0 in sync, 2 drift found, 1 error");
  });
});

describe("drift: output", () => {
  /** An OSS id may hold any character: terminal escapes, Markdown and HTML, a code fence. */
  const HOSTILE = "x\u001b[2J\u001b]0;pwned\u0007|`<img src=x onerror=alert(1)>```\u202e[a](http://e)";

  it("prints hostile ids in the table as escapes, never as control characters", async () => {
    putLive(h.fake, "oss", configFor(h, "oss", { inventoryId: HOSTILE }));
    const { code, out } = await drift(["--bucket", "oss:cn-hangzhou:photos", "--endpoint", h.fake.url], { stdin: stackExport([]) });
    expect(code).toBe(2);
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(out).toContain("x\\u001b[2J\\u001b]0;pwned\\u0007|`<img");
  });

  it("writes Markdown no id can break out of: no raw markup, the fence longer than any backtick run", async () => {
    putLive(h.fake, "oss", configFor(h, "oss", { inventoryId: HOSTILE }));
    const { out } = await drift(["--markdown", "--bucket", "oss:cn-hangzhou:photos", "--endpoint", h.fake.url], { stdin: stackExport([]) });
    const [table, declarations] = out.split("<details>");
    expect(table).not.toMatch(/<img|\]\(|`|\u001b|\u202e/);
    expect(table.split("\n").filter((l) => l.startsWith("| <code>"))).toHaveLength(1);
    expect(table.split("\n").find((l) => l.startsWith("| <code>"))!.split("|")).toHaveLength(6);
    expect(declarations).toMatch(/\n````ts\n[\s\S]*\n````\n/);
    // Nothing in the code can be hidden or reordered by bidi controls (Trojan Source): they are \u escapes.
    expect(declarations).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/);
    expect(declarations).toContain('inventoryId: "x\\u001b[2J\\u001b]0;pwned\\u0007|`<img src=x onerror=alert(1)>```\\u202e[a](http://e)",');
  });

  it("checks the --json schema for real: a report that breaks it is refused", () => {
    const report = { schemaVersion: 1, status: "in-sync", exitCode: 0, summary: {}, buckets: [], declarations: null };
    expect(schemaErrors(report).length).toBeGreaterThan(0);
    expect(schemaErrors({ ...report, status: "fine" })).toContain("/status must be equal to one of the allowed values");
  });
});
