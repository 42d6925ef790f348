/**
 * `pulumi refresh` (Read with the old outputs and inputs) after changes made outside Pulumi through the fake
 * cloud's admin API, and adopting a configuration someone else made, all four vendors in one stack.
 */
import type { Vendor } from "../../../provider/model/inventoryConfig";
import { useScenarioStack } from "./scenarioStack";
import { SETUPS, VENDOR_LIST, inventoryArgs, vendorInventoryXml } from "./vendorCases";

const s = useScenarioStack();


function stored(vendor: Vendor): string | undefined {
  return s.fake.admin.getInventoryXml(vendor, SETUPS[vendor].source, "daily");
}

/** Someone edits the live configuration outside Pulumi: disables it and makes it weekly. */
function editOutOfBand(vendor: Vendor): void {
  const xml = stored(vendor)!
    .replace("<IsEnabled>true</IsEnabled>", "<IsEnabled>false</IsEnabled>")
    .replace("<Frequency>Daily</Frequency>", "<Frequency>Weekly</Frequency>");
  s.fake.admin.putInventoryXml(vendor, SETUPS[vendor].source, "daily", xml);
}

test("refresh after an out-of-band change shows exactly the changed fields, and the next preview plans them back", async () => {
  await s.engine.up(s.allVendors());
  const clean = await s.engine.refresh();
  expect(clean.steps.map((st) => st.op)).toEqual(["same", "same", "same", "same"]);

  for (const vendor of VENDOR_LIST) editOutOfBand(vendor);
  const refresh = await s.engine.refresh();
  expect(refresh.ok).toBe(true);
  expect(refresh.calls.map((c) => c.method)).toEqual(["Configure", "Read", "Diff", "Read", "Diff", "Read", "Diff", "Read", "Diff"]);
  for (const step of refresh.steps) {
    expect(step.op).toBe("update");
    expect(step.changes).toEqual([
      { path: "enabled", kind: "update", before: true, after: false },
      { path: "schedule.frequency", kind: "update", before: "Daily", after: "Weekly" },
    ]);
  }
  for (const r of s.engine.state.resources) expect(r.outputs).toMatchObject({ enabled: false, schedule: { frequency: "Weekly" } });

  const preview = await s.engine.preview(s.allVendors());
  for (const step of preview.steps) {
    expect(step.op).toBe("update");
    expect(step.changes.map((c) => [c.path, c.before, c.after])).toEqual([
      ["enabled", false, true],
      ["schedule.frequency", "Weekly", "Daily"],
    ]);
  }
});

test("after an out-of-band delete, refresh finds the resource gone and the next up creates it again", async () => {
  await s.engine.up(s.allVendors());
  for (const vendor of VENDOR_LIST) s.fake.admin.deleteInventory(vendor, SETUPS[vendor].source, "daily");
  const refresh = await s.engine.refresh();
  expect(refresh.ok).toBe(true);
  expect(refresh.steps.map((st) => st.op)).toEqual(["delete", "delete", "delete", "delete"]);
  expect(s.engine.state.resources).toEqual([]);

  const up = await s.engine.up(s.allVendors());
  expect(up.steps.map((st) => st.op)).toEqual(["create", "create", "create", "create"]);
  for (const vendor of VENDOR_LIST) expect(stored(vendor)).toContain("<Id>daily</Id>");
});

test("adopt: an existing configuration is refused without it, taken over as it is with it, then updated", async () => {
  for (const vendor of VENDOR_LIST) {
    s.fake.admin.putInventoryXml(vendor, SETUPS[vendor].source, "daily", vendorInventoryXml(vendor, "daily", { frequency: "Weekly" }));
  }
  // Refused at check (preview), before anything is written; create would refuse it too.
  const refused = await s.engine.up(s.program({ name: "oss-daily", args: inventoryArgs("oss", s.fake.url) }));
  expect(refused.ok).toBe(false);
  expect(refused.steps[0].failures).toEqual([{
    property: "inventoryId",
    reason: '"daily" already exists on OSS bucket "photos" and this stack\'s state does not have it: choose another inventoryId, ' +
      'or set adopt: true to manage that configuration from this stack as it is (also the way to take in one an interrupted "pulumi up" created)',
  }]);
  expect(refused.calls.map((c) => c.method)).toEqual(["Configure", "Check"]);
  expect(s.engine.state.resources).toEqual([]);
  expect(stored("oss")).toContain("<Frequency>Weekly</Frequency>");

  const adopted = await s.engine.up(s.allVendors({ adopt: true }));
  expect(adopted.ok).toBe(true);
  for (const vendor of VENDOR_LIST) {
    expect(stored(vendor)).toContain("<Frequency>Weekly</Frequency>");
    expect(s.engine.state.resources.find((r) => r.name === `${vendor}-daily`)!.outputs).toMatchObject({ schedule: { frequency: "Weekly" } });
  }
  const preview = await s.engine.preview(s.allVendors({ adopt: true }));
  for (const step of preview.steps) {
    expect(step.op).toBe("update");
    expect(step.changes).toContainEqual({ path: "schedule.frequency", kind: "update", before: "Weekly", after: "Daily" });
  }
  await s.engine.up(s.allVendors({ adopt: true }));
  for (const vendor of VENDOR_LIST) expect(stored(vendor)).toContain("<Frequency>Daily</Frequency>");
});
