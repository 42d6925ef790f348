/**
 * `pulumi up` and `pulumi destroy` through the real dynamic provider host against the fake cloud, all four vendors
 * in one stack: create, the no-op second up, in-place updates, delete-before-replace in that order, and destroy
 * (also of configurations already gone).
 */
import type { Vendor } from "../../../provider/model/inventoryConfig";
import type { CallRecord } from "../harness/providerHost";
import type { OperationResult } from "../harness/steps";
import { useScenarioStack } from "./scenarioStack";
import { SETUPS, VENDOR_LIST, inventoryArgs } from "./vendorCases";

const s = useScenarioStack();


/** The calls the host received for one resource, as "Method id" in order. */
function callsFor(result: OperationResult, name: string): string[] {
  const urn = s.engine.state.resources.find((r) => r.name === name)?.urn ?? result.steps.find((st) => st.name === name)?.urn;
  return result.calls.filter((c: CallRecord) => c.urn === urn).map((c) => (c.id ? `${c.method} ${c.id}` : c.method));
}

function stored(vendor: Vendor, id = "daily"): string | undefined {
  return s.fake.admin.getInventoryXml(vendor, SETUPS[vendor].source, id);
}

function writesSeen(): string[] {
  return s.fake.admin.requests().filter((r) => r.method !== "GET" && r.method !== "HEAD").map((r) => `${r.vendor} ${r.method}`);
}

test("up creates the configuration on every vendor; an unchanged up is a no-op; a changed field is one in-place update", async () => {
  const first = await s.engine.up(s.allVendors());
  expect(first.ok).toBe(true);
  for (const vendor of VENDOR_LIST) {
    expect(callsFor(first, `${vendor}-daily`)).toEqual(["Check", "Create"]);
    expect(stored(vendor)).toContain("<Frequency>Daily</Frequency>");
  }
  expect(s.engine.state.resources.map((r) => r.id).sort()).toEqual([
    "cos:ap-guangzhou:photos-1250000000:daily",
    "obs:cn-north-4:photos:daily",
    "oss:cn-hangzhou:photos:daily",
    "s3:us-east-1:photos:daily",
  ]);

  s.fake.admin.clearRequests();
  const second = await s.engine.up(s.allVendors());
  expect(second.ok).toBe(true);
  expect(second.steps.map((st) => st.op)).toEqual(["same", "same", "same", "same"]);
  for (const step of second.steps) expect(callsFor(second, step.name)).toEqual(["Check", `Diff ${step.id}`]);
  expect(writesSeen()).toEqual([]);

  const weekly = () => s.allVendors(() => ({ schedule: { frequency: "Weekly" }, destination: { prefix: "inventory/v2/" } }));
  const changed = await s.engine.up(weekly());
  expect(changed.ok).toBe(true);
  for (const vendor of VENDOR_LIST) {
    const step = changed.steps.find((st) => st.name === `${vendor}-daily`)!;
    expect(step).toMatchObject({ op: "update", replaces: [] });
    expect(step.changes).toEqual([
      { path: "destination.prefix", kind: "update", before: "inventory/", after: "inventory/v2/" },
      { path: "schedule.frequency", kind: "update", before: "Daily", after: "Weekly" },
    ]);
    expect(callsFor(changed, `${vendor}-daily`)).toEqual(["Check", `Diff ${step.id}`, `Update ${step.id}`]);
    expect(stored(vendor)).toContain("<Frequency>Weekly</Frequency>");
    expect(stored(vendor)).toContain("<Prefix>inventory/v2/</Prefix>");
  }
  const again = await s.engine.preview(weekly());
  expect(again.steps.map((st) => st.op)).toEqual(["same", "same", "same", "same"]);
});

test("a new inventory id, then a new source bucket, each replace: created first, deleted first only where both cannot exist (OBS whole-bucket inventories)", async () => {
  await s.engine.up(s.allVendors());
  const idOf = (v: Vendor, bucket: string, id: string) => `${v}:${SETUPS[v].region}:${bucket}:${id}`;
  const expectReplaced = (result: OperationResult, field: string, before: (v: Vendor) => string, after: (v: Vendor) => string, deleteFirst: (v: Vendor) => boolean) => {
    expect(result.ok).toBe(true);
    for (const vendor of VENDOR_LIST) {
      const name = `${vendor}-daily`;
      const step = result.steps.find((st) => st.name === name)!;
      expect(step).toMatchObject({ op: "replace", deleteBeforeReplace: deleteFirst(vendor) });
      expect(step.replaces).toContain(field);
      // Check, Diff, the engine's second Check of the replacement, then the order Diff asked for.
      const order = deleteFirst(vendor) ? [`Delete ${before(vendor)}`, "Create"] : ["Create", `Delete ${before(vendor)}`];
      expect(callsFor(result, name)).toEqual(["Check", `Diff ${before(vendor)}`, "Check", ...order]);
      expect(s.engine.state.resources.find((r) => r.name === name)!.id).toBe(after(vendor));
    }
  };

  const newId = await s.engine.up(s.allVendors(() => ({ inventoryId: "daily-v2" })));
  // Two OBS inventories without a prefix would both cover the whole bucket: OBS refuses the second, so delete first.
  expectReplaced(newId, "inventoryId", (v) => idOf(v, SETUPS[v].source, "daily"), (v) => idOf(v, SETUPS[v].source, "daily-v2"), (v) => v === "obs");
  // The reviewer is told why OBS deletes first, as a warning through the engine's Log service.
  expect(s.engine.engineStub.logs).toContainEqual({
    severity: "warning", urn: "",
    message: "obs:cn-north-4:photos:daily is replaced by obs:cn-north-4:photos:daily-v2 by deleting the old configuration before creating the new one, " +
      'because OBS does not allow their prefixes ("" and "") on one bucket at once; should the create fail, the bucket has neither until the next pulumi up',
  });
  for (const vendor of VENDOR_LIST) {
    expect(stored(vendor, "daily")).toBeUndefined();
    expect(stored(vendor, "daily-v2")).toContain("<Id>daily-v2</Id>");
  }

  const newBucket = await s.engine.up(s.allVendors((v) => ({ inventoryId: "daily-v2", bucket: SETUPS[v].destination })));
  expectReplaced(newBucket, "bucket", (v) => idOf(v, SETUPS[v].source, "daily-v2"), (v) => idOf(v, SETUPS[v].destination, "daily-v2"), () => false);
  for (const vendor of VENDOR_LIST) {
    expect(stored(vendor, "daily-v2")).toBeUndefined();
    expect(s.fake.admin.getInventoryXml(vendor, SETUPS[vendor].destination, "daily-v2")).toContain("<Id>daily-v2</Id>");
  }
});

test("destroy deletes every configuration, also one already deleted out of band; destroying again is a no-op", async () => {
  await s.engine.up(s.allVendors());
  expect(s.fake.admin.deleteInventory("s3", "photos", "daily")).toBe(true);
  const destroy = await s.engine.destroy();
  expect(destroy.ok).toBe(true);
  expect(destroy.calls.filter((c) => c.method === "Delete")).toHaveLength(4);
  for (const vendor of VENDOR_LIST) expect(stored(vendor)).toBeUndefined();
  expect(s.engine.state.resources).toEqual([]);

  const again = await s.engine.destroy();
  expect(again).toMatchObject({ ok: true, steps: [] });
  expect(again.calls.map((c) => c.method)).toEqual(["Configure"]);
});
