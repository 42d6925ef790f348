/**
 * Per vendor, the resource's whole life against the fake cloud over loopback, through the provider methods the
 * dynamic provider host calls: check (preview) → create → no-op diff → out-of-band change → read → update →
 * replace → out-of-band delete → read → delete twice; plus already-exists and adopt.
 */
import type { Vendor } from "../../../provider/model/inventoryConfig";
import { normalizeConfig } from "../../../provider/model/normalize";
import { configOf, normalizeArgs } from "../../../provider/resource/resourceArgs";
import { fakeArgs, failuresText, refOf, rejection, startHarness, VENDOR_LIST, type Harness } from "./fakeCloudSetup";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());
// Each test is a fresh deployment: a fresh provider process against a reset cloud.
beforeEach(async () => {
  h.fake.admin.reset();
  await h.renewProvider();
});

/** What `pulumi up` does for a new resource: check, then create with the checked inputs. */
async function up(vendor: Vendor, patch: Record<string, unknown> = {}) {
  const checked = await h.provider.check({}, fakeArgs(h.fake, vendor, patch));
  expect(failuresText(checked.failures)).toEqual([]);
  return { inputs: checked.inputs, ...(await h.provider.create(checked.inputs)) };
}

describe.each(VENDOR_LIST)("%s: lifecycle against the fake cloud", (vendor) => {
  const mutable: Record<Vendor, Record<string, unknown>> = {
    oss: { "destination.prefix": "reports/v2/", optionalFields: ["Size", "StorageClass"] },
    cos: { enabled: false, "destination.prefix": "reports/v2" },
    obs: { "schedule.frequency": "Weekly", includedObjectVersions: "All" },
    s3: { "destination.format": "ORC", "filter.prefix": "images/" },
  };

  it("creates, and a second preview shows no change", async () => {
    const { id, outs, inputs } = await up(vendor);
    expect(id).toBe(`${vendor}:${inputs.region}:${inputs.bucket}:daily`);
    expect(outs.resourceId).toBe(id);
    expect(await h.other.getInventory(refOf(h.fake, vendor), "daily")).toMatchObject({ id: "daily", destination: { bucket: (inputs.destination as { bucket: string }).bucket } });
    const again = await h.provider.check({}, fakeArgs(h.fake, vendor));
    expect(await h.provider.diff(id, { ...outs, __provider: "p" }, { ...again.inputs, __provider: "p" })).toEqual({
      changes: false, replaces: [], deleteBeforeReplace: false, diffs: [],
    });
  });

  it("refuses to take over a configuration it did not make, then adopts it when asked", async () => {
    await h.other.putInventory(refOf(h.fake, vendor), configOf(normalizeArgs(fakeArgs(h.fake, vendor, { enabled: false }))));
    const checked = await h.provider.check({}, fakeArgs(h.fake, vendor));
    const error = await rejection(h.provider.create(checked.inputs));
    expect(error.message).toMatch(new RegExp(`^creating bucket inventory ${vendor}:[^ ]+:daily: inventoryId: "daily" already exists on`));
    expect(error.message).toContain("set adopt: true");
    const adopted = await h.provider.create({ ...checked.inputs, adopt: true });
    expect(adopted.outs.enabled).toBe(false);
    // The next preview shows how the adopted configuration differs from the program.
    expect((await h.provider.diff(adopted.id, adopted.outs, checked.inputs)).diffs).toEqual(["enabled"]);
  });

  it("reads an out-of-band change, and the next diff shows exactly that field", async () => {
    const { id, outs, inputs } = await up(vendor);
    const ref = refOf(h.fake, vendor);
    const live = (await h.other.getInventory(ref, "daily"))!;
    // Someone else's tool: on OSS a put cannot overwrite, so it deletes first.
    if (vendor === "oss") await h.other.deleteInventory(ref, "daily");
    await h.other.putInventory(ref, { ...live, includedObjectVersions: live.includedObjectVersions === "All" ? "Current" : "All" });
    const read = await h.provider.read(id, outs);
    expect(read.id).toBe(id);
    expect((await h.provider.diff(id, read.props!, inputs)).diffs).toEqual(["includedObjectVersions"]);
  });

  it("updates a mutable field in place with the full configuration", async () => {
    const { id, outs } = await up(vendor);
    const checked = await h.provider.check(outs, fakeArgs(h.fake, vendor, mutable[vendor]));
    expect(failuresText(checked.failures)).toEqual([]);
    const diff = await h.provider.diff(id, outs, checked.inputs);
    expect(diff.changes).toBe(true);
    expect(diff.replaces).toEqual([]);
    const { outs: updated } = await h.provider.update(id, outs, checked.inputs);
    const live = await h.other.getInventory(refOf(h.fake, vendor), "daily");
    const wanted = configOf(normalizeArgs(checked.inputs));
    expect(normalizeConfig(vendor, live!)).toEqual(normalizeConfig(vendor, wanted));
    expect(normalizeConfig(vendor, live!)).not.toEqual(normalizeConfig(vendor, configOf(normalizeArgs(outs))));
    expect((await h.provider.diff(id, updated, checked.inputs)).changes).toBe(false);
  });

  it("replaces on a new inventory id: creates first, or (OBS, whose prefixes would overlap) deletes first", async () => {
    const { id, outs } = await up(vendor);
    const next = await h.provider.check(outs, fakeArgs(h.fake, vendor, { inventoryId: "weekly" }));
    expect(next.failures).toEqual([]);
    const deleteFirst = vendor === "obs";
    expect(await h.provider.diff(id, outs, next.inputs)).toMatchObject({ replaces: ["inventoryId"], deleteBeforeReplace: deleteFirst });
    // The engine's second Check of a replacement, without the old inputs: still passes.
    expect((await h.provider.check({}, next.inputs)).failures).toEqual([]);
    if (deleteFirst) await h.provider.delete(id, outs);
    const created = await h.provider.create(next.inputs);
    if (!deleteFirst) await h.provider.delete(id, outs);
    expect(created.id).toBe(id.replace(/daily$/, "weekly"));
    const all = await h.other.listInventories(refOf(h.fake, vendor));
    expect(all.map((c) => c.id)).toEqual(["weekly"]);
  });

  it("finds an out-of-band delete on refresh, and deletes twice without error", async () => {
    const { id, outs } = await up(vendor);
    await h.other.deleteInventory(refOf(h.fake, vendor), "daily");
    expect(await h.provider.read(id, outs)).toEqual({ id: "" });
    await h.provider.delete(id, outs);
    await h.provider.delete(id, outs);
  });

  it("finds the configuration gone when the resource names a bucket that does not exist", async () => {
    expect(await h.provider.read(`${vendor}:x:no-such-bucket-1250000000:daily`, {
      ...fakeArgs(h.fake, vendor), bucket: "no-such-bucket-1250000000",
    })).toEqual({ id: "" });
  });
});

describe("service errors reach the user in context", () => {
  it("names the resource, the vendor code and the request id", async () => {
    const checked = await h.provider.check({}, fakeArgs(h.fake, "s3"));
    h.fake.admin.injectFault({ match: { vendor: "s3", operation: "PutInventory" }, action: { kind: "status", status: 400, code: "InvalidArgument", message: "Injected refusal." } });
    const error = await rejection(h.provider.create(checked.inputs));
    expect(error.message).toMatch(/^creating bucket inventory s3:us-east-1:photos:daily: InvalidArgument Injected refusal\. \(request id [^)]+\)$/);
  });
});
