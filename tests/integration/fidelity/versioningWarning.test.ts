/**
 * Seed 000: "Versioning must be enabled for this configuration to take effect". Against the fake cloud's default
 * seed (sources `photos` versioned, the others not), through the real client: each vendor's GetBucketVersioning is
 * asked and read, and preview warns (never fails) on "All" versions of an unversioned source.
 */
import { createInventoryClient } from "../../../provider/client/createInventoryClient";
import type { Vendor } from "../../../provider/model/inventoryConfig";
import { createBucketInventoryProvider } from "../../../provider/resource/bucketInventoryProvider";
import { CREDENTIAL_KEYS } from "../../../provider/resource/credentials";
import { createWarningSink } from "../../../provider/resource/previewWarnings";
import { startFakeCloud, type FakeCloud } from "../../fake/index";
import { argsWith } from "../../unit/resource/validArgs";
import { seedEnvironment } from "../resource/fakeCloudSetup";

let fake: FakeCloud;
beforeAll(async () => {
  fake = await startFakeCloud({ port: 0 });
});
afterAll(async () => fake.close());

const VENDORS: Vendor[] = ["oss", "cos", "obs", "s3"];
const SOURCES: Record<Vendor, [string, string]> = {
  oss: ["photos", "reports"],
  cos: ["photos-1250000000", "reports-1250000000"],
  obs: ["photos", "reports"],
  s3: ["photos", "reports"],
};

describe("GetBucketVersioning through each vendor's dialect", () => {
  it.each(VENDORS)("%s: a versioned bucket, an unversioned one and a missing one", async (vendor) => {
    const env = seedEnvironment();
    const client = createInventoryClient({ credentials: credentialsFrom(env, vendor) });
    try {
      const region = argsWith(vendor).region as string;
      const ref = (bucket: string) => ({ vendor, region, bucket, endpoint: fake.url });
      const [versioned, plain] = SOURCES[vendor];
      expect(await client.getVersioning(ref(versioned))).toBe("Enabled");
      expect(await client.getVersioning(ref(plain))).toBe("Off");
      expect(await client.getVersioning(ref(vendor === "cos" ? "missing-1250000000" : "missing-bucket"))).toBeUndefined();
    } finally {
      await client.close();
    }
  });
});

describe("preview on an unversioned source with versions All", () => {
  async function check(args: Record<string, unknown>) {
    const warnings: string[] = [];
    const provider = createBucketInventoryProvider({ env: seedEnvironment(), warn: createWarningSink((line) => warnings.push(line)) });
    await provider.configure({ config: { get: () => undefined } });
    const { failures } = await provider.check({}, { ...args, endpoint: fake.url });
    return { failures, warnings };
  }

  it("warns and passes on OSS photos-qingdao (versioning Off), and says nothing on the versioned photos", async () => {
    const qingdao = argsWith("oss", { region: "cn-qingdao", bucket: "photos-qingdao", "destination.bucket": "reports-qingdao", includedObjectVersions: "All" });
    expect(await check(qingdao)).toEqual({
      failures: [],
      warnings: [
        'warning: BucketInventory oss:cn-qingdao:photos-qingdao:daily: includedObjectVersions: "All" has no effect yet: versioning of source "photos-qingdao" is not enabled; OSS: "Versioning must be enabled for this configuration to take effect"\n',
      ],
    });
    expect(await check(argsWith("oss", { includedObjectVersions: "All" }))).toEqual({ failures: [], warnings: [] });
  });
});

function credentialsFrom(env: Record<string, string>, vendor: Vendor) {
  const names = CREDENTIAL_KEYS[vendor].env;
  return { [vendor]: { accessKeyId: env[names.id], secretAccessKey: env[names.secret] } };
}
