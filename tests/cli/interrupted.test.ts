/**
 * Scenario 6, an interrupted `pulumi up`: the CLI is killed (SIGKILL, with the language and provider hosts it
 * started, as when a CI runner's job dies) in the middle of
 * creating many inventories, while some creates are in flight and land anyway. Then the repair, as the CLI tells
 * it (docs/pulumi-cli.md, "An interrupted pulumi up"): `pulumi cancel` (the killed run's lock), `pulumi refresh
 * --clear-pending-creates` (the creates whose outcome the state does not know), then `pulumi up`. Preview names each configuration the
 * interrupted run created and the state lacks, so nothing is overwritten unasked; with `adopt: true` the next up
 * takes them in as they are and creates the rest. Nothing is lost, nothing orphaned, nothing made twice.
 */
import { inventoryArgs } from "../engine/scenarios/vendorCases";
import { useCliStack, type Declared } from "./support/cliStack";
import { describeWithPulumiCli } from "./support/pulumiCli";

const COUNT = 24;

async function waitFor(condition: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}
const ids = Array.from({ length: COUNT }, (_, i) => `inv-${String(i).padStart(2, "0")}`);

describeWithPulumiCli("an interrupted pulumi up under the CLI", (cli) => {
  const s = useCliStack(cli);
  const declared = (adopt: boolean): Declared[] =>
    ids.map((id) => ({ name: id, args: inventoryArgs("oss", s.fake.url, { inventoryId: id, ...(adopt ? { adopt: true } : {}) }) }));
  const onFake = () => s.fake.admin.dump().buckets.find((b) => b.vendor === "oss" && b.name === "photos")?.inventories ?? [];
  const inState = async () => {
    const { deployment } = await s.stack.exportStack();
    const resources = (deployment.resources ?? []) as { type: string; outputs?: { inventoryId?: string } }[];
    return {
      ids: resources.filter((r) => r.type.endsWith(":BucketInventory")).map((r) => r.outputs?.inventoryId ?? "?").sort(),
      pending: ((deployment.pending_operations ?? []) as unknown[]).length,
    };
  };

  test("killed mid-up, then cancel, refresh --clear-pending-creates and up with adopt: every configuration once, all in state", async () => {
    await s.declare(declared(false));
    // Slow puts, so the kill lands while creates are in flight (they still land: the request was received).
    s.fake.admin.injectFault({ match: { operation: "PutInventory" }, times: "always", action: { kind: "latency", ms: 2_500 } });
    const answered = () => s.fake.admin.requests().filter((r) => r.operation === "PutInventory").length;
    const received = () => s.fake.admin.faults()[0]?.hits ?? 0; // counted on arrival, before the delay
    const up = s.run(["up", "--yes", "--skip-preview"]);
    // Killed once some creates are done and others are in flight (those land after the kill), at a quiet moment:
    // nothing answered for 500 ms (the puts are held 2.5 s), so the CLI is waiting, not writing its checkpoint.
    // A kill in the middle of that write is the file backend's own failure ("failed to load checkpoint: EOF",
    // docs/pulumi-cli.md), not this scenario.
    const lastAnswer = () => Date.parse(s.fake.admin.requests().at(-1)?.time ?? "") || 0;
    const ready = () => answered() >= 4 && received() > answered() && Date.now() - lastAnswer() >= 500;
    await waitFor(ready, 240_000);
    expect(ready()).toBe(true);
    await up.kill(); // the CLI and the plugin hosts it started, as when the runner's job dies
    expect((await up).signal).toBe("SIGKILL");
    await waitFor(() => answered() >= received(), 10_000); // the in-flight puts land
    s.fake.admin.clearFaults();

    const interrupted = await inState();
    expect(interrupted.pending).toBeGreaterThan(0);
    const landed = onFake();
    const unrecorded = landed.filter((id) => !interrupted.ids.includes(id));
    expect(unrecorded.length).toBeGreaterThan(0); // created on the fake, unknown to the state

    expect((await s.run(["cancel", "--yes"])).code).toBe(0);
    const refresh = await s.run(["refresh", "--yes", "--clear-pending-creates"]);
    expect(refresh.code).toBe(0);
    expect((await inState()).pending).toBe(0);

    s.fake.admin.clearRequests();
    const refused = await s.run(["up", "--yes"]);
    expect(refused.code).not.toBe(0);
    expect(refused.stdout).toMatch(/"inv-\d\d" already exists on OSS bucket "photos" and this stack's state does not have it/);
    expect(refused.stdout).toContain("set adopt: true");
    expect(s.writes()).toEqual([]);

    await s.declare(declared(true));
    const converged = await s.run(["up", "--yes"]);
    expect(converged.code).toBe(0);
    expect(onFake().sort()).toEqual(ids);
    expect((await inState())).toEqual({ ids, pending: 0 });
    // Taken in as they were: exactly what the program declares, so nothing left to change.
    expect((await s.run(["preview", "--expect-no-changes"])).code).toBe(0);
    expect((await s.run(["refresh", "--yes", "--expect-no-changes"])).code).toBe(0);

    expect((await s.run(["destroy", "--yes"])).code).toBe(0);
    expect(onFake()).toEqual([]);
  });
});
