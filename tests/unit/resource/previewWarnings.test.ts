import { createBucketInventoryProvider } from "../../../provider/resource/bucketInventoryProvider";
import { createWarningSink, setWarningFallback } from "../../../provider/resource/previewWarnings";
import { providerWarnings } from "../../support/providerWarnings";
import { MemoryInventoryClient, SEED_BUCKETS } from "./memoryInventoryClient";
import { argsWith } from "./validArgs";

describe("preview warnings", () => {
  it("are one 'warning:' line each, said once, with control characters escaped", () => {
    const lines: string[] = [];
    const warn = createWarningSink((line) => lines.push(line));
    warn("BucketInventory oss:cn-hangzhou:photos:a\nwarning: forged: x");
    warn("BucketInventory oss:cn-hangzhou:photos:a\nwarning: forged: x");
    warn("second");
    expect(lines).toEqual(["warning: BucketInventory oss:cn-hangzhou:photos:a\\u000awarning: forged: x\n", "warning: second\n"]);
  });

  it("go from the provider's check to its sink, naming the resource, once however often the engine checks", async () => {
    const warnings: string[] = [];
    const unversioned = SEED_BUCKETS.map((b) => (b.vendor === "obs" && b.name === "photos" ? { ...b, versioning: "Off" as const } : b));
    const provider = createBucketInventoryProvider({
      env: { HW_ACCESS_KEY: "id", HW_SECRET_KEY: "secret" },
      createClient: () => new MemoryInventoryClient(unversioned),
      warn: createWarningSink((line) => warnings.push(line)),
    });
    await provider.configure({ config: { get: () => undefined } });
    const args = argsWith("obs", { includedObjectVersions: "All" });
    for (let i = 0; i < 2; i++) expect((await provider.check({}, args)).failures).toEqual([]);
    expect(warnings).toEqual([
      'warning: BucketInventory obs:cn-north-4:photos:daily: includedObjectVersions: "All" has no effect yet: versioning of source "photos" is not enabled; OBS: "Versioning must be enabled for this configuration to take effect"\n',
    ]);
  });

  it("without an engine, go to the writer set with setWarningFallback (the tests' logger here), else to stderr", async () => {
    const provider = createBucketInventoryProvider({ env: {}, createClient: () => new MemoryInventoryClient(SEED_BUCKETS) });
    await provider.configure({ config: { get: () => undefined } });
    providerWarnings.take();
    expect((await provider.check({}, argsWith("cos"))).failures).toEqual([]);
    expect(providerWarnings.take()).toEqual([expect.stringMatching(/^warning: BucketInventory: no cos credentials, so preview's live checks of cos inventories are skipped \(/)]);

    const written: string[] = [];
    const restore = setWarningFallback((line) => written.push(line));
    try {
      expect((await provider.check({}, argsWith("s3"))).failures).toEqual([]);
    } finally {
      restore();
    }
    expect(written).toEqual([expect.stringMatching(/^warning: BucketInventory: no s3 credentials/)]);
    expect(providerWarnings.take()).toEqual([]);
  });
});
