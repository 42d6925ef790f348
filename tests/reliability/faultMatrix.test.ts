/**
 * The fault matrix: vendor × operation (client put/get/list/delete/bucket look-up; resource create aimed at its
 * probe, put or read-back; update aimed at OSS's first read, probe, delete and put after the probe, or at the other
 * vendors' single put, and at the read-back; resource delete) × fault (503 SlowDown, 503 ServiceUnavailable, 429
 * with Retry-After, reset before the answer, reset mid-body, timeout, 200 carrying an error document, truncated
 * XML; and two no retry can fix: a 404 that is not the vendor's not-found, a 403), each once (must be ridden out;
 * the last two must fail, unretried, and never count as "gone") and on every request (must fail typed and clear). A scenario runs only for
 * the vendors whose operation has its step, and every cell must receive its fault. Whatever happens, the fake
 * holds the old or the new configuration (judged against literal documents, not through the provider's reader),
 * never none where that would lose it unless the error says so, never a mix, and no bucket holds a stray copy;
 * what an error says about the bucket must be true of it; a create that leaves a configuration behind carries its
 * id. Every cell runs through the real client, real signing and the fake cloud on loopback; cells own their
 * buckets, so they run side by side.
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
  SCENARIOS.filter((scenario) => scenario.vendors?.(vendor) ?? true).flatMap((scenario) =>
    FAULTS.flatMap((fault) => ([1, "always"] as const).map((times) => ({ vendor, scenario, fault, times }))),
  ),
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
        label: cellLabel(CELLS[i]), succeeded: false, error, state: "mix" as const, lost: false, faultHits: 0,
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
  figures.add("stateChecks");
  if (outcome.lost) figures.add("configsLost");
  if (!outcome.succeeded && outcome.state === "none" && outcome.label.includes("put after the probe")) figures.add("configsLeftNoneAndSaidSo");
  if (outcome.faultHits === 0) return;
  figures.add("operationsUnderFault");
  if (outcome.succeeded) figures.add("operationsSurvived");
  else if (typedErrorOf(outcome.error)) figures.add("operationsFailedTyped");
}

/** Cells own their buckets: after the matrix, a bucket holds the cell's configuration or nothing, never another. */
function strayCopies(): Map<string, string[]> {
  const held = cloud.storedIdsByBucket();
  const strays = new Map<string, string[]>();
  CELLS.forEach((cell, i) => {
    const ref = cloud.ref(cell.vendor, i);
    const others = (held.get(`${ref.vendor}:${ref.bucket}`) ?? []).filter((id) => id !== `inv-${i}`);
    if (others.length > 0) strays.set(cellLabel(cell), others);
  });
  return strays;
}

let strays = new Map<string, string[]>();

beforeAll(async () => {
  cloud = await startFaultCloud(CELLS.length + VENDORS.length);
  await warmUp();
  await runAll();
  for (const outcome of outcomes.values()) count(outcome);
  strays = strayCopies();
}, 300_000);

afterAll(async () => {
  figures.write();
  await cloud?.close();
});

describe.each(VENDORS.map((v) => [v]))("%s", (vendor) => {
  const labels = CELLS.filter((c) => c.vendor === vendor).map((c) => [cellLabel(c)]);
  test.each(labels)("%s", (label) => {
    const outcome = outcomes.get(label)!;
    expect(outcome.problems).toEqual([]);
    expect(outcome.faultHits).toBeGreaterThan(0);
    expect(strays.get(label)).toBeUndefined();
  });
});

test("every cell received its fault, no configuration was lost, and no bucket holds a stray copy", () => {
  const missed = [...outcomes.values()].filter((o) => o.faultHits === 0).map((o) => o.label);
  expect(missed).toEqual([]);
  expect(outcomes.size).toBe(CELLS.length);
  expect([...outcomes.values()].filter((o) => o.lost).map((o) => o.label)).toEqual([]);
  expect(figures.get("configsLost")).toBe(0);
  expect([...strays.keys()]).toEqual([]);
});
