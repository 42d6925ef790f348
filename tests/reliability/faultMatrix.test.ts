/**
 * The fault matrix: vendor × operation (client put/get/list/delete/bucket look-up; resource create, update and
 * delete, each with the fault aimed at one of its steps) × fault (503 SlowDown, 503 ServiceUnavailable, 429 with
 * Retry-After, reset before the answer, reset mid-body, timeout, 200 carrying an error document, truncated XML),
 * each once (must be ridden out) and on every request (must fail typed and clear). Whatever happens, the fake's
 * configuration afterwards is the old one or the new one, never none where that would lose it, never a mix; a create
 * that leaves a configuration behind carries its id. Every cell runs through the real client, real signing and
 * the fake cloud on loopback; cells own their buckets, so they run side by side.
 */
import type { ClosableInventoryClient } from "../../provider/client/createInventoryClient";
import { VENDORS } from "../../provider/model/inventoryConfig";
import { argsFor, newConfig, oldConfig } from "./support/cellConfigs";
import { startFaultCloud, type FaultCloud } from "./support/faultCloud";
import { Figures } from "./support/figures";
import { FAULTS, SCENARIOS } from "./support/matrixScenarios";
import { cellLabel, runCell, type Cell, type CellOutcome } from "./support/runCell";
import { typedErrorOf } from "./support/errorProblems";

const CELLS: Cell[] = VENDORS.flatMap((vendor) =>
  SCENARIOS.flatMap((scenario) => FAULTS.flatMap((fault) => ([1, "always"] as const).map((times) => ({ vendor, scenario, fault, times })))),
);
const PARALLEL = 24;

const figures = new Figures("fault-matrix");
const outcomes = new Map<string, CellOutcome>();
let cloud: FaultCloud;

/** One fault-free pass per vendor first, so code loading and connection set-up are not mistaken for faults. */
async function warmUp(): Promise<void> {
  await Promise.all(
    VENDORS.map(async (vendor, i) => {
      const ref = cloud.ref(vendor, CELLS.length + i);
      const client = cloud.client();
      const provider = await cloud.provider();
      const args = argsFor(ref, oldConfig(vendor, "warm"));
      const created = await provider.create(args);
      await provider.update(created.id, created.outs, argsFor(ref, newConfig(vendor, "warm")));
      await client.listInventories(ref);
      await client.describeBucket(ref);
      await provider.delete(created.id, created.outs);
    }),
  );
}

async function runAll(): Promise<void> {
  const setup: ClosableInventoryClient = cloud.client({ retry: { maxAttempts: 1 } });
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < CELLS.length; i = next++) {
      const outcome = await runCell(cloud, setup, i, CELLS[i]).catch((error: unknown) => ({
        label: cellLabel(CELLS[i]), succeeded: false, error, state: "mix" as const, faultHits: 0,
        problems: [`the cell itself broke: ${String((error as Error)?.stack ?? error)}`],
      }));
      outcomes.set(outcome.label, outcome);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
}

function count(outcome: CellOutcome): void {
  figures.add("configsLost", 0);
  figures.add("faultsInjected", outcome.faultHits);
  if (outcome.faultHits === 0) return;
  figures.add("operationsUnderFault");
  figures.add("stateChecks");
  if (outcome.succeeded) figures.add("operationsSurvived");
  else if (typedErrorOf(outcome.error)) figures.add("operationsFailedTyped");
  if (outcome.state === "mix" || outcome.problems.some((p) => /left none/.test(p))) figures.add("configsLost");
}

beforeAll(async () => {
  cloud = await startFaultCloud(CELLS.length + VENDORS.length);
  await warmUp();
  await runAll();
  for (const outcome of outcomes.values()) count(outcome);
}, 120_000);

afterAll(async () => {
  figures.write();
  await cloud?.close();
});

describe.each(VENDORS.map((v) => [v]))("%s", (vendor) => {
  const labels = CELLS.filter((c) => c.vendor === vendor).map((c) => [cellLabel(c)]);
  test.each(labels)("%s", (label) => {
    const outcome = outcomes.get(label);
    expect(outcome).toBeDefined();
    expect(outcome!.problems).toEqual([]);
  });
});

test("the matrix reached its faults: most cells were hit, and no configuration was lost", () => {
  const hit = [...outcomes.values()].filter((o) => o.faultHits > 0).length;
  expect(hit).toBeGreaterThan(CELLS.length * 0.75);
  expect(figures.get("configsLost")).toBe(0);
});
