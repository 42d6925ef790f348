/**
 * Scenario 4 (and issue 11 item 3), replacement under the real CLI. A new inventoryId, bucket or endpoint replaces
 * the resource as the diff says, in the order the engine really runs it, judged by the fake cloud's request log:
 * the new configuration is created before the old one is deleted, except where both cannot exist at once (OBS
 * prefixes that contain one another; a new endpoint that may reach the same configuration), where the old one goes
 * first. Either way nothing is lost and nothing is left behind. A rename onto an id the bucket already has is
 * refused at preview, before anything is deleted.
 */
import type { LoggedRequest } from "../fake";
import type { Vendor } from "../../provider/model/inventoryConfig";
import { inventoryArgs, SETUPS, vendorInventoryXml } from "../engine/scenarios/vendorCases";
import { useCliStack, type Declared } from "./support/cliStack";
import { EngineEvents } from "./support/engineEvents";
import { describeWithPulumiCli } from "./support/pulumiCli";

/** "PUT daily" / "DELETE daily" for the inventory writes on one vendor's bucket, in the order the fake saw them. */
function writesOn(writes: LoggedRequest[], vendor: Vendor, bucket: string): string[] {
  return writes
    .filter((w) => w.vendor === vendor && w.bucket === bucket)
    .map((w) => `${w.method} ${/(?:^|&)(?:id|inventoryId)=([^&]*)/.exec(w.query)?.[1] ?? "?"}`);
}

describeWithPulumiCli("replacement under the pulumi CLI", (cli) => {
  const s = useCliStack(cli);
  const ids = (vendor: Vendor, bucket = SETUPS[vendor].source) =>
    s.fake.admin.dump().buckets.find((b) => b.vendor === vendor && b.name === bucket)?.inventories ?? [];

  const resources = (url: string, change: Partial<Record<string, Record<string, unknown>>> = {}): Declared[] => [
    { name: "oss-daily", args: inventoryArgs("oss", url, change.oss) },
    { name: "cos-daily", args: inventoryArgs("cos", url, change.cos) },
    { name: "s3-daily", args: inventoryArgs("s3", url, change.s3) },
    { name: "obs-logs", args: inventoryArgs("obs", url, { filter: { prefix: "logs/" }, ...change.obs }) },
  ];

  beforeAll(async () => {
    await s.declare(resources(s.fake.url));
    expect((await s.stack.up()).summary.result).toBe("succeeded");
  });

  test("a new inventoryId: created first and the old one deleted after, except OBS keeping an overlapping prefix", async () => {
    const renamed = { inventoryId: "daily-v2" };
    await s.declare(resources(s.fake.url, { oss: renamed, cos: renamed, s3: renamed, obs: renamed }));
    s.fake.admin.clearRequests();
    const events = new EngineEvents();
    const up = await s.stack.up({ onEvent: events.record });
    expect(up.summary.resourceChanges).toMatchObject({ replace: 4 });

    for (const vendor of ["oss", "cos", "s3"] as Vendor[]) {
      const writes = writesOn(s.writes(), vendor, SETUPS[vendor].source);
      // OSS updates are put-probe-delete-put; a create is one put. Here: create the new id, then delete the old.
      expect(writes).toEqual(["PUT daily-v2", "DELETE daily"]);
      expect(ids(vendor)).toEqual(["daily-v2"]);
    }
    expect(writesOn(s.writes(), "obs", "photos")).toEqual(["DELETE daily", "PUT daily-v2"]);
    expect(ids("obs")).toEqual(["daily-v2"]);

    const ossSteps = events.steps().filter((st) => st.name === "oss-daily").map((st) => st.op);
    expect(ossSteps).toEqual(["create-replacement", "replace", "delete-replaced"]);
    const obsSteps = events.steps().filter((st) => st.name === "obs-logs").map((st) => st.op);
    expect(obsSteps).toEqual(["delete-replaced", "replace", "create-replacement"]);
    // Why OBS deleted first, in the CLI's output as a warning (docs/pulumi-cli.md, "Warnings from the provider").
    const why = 'obs:cn-north-4:photos:daily is replaced by obs:cn-north-4:photos:daily-v2 by deleting the old configuration before creating the new one, ' +
      'because OBS does not allow their prefixes ("logs/" and "logs/") on one bucket at once';
    expect(events.diagnostics("warning").map((d) => d.message).join("")).toContain(why);
    expect(up.stdout).toContain(`warning: ${why}`);
    await s.stack.preview({ expectNoChanges: true });
  });

  test("a new bucket: created on the new bucket first, then deleted from the old one", async () => {
    await s.declare(resources(s.fake.url, { oss: { inventoryId: "daily-v2" }, cos: { inventoryId: "daily-v2" }, s3: { inventoryId: "daily-v2", bucket: SETUPS.s3.destination }, obs: { inventoryId: "daily-v2" } }));
    s.fake.admin.clearRequests();
    const up = await s.stack.up();
    expect(up.summary.resourceChanges).toMatchObject({ replace: 1 });
    expect(s.writes().map((w) => `${w.method} ${w.bucket}`)).toEqual([`PUT ${SETUPS.s3.destination}`, `DELETE ${SETUPS.s3.source}`]);
    expect(ids("s3", SETUPS.s3.destination)).toEqual(["daily-v2"]);
    expect(ids("s3")).toEqual([]);
  });

  test("a new endpoint that reaches the same configuration: the old one is deleted first, and it exists once after", async () => {
    const sameCloud = s.fake.url.replace("127.0.0.1", "localhost");
    const moved = resources(s.fake.url, { oss: { inventoryId: "daily-v2" }, cos: { inventoryId: "daily-v2" }, s3: { inventoryId: "daily-v2", bucket: SETUPS.s3.destination }, obs: { inventoryId: "daily-v2" } });
    moved[0].args.endpoint = sameCloud;
    await s.declare(moved);
    s.fake.admin.clearRequests();
    const up = await s.stack.up();
    expect(up.summary.resourceChanges).toMatchObject({ replace: 1 });
    expect(writesOn(s.writes(), "oss", "photos")).toEqual(["DELETE daily-v2", "PUT daily-v2"]);
    expect(ids("oss")).toEqual(["daily-v2"]);
  });

  test("a rename onto an id the bucket already has is refused at preview; the stack's configuration stays", async () => {
    s.fake.admin.putInventoryXml("cos", SETUPS.cos.source, "theirs", vendorInventoryXml("cos", "theirs"));
    const current = resources(s.fake.url, { oss: { inventoryId: "daily-v2", endpoint: s.fake.url.replace("127.0.0.1", "localhost") }, cos: { inventoryId: "theirs" }, s3: { inventoryId: "daily-v2", bucket: SETUPS.s3.destination }, obs: { inventoryId: "daily-v2" } });
    await s.declare(current);
    s.fake.admin.clearRequests();
    const failed = await s.stack.up().then(() => undefined, (e: Error) => e);
    expect(failed?.message).toContain(
      `resource 'cos-daily': property inventoryId value {theirs} has a problem: "theirs" already exists on COS bucket "${SETUPS.cos.source}" and this stack's state does not have it`,
    );
    expect(s.writes()).toEqual([]);
    expect(ids("cos").sort()).toEqual(["daily-v2", "theirs"]);
  });
});
