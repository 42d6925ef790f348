/**
 * One cell of the fault matrix: a bucket of its own, the starting configuration, the fault aimed at the scenario's
 * step, the operation through the real client or provider, then the fake's end state read out of band once every
 * request the client sent has been answered. Returns what happened and every broken promise as a problem.
 */
import type { ClientOptions, InventoryClient } from "../../../provider/client/inventoryClient";
import type { InventoryConfig, Vendor } from "../../../provider/model/inventoryConfig";
import { newConfig, oldConfig } from "./cellConfigs";
import type { FaultCloud } from "./faultCloud";
import { GENEROUS_TIMEOUT_MS, TIMEOUT_MS, type CellContext, type FaultKind, type Scenario, type StateName } from "./matrixScenarios";
import { describeError, errorProblems } from "./errorProblems";

export interface CellOutcome {
  label: string;
  succeeded: boolean;
  error?: unknown;
  state: StateName;
  /** Requests the fault actually hit (0: the scenario never reached the faulted step). */
  faultHits: number;
  problems: string[];
}

export interface Cell {
  vendor: Vendor;
  scenario: Scenario;
  fault: FaultKind;
  /** 1: a transient fault that retries must ride out; "always": an outage that must end in a clean failure. */
  times: 1 | "always";
}

export const RETRY: ClientOptions["retry"] = { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20, totalTimeoutMs: 8_000 };

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function stateOf(stored: InventoryConfig | undefined, old: InventoryConfig, next: InventoryConfig): StateName {
  if (stored === undefined) return "none";
  if (sameJson(stored, old)) return "old";
  if (sameJson(stored, next)) return "new";
  return "mix";
}

export function cellLabel(cell: Cell): string {
  return `${cell.vendor} ${cell.scenario.name} × ${cell.fault.name} (${cell.times === 1 ? "once" : "every time"})`;
}

export async function runCell(cloud: FaultCloud, setup: InventoryClient, n: number, cell: Cell): Promise<CellOutcome> {
  const { vendor, scenario, fault, times } = cell;
  const ref = cloud.ref(vendor, n);
  const id = `inv-${n}`;
  const old = oldConfig(vendor, id);
  const next = newConfig(vendor, id);
  if (scenario.startsWithOld) await setup.putInventory(ref, old);
  const admin = cloud.fake.admin;
  // The set-up client makes one attempt: the bucket has seen exactly that many requests so far.
  const baseline = scenario.startsWithOld ? 1 : 0;

  let attempts = 0;
  let armed = false;
  const inject = (match: object) => admin.injectFault({ match: { bucket: ref.bucket, ...match }, times, action: fault.action });
  const onExchange: ClientOptions["onExchange"] = (request, response) => {
    attempts++;
    const putLanded = request.method === "PUT" && response !== undefined && response.status >= 200 && response.status < 300;
    if (scenario.target === "after-put" && putLanded && !armed) {
      armed = true;
      inject({ operation: "GetInventory" });
    }
  };
  if (scenario.target !== "after-put") inject(scenario.target);

  const options = { timeoutMs: fault.action.kind === "latency" ? TIMEOUT_MS : GENEROUS_TIMEOUT_MS, retry: RETRY, onExchange };
  const ctx: CellContext = { ref, id, old, next, client: cloud.client(options), provider: await cloud.provider(options) };
  let result: unknown;
  let error: unknown;
  let succeeded = false;
  try {
    result = await scenario.run(ctx);
    succeeded = true;
  } catch (e) {
    error = e;
  }
  const faultHits = admin.faults().filter((f) => f.match?.bucket === ref.bucket).reduce((sum, f) => sum + f.hits, 0);
  // A delayed request lands at most the latency after it was sent; nothing else is left in flight.
  await cloud.drain(ref, baseline + attempts, fault.action.kind === "latency" && faultHits > 0 ? fault.action.ms : 0);
  const state = stateOf(cloud.stored(ref, id), old, next);
  const problems = problemsOf(cell, ctx, { succeeded, result, error, state, faultHits });
  return { label: cellLabel(cell), succeeded, error, state, faultHits, problems };
}

function problemsOf(
  cell: Cell,
  ctx: CellContext,
  o: { succeeded: boolean; result: unknown; error: unknown; state: StateName; faultHits: number },
): string[] {
  const { scenario } = cell;
  const problems: string[] = [];
  if (o.succeeded) {
    try {
      scenario.verify(o.result, ctx);
    } catch (e) {
      problems.push(`wrong result: ${(e as Error).message}`);
    }
    if (!scenario.onSuccess.includes(o.state)) problems.push(`succeeded but the fake holds ${o.state} (expected ${scenario.onSuccess.join(" or ")})`);
    return problems;
  }
  if (cell.times === 1 && o.faultHits > 0) problems.push(`a single ${cell.fault.name} was not ridden out: ${describeError(o.error)}`);
  if (!scenario.onFailure.includes(o.state)) problems.push(`failed and left ${o.state} (allowed: ${scenario.onFailure.join(" or ")}): ${describeError(o.error)}`);
  const resourceId = `${ctx.ref.vendor}:${ctx.ref.region}:${ctx.ref.bucket}:${ctx.id}`;
  const recorded = (o.error as { id?: unknown })?.id === resourceId && typeof (o.error as { properties?: unknown })?.properties === "object";
  if (scenario.recordedIn?.includes(o.state) && !recorded) {
    problems.push(`the configuration exists (${o.state}) but the error does not carry the resource id: ${describeError(o.error)}`);
  }
  problems.push(...errorProblems(o.error, ctx.ref));
  return problems;
}
