/**
 * `bucket-inventory:endpoint` (all vendors) and `bucket-inventory:<vendor>Endpoint` in stack config send a program
 * that names no endpoint to that endpoint; the argument wins over both. The endpoint lands in the resource's
 * inputs and state: a changed host replaces, and refresh and destroy go where the resource was created.
 */
import { createBucketInventoryProvider } from "../../../provider/resource/bucketInventoryProvider";
import { argsWith } from "../../unit/resource/validArgs";
import { failuresText, refOf, startHarness, VENDOR_LIST, type Harness } from "./fakeCloudSetup";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());
beforeEach(() => h.fake.admin.reset());

/** Nothing listens on port 1 of loopback: a request there is refused at once. */
const NOWHERE = "http://127.0.0.1:1";

describe("an endpoint from stack config", () => {
  it.each(VENDOR_LIST)("bucket-inventory:endpoint sends a %s program without endpoint to the fake cloud", async (vendor) => {
    await h.renewProvider({ "bucket-inventory:endpoint": h.fake.url });
    const checked = await h.provider.check({}, argsWith(vendor));
    expect(failuresText(checked.failures)).toEqual([]);
    expect(checked.inputs.endpoint).toBe(h.fake.url);
    const created = await h.provider.create(checked.inputs);
    expect(created.outs.endpoint).toBe(h.fake.url);
    const inventoryId = argsWith(vendor).inventoryId as string;
    expect((await h.other.getInventory(refOf(h.fake, vendor), inventoryId))?.id).toBe(inventoryId);
  });

  it("a vendor's own key wins over the shared one", async () => {
    await h.renewProvider({ "bucket-inventory:ossEndpoint": `${h.fake.url}/`, "bucket-inventory:endpoint": NOWHERE });
    expect((await h.provider.check({}, argsWith("oss"))).inputs.endpoint).toBe(h.fake.url);
    expect((await h.provider.check({}, argsWith("obs"))).inputs.endpoint).toBe(NOWHERE);
  });

  it("the resource's endpoint argument wins over stack config", async () => {
    await h.renewProvider({ "bucket-inventory:endpoint": NOWHERE, "bucket-inventory:s3Endpoint": NOWHERE });
    const checked = await h.provider.check({}, argsWith("s3", { endpoint: h.fake.url }));
    expect(failuresText(checked.failures)).toEqual([]);
    expect(checked.inputs.endpoint).toBe(h.fake.url);
  });

  it("an empty endpoint argument is a value check refuses, not a gap stack config fills", async () => {
    await h.renewProvider({ "bucket-inventory:endpoint": h.fake.url });
    const checked = await h.provider.check({}, argsWith("oss", { endpoint: "" }));
    expect(checked.inputs.endpoint).toBe("");
    expect(failuresText(checked.failures).filter((f) => f.startsWith("endpoint:"))).toHaveLength(1);
  });

  it("without any, the vendor's public endpoint is meant (no endpoint in the inputs)", async () => {
    // No credentials either: live checks would otherwise try the vendor's real host.
    const provider = createBucketInventoryProvider({ env: {} });
    await provider.configure({ config: { get: () => undefined } });
    expect((await provider.check({}, argsWith("cos"))).inputs).not.toHaveProperty("endpoint");
  });

  it("a malformed configured endpoint fails preview naming the stack-config key", async () => {
    await h.renewProvider({ "bucket-inventory:cosEndpoint": "ftp://fake" });
    expect(failuresText((await h.provider.check({}, argsWith("cos"))).failures)).toEqual([
      'endpoint: "ftp://fake" is not an http(s) URL such as "http://127.0.0.1:9000" (set by stack config bucket-inventory:cosEndpoint)',
    ]);
  });

  it("a changed endpoint host in stack config replaces the resource; the same one is no change", async () => {
    await h.renewProvider({ "bucket-inventory:endpoint": h.fake.url });
    const created = await h.provider.create((await h.provider.check({}, argsWith("obs"))).inputs);
    const same = await h.provider.check(created.outs, argsWith("obs"));
    expect(await h.provider.diff(created.id, created.outs, same.inputs)).toMatchObject({ changes: false, replaces: [] });

    await h.renewProvider({ "bucket-inventory:endpoint": "http://127.0.0.2:9000" });
    const moved = await h.provider.check(created.outs, argsWith("obs"));
    expect(await h.provider.diff(created.id, created.outs, moved.inputs)).toMatchObject({ changes: true, replaces: ["endpoint"] });
  });

  it("refresh and destroy go to the endpoint in state, whatever the stack config says by then", async () => {
    await h.renewProvider({ "bucket-inventory:endpoint": h.fake.url });
    const created = await h.provider.create((await h.provider.check({}, argsWith("s3"))).inputs);

    await h.renewProvider({ "bucket-inventory:endpoint": NOWHERE });
    const read = await h.provider.read(created.id, created.outs);
    expect(read.id).toBe(created.id);
    await h.provider.delete(created.id, created.outs);
    expect(await h.other.getInventory(refOf(h.fake, "s3"), argsWith("s3").inventoryId as string)).toBeUndefined();
  });
});
