import { createBucketInventoryProvider } from "../../../provider/resource/bucketInventoryProvider";
import type { ClientOptions } from "../../../provider/client/inventoryClient";
import { MemoryInventoryClient, SEED_BUCKETS } from "./memoryInventoryClient";
import { argsWith } from "./validArgs";

const SECRET = "sentinel-secret-d0c5";

function setup(env: Record<string, string> = {}) {
  const client = new MemoryInventoryClient(SEED_BUCKETS);
  const made: ClientOptions[] = [];
  const warned: string[] = [];
  const provider = createBucketInventoryProvider({
    env,
    warn: (message: string) => void warned.push(message),
    createClient: (options) => {
      made.push(options);
      return client;
    },
    lifecycle: { readBack: { attempts: 2, delayMs: 0 } },
  });
  return { provider, client, made, warned };
}

const config = (values: Record<string, string>) => ({ config: { get: (key: string) => values[key] } });

describe("the provider object", () => {
  it("takes credentials and retry settings from configure, stack config over env", async () => {
    const { provider, made } = setup({ AWS_ACCESS_KEY_ID: "env-id", AWS_SECRET_ACCESS_KEY: "env-secret" });
    await provider.configure(config({
      "bucket-inventory:s3AccessKeyId": "stack-id", "bucket-inventory:s3SecretAccessKey": SECRET,
      "bucket-inventory:maxAttempts": "7", "bucket-inventory:requestTimeoutMs": "1500",
    }));
    await provider.create(argsWith("s3"));
    expect(made).toEqual([{ credentials: { s3: { accessKeyId: "stack-id", secretAccessKey: SECRET } }, retry: { maxAttempts: 7 }, timeoutMs: 1500 }]);
  });

  it("runs a whole lifecycle through the host's method names", async () => {
    const { provider, client } = setup({ ALIBABA_CLOUD_ACCESS_KEY_ID: "id", ALIBABA_CLOUD_ACCESS_KEY_SECRET: SECRET });
    await provider.configure(config({}));
    const checked = await provider.check({}, { ...argsWith("oss"), __provider: "text" });
    expect(checked.failures).toEqual([]);
    const { id, outs } = await provider.create(checked.inputs);
    const next = argsWith("oss", { enabled: false });
    const diff = await provider.diff(id, { ...outs, __provider: "text" }, next);
    expect(diff).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false, diffs: ["enabled"] });
    const { outs: updated } = await provider.update(id, outs, next);
    expect(updated.enabled).toBe(false);
    expect((await provider.read(id, updated)).props?.enabled).toBe(false);
    await provider.delete(id, updated);
    expect((await provider.read(id, updated)).id).toBe("");
    expect(client.calls.length).toBeGreaterThan(0);
  });

  it("without credentials: check skips live look-ups, operations say what to set", async () => {
    const { provider, client } = setup();
    await provider.configure(config({}));
    const checked = await provider.check({}, argsWith("oss", { "destination.bucket": "reports-beijing" }));
    expect(checked.failures).toEqual([]);
    expect(client.calls).toEqual([]);
    await expect(provider.create(argsWith("oss"))).rejects.toThrow(
      "creating bucket inventory oss:cn-hangzhou:photos:daily: no oss credentials: set stack config bucket-inventory:ossAccessKeyId and " +
        "bucket-inventory:ossAccessKeySecret (pulumi config set --secret …) or environment variables ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET",
    );
    await expect(provider.delete("oss:cn-hangzhou:photos:daily", {})).rejects.toThrow("deleting bucket inventory oss:cn-hangzhou:photos:daily: no oss credentials");
  });

  it("a credential that can never be sent (a line break in a pasted token) fails the preview, naming the key", async () => {
    const { provider, client } = setup({ ALIBABA_CLOUD_ACCESS_KEY_ID: "id", ALIBABA_CLOUD_ACCESS_KEY_SECRET: SECRET });
    await provider.configure(config({ "bucket-inventory:ossAccessKeyId": "id", "bucket-inventory:ossAccessKeySecret": SECRET, "bucket-inventory:ossSecurityToken": "CAIS\nsentinel" }));
    const error = await provider.check({}, argsWith("oss")).catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      "oss credentials: stack config key bucket-inventory:ossSecurityToken contains a line break (a wrapped paste?): a credential is one line of printable ASCII; set it again",
    );
    await expect(provider.create(argsWith("oss"))).rejects.toThrow(/^creating bucket inventory oss:cn-hangzhou:photos:daily: oss credentials: stack config key bucket-inventory:ossSecurityToken contains a line break/);
    expect(client.calls).toEqual([]);
  });

  it("with credentials: check runs the live look-ups", async () => {
    const { provider } = setup({ ALIBABA_CLOUD_ACCESS_KEY_ID: "id", ALIBABA_CLOUD_ACCESS_KEY_SECRET: SECRET });
    await provider.configure(config({}));
    const checked = await provider.check({}, argsWith("oss", { "destination.bucket": "reports-beijing" }));
    expect(checked.failures).toEqual([{
      property: "destination.bucket",
      reason: '"reports-beijing" is in cn-beijing, source "photos" is in cn-hangzhou; OSS requires the same region',
    }]);
  });

  it("reports a bad retry setting at the operation, not at preview", async () => {
    const { provider } = setup({ AWS_ACCESS_KEY_ID: "id", AWS_SECRET_ACCESS_KEY: SECRET });
    await provider.configure(config({ "bucket-inventory:totalTimeoutMs": "-1" }));
    expect((await provider.check({}, argsWith("s3"))).failures).toEqual([]);
    await expect(provider.create(argsWith("s3"))).rejects.toThrow(
      'creating bucket inventory s3:us-east-1:photos:daily: stack config bucket-inventory:totalTimeoutMs: "-1" is not a positive whole number',
    );
  });

  it("never puts a credential into outputs, inputs or messages", async () => {
    const { provider } = setup({ HW_ACCESS_KEY: "sentinel-access-d0c5", HW_SECRET_KEY: SECRET, HW_SECURITY_TOKEN: "sentinel-token-d0c5" });
    await provider.configure(config({}));
    const checked = await provider.check({}, argsWith("obs"));
    const created = await provider.create(checked.inputs);
    const read = await provider.read(created.id, created.outs);
    let message = "";
    try {
      await provider.create(checked.inputs);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("already exists");
    const everything = JSON.stringify([checked, created, read, message]);
    expect(everything).not.toMatch(/sentinel|d0c5/);
  });
});

describe("the provider's replacement order", () => {
  const obsKeys = { HW_ACCESS_KEY: "id", HW_SECRET_KEY: SECRET };
  const seed = (client: MemoryInventoryClient, count: number) => {
    for (let i = 0; i < count; i++) {
      client.seed({ vendor: "obs", region: "cn-north-4", bucket: "photos" }, {
        id: `inv-${i}`, enabled: true, destination: { bucket: "reports", format: "CSV" }, schedule: { frequency: "Daily" },
        includedObjectVersions: "Current", optionalFields: [], filter: { prefix: `p${i}/` },
      });
    }
  };
  const rename = async (count: number) => {
    const { provider, client, warned } = setup(obsKeys);
    await provider.configure(config({}));
    seed(client, count);
    const olds = argsWith("obs", { inventoryId: "inv-0", "filter.prefix": "p0/" });
    const diff = await provider.diff("obs:cn-north-4:photos:inv-0", olds, argsWith("obs", { inventoryId: "renamed", "filter.prefix": "q/" }));
    return { diff, warned };
  };

  it("creates the new id first while the bucket has room for both, and has nothing to warn about", async () => {
    expect(await rename(9)).toMatchObject({ diff: { replaces: ["inventoryId"], deleteBeforeReplace: false }, warned: [] });
  });

  it("deletes first when the bucket is at its limit (10 on OBS), counting live, and says so in the preview", async () => {
    expect(await rename(10)).toEqual({
      diff: expect.objectContaining({ replaces: ["inventoryId"], deleteBeforeReplace: true }),
      warned: [
        "obs:cn-north-4:photos:inv-0 is replaced by obs:cn-north-4:photos:renamed by deleting the old configuration before creating the new one, " +
          'because bucket "photos" has 10 configurations and OBS allows at most 10; should the create fail, the bucket has neither until the next pulumi up',
      ],
    });
  });
});
