/**
 * Scenario 2, drift under the real CLI: a change made behind Pulumi's back (the fake cloud's admin API, as a
 * console would) shows in `pulumi refresh` as exactly the changed fields, and `pulumi up` puts it back; a
 * configuration deleted out of band leaves the state on refresh and comes back on up; and the scheduled
 * drift-detection job, `pulumi preview --refresh --expect-no-changes`, fails while drift exists and passes after.
 */
import type { Vendor } from "../../provider/model/inventoryConfig";
import { changedFields } from "../engine/harness/propertyValues";
import { inventoryArgs, SETUPS } from "../engine/scenarios/vendorCases";
import { useCliStack } from "./support/cliStack";
import { EngineEvents } from "./support/engineEvents";
import { describeWithPulumiCli } from "./support/pulumiCli";

const VENDORS: Vendor[] = ["oss", "cos", "obs", "s3"];

describeWithPulumiCli("drift under the pulumi CLI", (cli) => {
  const s = useCliStack(cli);
  const stored = (vendor: Vendor) => s.fake.admin.getInventoryXml(vendor, SETUPS[vendor].source, "daily");

  /** Someone at a console disables the configuration and makes it weekly. */
  const editOutOfBand = (vendor: Vendor) => {
    const xml = stored(vendor)!
      .replace("<IsEnabled>true</IsEnabled>", "<IsEnabled>false</IsEnabled>")
      .replace("<Frequency>Daily</Frequency>", "<Frequency>Weekly</Frequency>");
    s.fake.admin.putInventoryXml(vendor, SETUPS[vendor].source, "daily", xml);
  };

  beforeAll(async () => {
    await s.declare(VENDORS.map((v) => ({ name: `${v}-daily`, args: inventoryArgs(v, s.fake.url) })));
    expect((await s.stack.up()).summary.result).toBe("succeeded");
  });

  test("an out-of-band change: the drift job fails, refresh shows exactly the changed fields, up puts them back", async () => {
    for (const vendor of VENDORS) editOutOfBand(vendor);
    s.fake.admin.clearRequests();

    await expect(s.stack.preview({ refresh: true, expectNoChanges: true })).rejects.toThrow(/no changes were expected for preview but changes were proposed/);
    expect(s.writes()).toEqual([]);

    const events = new EngineEvents();
    const refresh = await s.stack.refresh({ onEvent: events.record });
    expect(refresh.summary.resourceChanges).toMatchObject({ update: 4 });
    for (const result of events.results()) {
      expect(result.op).toBe("update"); // what the engine calls a refresh that found a difference
      const before = result.metadata.old!.outputs;
      const after = result.metadata.new!.outputs;
      expect(changedFields(before, after).map((c) => `${c.path}: ${JSON.stringify(c.before)} -> ${JSON.stringify(c.after)}`)).toEqual([
        "enabled: true -> false",
        'schedule.frequency: "Daily" -> "Weekly"',
      ]);
    }
    expect(refresh.stdout).toContain("[diff: ~enabled,schedule]");

    const up = await s.stack.up();
    expect(up.summary.resourceChanges).toMatchObject({ update: 4 });
    for (const vendor of VENDORS) {
      expect(stored(vendor)).toContain("<Frequency>Daily</Frequency>");
      expect(stored(vendor)).not.toContain("<IsEnabled>false</IsEnabled>");
    }
    await s.stack.preview({ refresh: true, expectNoChanges: true });
  });

  test("a configuration deleted out of band leaves the state on refresh and comes back on up", async () => {
    expect(s.fake.admin.deleteInventory("s3", SETUPS.s3.source, "daily")).toBe(true);
    await expect(s.stack.preview({ refresh: true, expectNoChanges: true })).rejects.toThrow(/no changes were expected/);

    const refresh = await s.stack.refresh();
    expect(refresh.summary.resourceChanges).toMatchObject({ delete: 1, same: 4 });
    const state = (await s.stack.exportStack()).deployment as { resources: { urn: string }[] };
    expect(state.resources.map((r) => r.urn).filter((urn) => urn.endsWith("-daily")).map((urn) => urn.split("::").pop()).sort()).toEqual([
      "cos-daily", "obs-daily", "oss-daily",
    ]);

    const events = new EngineEvents();
    const up = await s.stack.up({ onEvent: events.record });
    expect(up.summary.resourceChanges).toMatchObject({ create: 1 });
    expect(events.steps().filter((st) => st.op !== "same").map((st) => `${st.op} ${st.name}`)).toEqual(["create s3-daily"]);
    expect(stored("s3")).toContain("<Id>daily</Id>");
    const after = await s.stack.refresh({ expectNoChanges: true });
    expect(after.summary.resourceChanges).toEqual({ same: 5 });
  });
});
