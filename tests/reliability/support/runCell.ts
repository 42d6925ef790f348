/**
 * One cell of the fault matrix: a bucket of its own, the starting configuration, the fault aimed at the scenario's
 * step, the operation through the real client or provider, then the fake's end state read out of band once every
 * request the client sent has been answered, and judged against literal documents (literalXml.ts), not through
 * the provider's own reader. Returns what happened and every broken promise as a problem; `lost` says whether a
 * configuration that should exist does not.
 */
import type { ClientOptions, InventoryClient } from "../../../provider/client/inventoryClient";
import type { Vendor } from "../../../provider/model/inventoryConfig";
import { newConfig, oldConfig } from "./cellConfigs";
import { literalState } from "./literalXml";
import type { FaultCloud } from "./faultCloud";
import { GENEROUS_TIMEOUT_MS, TIMEOUT_MS, type CellContext, type FaultKind, type Scenario, type StateName } from "./matrixScenarios";
import { describeError, errorProblems } from "./errorProblems";

export interface CellOutcome {
  label: string;
  succeeded: boolean;
  error?: unknown;
  state: StateName;
  /** The fake holds none (or a mix) where the scenario allows neither: a configuration was lost. */
  lost: boolean;
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

function stateOf(vendor: Vendor, id: string, stored: string | undefined): StateName {
  return stored === undefined ? "none" : literalState(vendor, id, stored);
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
    const answered = request.method === "PUT" && response !== undefined;
    const landed = answered && response.status >= 200 && response.status < 300;
    if (armed) return;
    if (scenario.target === "after-put" && landed) {
      armed = true;
      inject({ operation: "GetInventory" });
    } else if (scenario.target === "after-first-put" && answered) {
      armed = true;
      inject({ operation: "PutInventory" });
    }
  };
  if (typeof scenario.target === "object") inject(scenario.target);

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
  const state = stateOf(vendor, id, cloud.storedXml(ref, id));
  const allowed = succeeded ? scenario.onSuccess : [...scenario.onFailure, ...(scenario.saidOnFailure ?? [])];
  const lost = !allowed.includes(state) && (state === "none" || state === "mix");
  const problems = problemsOf(cell, ctx, { succeeded, result, error, state, faultHits });
  return { label: cellLabel(cell), succeeded, error, state, lost, faultHits, problems };
}

function problemsOf(
  cell: Cell,
  ctx: CellContext,
  o: { succeeded: boolean; result: unknown; error: unknown; state: StateName; faultHits: number },
): string[] {
  const { scenario } = cell;
  const problems: string[] = [];
  const tolerated = scenario.finalMaySucceed?.(cell.vendor, cell.fault) ?? false;
  if (o.succeeded && cell.fault.final && o.faultHits > 0 && !tolerated) {
    problems.push(`succeeded although a ${cell.fault.name} answered, which no retry can fix and which does not mean "gone"`);
  }
  if (o.succeeded && tolerated) return problems;
  if (o.succeeded) {
    try {
      scenario.verify(o.result, ctx);
    } catch (e) {
      problems.push(`wrong result: ${(e as Error).message}`);
    }
    if (!scenario.onSuccess.includes(o.state)) problems.push(`succeeded but the fake holds ${o.state} (expected ${scenario.onSuccess.join(" or ")})`);
    return problems;
  }
  if (cell.times === 1 && o.faultHits > 0 && !cell.fault.final) problems.push(`a single ${cell.fault.name} was not ridden out: ${describeError(o.error)}`);
  if (cell.fault.final && scenario.single && o.faultHits > 1) problems.push(`a ${cell.fault.name} was retried (${o.faultHits} requests hit): no retry can fix it`);
  const said = /has no inventory configuration .* now|the outcome is unknown/.test(o.error instanceof Error ? o.error.message : "");
  const allowed = [...scenario.onFailure, ...(said ? scenario.saidOnFailure ?? [] : [])];
  if (!allowed.includes(o.state)) problems.push(`failed and left ${o.state} (allowed: ${allowed.join(" or ")}): ${describeError(o.error)}`);
  const resourceId = `${ctx.ref.vendor}:${ctx.ref.region}:${ctx.ref.bucket}:${ctx.id}`;
  const recorded = (o.error as { id?: unknown })?.id === resourceId && typeof (o.error as { properties?: unknown })?.properties === "object";
  if (scenario.recordedIn?.includes(o.state) && !recorded) {
    problems.push(`the configuration exists (${o.state}) but the error does not carry the resource id: ${describeError(o.error)}`);
  }
  problems.push(...errorProblems(o.error, ctx.ref));
  problems.push(...untruths(o.error, o.state));
  return problems;
}

/**
 * What a failure says about the bucket must be true of the end state: "has no inventory configuration … now" only
 * when it holds none, "left as it was" / "put back and is unchanged" only when it holds the old one. An outcome
 * that cannot be known must be said to be unknown.
 */
function untruths(error: unknown, state: StateName): string[] {
  const message = error instanceof Error ? error.message : "";
  const claims: [RegExp, StateName][] = [
    [/has no inventory configuration .* now/, "none"],
    [/left as it was|put back and is unchanged/, "old"],
  ];
  return claims.filter(([said, means]) => said.test(message) && state !== means).map(([said]) => `the error claims ${said} but the fake holds ${state}: ${message}`);
}
