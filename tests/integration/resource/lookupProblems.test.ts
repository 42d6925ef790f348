/**
 * Preview against the fake cloud when its live look-ups go wrong. Credentials the service refuses fail preview,
 * naming where they came from and never their value (before, a wrong secret gave a green preview: the look-ups got
 * SignatureDoesNotMatch and were skipped like a missing network). Anything else skips the checks it stops, with a
 * warning line that says what was not checked and why. A bucket that does not exist yet is skipped quietly.
 */
import { createBucketInventoryProvider, type BucketInventoryProvider } from "../../../provider/resource/bucketInventoryProvider";
import type { Vendor } from "../../../provider/model/inventoryConfig";
import { CREDENTIAL_KEYS } from "../../../provider/resource/credentials";
import { fakeArgs, failuresText, seedEnvironment, startHarness, VENDOR_LIST, type Harness } from "./fakeCloudSetup";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());
beforeEach(() => h.fake.admin.reset());

/** A provider as a new `pulumi preview` starts one, with this environment and stack config; warnings collected. */
async function previewProvider(env: Record<string, string>, config: Record<string, string> = {}): Promise<{ provider: BucketInventoryProvider; warnings: string[] }> {
  const warnings: string[] = [];
  const provider = createBucketInventoryProvider({ env, warn: (message) => warnings.push(message) });
  const settings = { "bucket-inventory:maxAttempts": "2", "bucket-inventory:requestTimeoutMs": "5000", ...config };
  await provider.configure({ config: { get: (key) => settings[key as keyof typeof settings] } });
  return { provider, warnings };
}

const SOURCE: Record<Vendor, string> = { oss: "oss:cn-hangzhou:photos", cos: "cos:ap-guangzhou:photos-1250000000", obs: "obs:cn-north-4:photos", s3: "s3:us-east-1:photos" };

describe("credentials the service refuses fail preview", () => {
  it.each(VENDOR_LIST)("%s: a wrong secret from the environment, named by its variables", async (vendor) => {
    const env = seedEnvironment();
    const keys = CREDENTIAL_KEYS[vendor].env;
    env[keys.secret] = "not-the-secret-0000";
    const { provider, warnings } = await previewProvider(env);
    const { failures } = await provider.check({}, fakeArgs(h.fake, vendor));
    expect(failures).toHaveLength(1);
    expect(failures[0].property).toBe("");
    expect(failures[0].reason).toMatch(
      new RegExp(
        `^the service refused the ${vendor} credentials \\(from environment variables ${keys.id} and ${keys.secret}\\): ` +
          `looking up bucket ${SOURCE[vendor]}: SignatureDoesNotMatch .*; correct them, or remove them to preview without live checks$`,
      ),
    );
    expect(failures[0].reason).not.toContain("not-the-secret-0000");
    expect(warnings).toEqual([]);
  });

  it.each(VENDOR_LIST)("%s: an unknown key id from stack config, named by its keys", async (vendor) => {
    const keys = CREDENTIAL_KEYS[vendor].config;
    const config = { [`bucket-inventory:${keys.id}`]: "NOSUCHKEY0000001", [`bucket-inventory:${keys.secret}`]: "whatever-secret-0001" };
    const { provider } = await previewProvider(seedEnvironment(), config);
    const { failures } = await provider.check({}, fakeArgs(h.fake, vendor));
    expect(failuresText(failures)).toEqual([
      expect.stringMatching(
        new RegExp(`^: the service refused the ${vendor} credentials \\(from stack config bucket-inventory:${keys.id} and bucket-inventory:${keys.secret}\\): .*InvalidAccessKeyId `),
      ),
    ]);
    expect(failures[0].reason).not.toContain("whatever-secret-0001");
  });

  it("stops at the first refusal: no more look-ups for that resource", async () => {
    const env = { ...seedEnvironment(), AWS_SECRET_ACCESS_KEY: "not-the-secret-0000" };
    const { provider } = await previewProvider(env);
    await provider.check({}, fakeArgs(h.fake, "s3"));
    const operations = h.fake.admin.requests().map((r) => r.operation);
    expect(operations).not.toContain("ListInventory");
  });
});

describe("other look-up problems skip the check they stop, visibly", () => {
  it("permission denied on the source bucket: no failure, a warning naming the resource, the check and the code", async () => {
    h.fake.admin.injectFault({ match: { vendor: "oss", operation: "GetBucketInfo", bucket: "photos" }, times: "always", action: { kind: "status", status: 403, code: "AccessDenied", message: "You have no right to access this object because of bucket acl." } });
    const { provider, warnings } = await previewProvider(seedEnvironment());
    const { failures } = await provider.check({}, fakeArgs(h.fake, "oss"));
    expect(failuresText(failures)).toEqual([]);
    expect(warnings).toEqual([
      expect.stringMatching(/^BucketInventory oss:cn-hangzhou:photos:daily: the region of source bucket "photos" not checked at preview: looking up bucket oss:cn-hangzhou:photos: AccessDenied You have no right/),
    ]);
  });

  it("permission denied listing the source's inventories: the limit check is skipped with a warning", async () => {
    h.fake.admin.injectFault({ match: { vendor: "obs", operation: "ListInventory" }, times: "always", action: { kind: "status", status: 403, code: "AccessDenied" } });
    const { provider, warnings } = await previewProvider(seedEnvironment());
    expect((await provider.check({}, fakeArgs(h.fake, "obs"))).failures).toEqual([]);
    expect(warnings).toEqual([
      expect.stringMatching(/^BucketInventory obs:cn-north-4:photos:daily: the count and prefixes of inventories on source bucket "photos" not checked at preview: listing bucket inventories of obs:cn-north-4:photos: AccessDenied /),
    ]);
  });

  it("a network that drops every connection: warnings, no failure", async () => {
    h.fake.admin.injectFault({ match: { vendor: "cos" }, times: "always", action: { kind: "reset" } });
    const { provider, warnings } = await previewProvider(seedEnvironment());
    expect((await provider.check({}, fakeArgs(h.fake, "cos"))).failures).toEqual([]);
    expect(warnings.map((w) => w.replace(/: looking up.*|: listing.*/, ""))).toEqual([
      'BucketInventory cos:ap-guangzhou:photos-1250000000:daily: the region of source bucket "photos-1250000000" not checked at preview',
      'BucketInventory cos:ap-guangzhou:photos-1250000000:daily: the region and account of destination bucket "reports-1250000000" not checked at preview',
      'BucketInventory cos:ap-guangzhou:photos-1250000000:daily: the count of inventories on source bucket "photos-1250000000" not checked at preview',
    ]);
  });

  it("says each warning once per process, however many previews ask", async () => {
    h.fake.admin.injectFault({ match: { vendor: "s3", operation: "ListInventory" }, times: "always", action: { kind: "status", status: 503, code: "ServiceUnavailable" } });
    const { provider, warnings } = await previewProvider(seedEnvironment());
    await provider.check({}, fakeArgs(h.fake, "s3"));
    await provider.check({}, fakeArgs(h.fake, "s3"));
    expect(warnings).toHaveLength(1);
  });

  it("no credentials for a vendor: one warning that its live checks are skipped, and what to set", async () => {
    const { provider, warnings } = await previewProvider({});
    expect((await provider.check({}, fakeArgs(h.fake, "oss", { "destination.bucket": "reports-beijing" }))).failures).toEqual([]);
    await provider.check({}, fakeArgs(h.fake, "oss", { inventoryId: "other" }));
    expect(warnings).toEqual([
      "BucketInventory: no oss credentials, so preview's live checks of oss inventories are skipped (set stack config bucket-inventory:ossAccessKeyId " +
        "and bucket-inventory:ossAccessKeySecret (pulumi config set --secret …) or environment variables ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET)",
    ]);
    expect(h.fake.admin.requests()).toEqual([]);
  });

  it("a source or destination that does not exist yet is skipped without a word", async () => {
    const { provider, warnings } = await previewProvider(seedEnvironment());
    expect((await provider.check({}, fakeArgs(h.fake, "obs", { bucket: "created-later", "destination.bucket": "also-later" }))).failures).toEqual([]);
    expect(warnings).toEqual([]);
  });
});
