/**
 * Scenario 1, the quick start under the real `pulumi` CLI: examples/quickstart (one inventory per vendor) in a
 * project that installed the packed package, against the fake cloud. preview shows the four creates and writes
 * nothing; up creates them; preview and refresh with --expect-no-changes pass (no perpetual diff on any vendor);
 * destroy leaves the buckets without our configurations.
 */
import * as path from "node:path";
import { useCliStack } from "./support/cliStack";
import { EngineEvents, INVENTORY_TYPE } from "./support/engineEvents";
import { describeWithPulumiCli } from "./support/pulumiCli";
import { ROOT } from "../support/consumerProject";

/** What the quick start declares: resource name → where its configuration lives on the fake. */
const QUICKSTART = {
  "photos-daily": { vendor: "oss", bucket: "photos", id: "daily", resourceId: "oss:cn-hangzhou:photos:daily" },
  "photos-weekly-s3": { vendor: "s3", bucket: "photos", id: "weekly", resourceId: "s3:us-east-1:photos:weekly" },
  "photos-cos": { vendor: "cos", bucket: "photos-1250000000", id: "daily", resourceId: "cos:ap-guangzhou:photos-1250000000:daily" },
  "photos-obs": { vendor: "obs", bucket: "photos", id: "images", resourceId: "obs:cn-north-4:photos:images" },
} as const;
const NAMES = Object.keys(QUICKSTART).sort();

describeWithPulumiCli("the quick start with the pulumi CLI", (cli) => {
  const s = useCliStack(cli, {
    programDir: path.join(ROOT, "examples", "quickstart"),
    // In a user's project the program imports the package by name, as the example's own comment says.
    rewrite: (source) => source.replace(/from "\.\.\/\.\.\/sdk"/g, 'from "pulumi-bucket-inventory"'),
  });
  const stored = () =>
    Object.fromEntries(Object.entries(QUICKSTART).map(([name, at]) => [name, s.fake.admin.getInventoryXml(at.vendor, at.bucket, at.id) !== undefined]));

  test("preview shows four creates and writes nothing", async () => {
    const events = new EngineEvents();
    s.fake.admin.clearRequests();
    const preview = await s.stack.preview({ onEvent: events.record, diff: true });
    expect(preview.changeSummary).toMatchObject({ create: 5 }); // the stack itself and four inventories
    expect(events.steps().map((st) => `${st.op} ${st.name}`).sort()).toEqual(NAMES.map((n) => `create ${n}`));
    expect(events.steps().every((st) => st.type === INVENTORY_TYPE)).toBe(true);
    expect(preview.stdout).toContain(INVENTORY_TYPE);
    expect(s.writes()).toEqual([]);
  });

  test("up creates every configuration; preview and refresh then find nothing to change", async () => {
    const up = await s.stack.up();
    expect(up.summary.result).toBe("succeeded");
    expect(up.summary.resourceChanges).toMatchObject({ create: 5 });
    expect(stored()).toEqual(Object.fromEntries(NAMES.map((n) => [n, true])));
    expect(up.outputs.resourceIds.value).toEqual(Object.values(QUICKSTART).map((q) => q.resourceId));

    s.fake.admin.clearRequests();
    const preview = await s.stack.preview({ expectNoChanges: true });
    expect(preview.changeSummary).toEqual({ same: 5 });
    const refresh = await s.stack.refresh({ expectNoChanges: true });
    expect(refresh.summary.result).toBe("succeeded");
    expect(refresh.summary.resourceChanges).toEqual({ same: 5 });
    expect(s.writes()).toEqual([]);
  });

  test("destroy leaves the buckets without our configurations", async () => {
    const destroy = await s.stack.destroy();
    expect(destroy.summary.result).toBe("succeeded");
    expect(destroy.summary.resourceChanges).toMatchObject({ delete: 5 });
    expect(stored()).toEqual(Object.fromEntries(NAMES.map((n) => [n, false])));
    expect(s.writes().map((w) => `${w.vendor} ${w.method} ${w.operation}`).sort()).toEqual([
      "cos DELETE DeleteInventory", "obs DELETE DeleteInventory", "oss DELETE DeleteInventory", "s3 DELETE DeleteInventory",
    ].sort());
  });
});
