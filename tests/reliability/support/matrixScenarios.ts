/**
 * The rows and columns of the fault matrix: the faults the fake cloud injects, and the operations they hit (the
 * client's put/get/list/delete/bucket look-up, and the resource's create/update/delete, each aimed at one of its
 * steps). A scenario says how its cell starts, how to run it, what success must return, and which end states of
 * the configuration are acceptable whatever happens.
 */
import type { InventoryClient } from "../../../provider/client/inventoryClient";
import type { BucketRef, InventoryConfig } from "../../../provider/model/inventoryConfig";
import { normalizeConfig } from "../../../provider/model/normalize";
import type { BucketInventoryProvider } from "../../../provider/resource/bucketInventoryProvider";
import type { FaultAction, FaultMatch } from "../../fake/index";
import { argsFor } from "./cellConfigs";
import { REGION } from "./faultCloud";

/**
 * The timeout cells' clients use against the latency fault, and the latency that beats it. Cells of every other
 * fault use a generous timeout, so a busy machine cannot turn them into timeout cells.
 */
export const TIMEOUT_MS = 500;
export const LATENCY_MS = 1_100;
export const GENEROUS_TIMEOUT_MS = 5_000;

export interface FaultKind {
  name: string;
  action: FaultAction;
}

export const FAULTS: FaultKind[] = [
  { name: "503 SlowDown", action: { kind: "status", status: 503, code: "SlowDown" } },
  { name: "503 ServiceUnavailable", action: { kind: "status", status: 503, code: "ServiceUnavailable" } },
  { name: "429 with Retry-After", action: { kind: "status", status: 429, retryAfter: 1 } },
  { name: "reset before the answer", action: { kind: "reset", when: "before" } },
  { name: "reset mid-body", action: { kind: "reset", when: "mid-body" } },
  { name: "timeout", action: { kind: "latency", ms: LATENCY_MS } },
  { name: "200 with an error body", action: { kind: "error-body-200" } },
  { name: "truncated XML", action: { kind: "truncate" } },
];

/** "old", "new", none, or anything else ("mix"): what the fake holds for the cell's id. */
export type StateName = "old" | "new" | "none" | "mix";

export interface CellContext {
  ref: BucketRef;
  id: string;
  old: InventoryConfig;
  next: InventoryConfig;
  client: InventoryClient;
  provider: BucketInventoryProvider;
}

export interface Scenario {
  /** "put", "create (read-back)", … */
  name: string;
  /** Which requests the fault hits (the cell's bucket is always added); "after-put": GETs once a PUT has landed. */
  target: FaultMatch | "after-put";
  /** Whether the cell starts with the old configuration stored. */
  startsWithOld: boolean;
  run(ctx: CellContext): Promise<unknown>;
  /** Checks a successful result; throws when it is wrong. */
  verify(result: unknown, ctx: CellContext): void;
  /** End states allowed after success and after failure. */
  onSuccess: StateName[];
  onFailure: StateName[];
  /** A failure in one of these end states must carry the resource id (Pulumi keeps it in state). */
  recordedIn?: StateName[];
}

const same = (ctx: CellContext, a: InventoryConfig, b: InventoryConfig) =>
  JSON.stringify(normalizeConfig(ctx.ref.vendor, a)) === JSON.stringify(normalizeConfig(ctx.ref.vendor, b));

function expectThat(ok: boolean, what: string): void {
  if (!ok) throw new Error(what);
}

const resourceId = (ctx: CellContext) => `${ctx.ref.vendor}:${ctx.ref.region}:${ctx.ref.bucket}:${ctx.id}`;
const outputsOf = (ctx: CellContext, config: InventoryConfig) => ({ ...argsFor(ctx.ref, config), resourceId: resourceId(ctx) });

const clientScenarios: Scenario[] = [
  {
    name: "put",
    target: { operation: "PutInventory" },
    startsWithOld: false,
    run: (ctx) => ctx.client.putInventory(ctx.ref, ctx.next),
    verify: () => undefined,
    onSuccess: ["new"],
    onFailure: ["none", "new"],
  },
  {
    name: "get",
    target: { operation: "GetInventory" },
    startsWithOld: true,
    run: (ctx) => ctx.client.getInventory(ctx.ref, ctx.id),
    verify: (result, ctx) => expectThat(result !== undefined && same(ctx, result as InventoryConfig, ctx.old), "get returned another configuration"),
    onSuccess: ["old"],
    onFailure: ["old"],
  },
  {
    name: "list",
    target: { operation: "ListInventory" },
    startsWithOld: true,
    run: (ctx) => ctx.client.listInventories(ctx.ref),
    verify: (result, ctx) => {
      const list = result as InventoryConfig[];
      expectThat(list.length === 1 && same(ctx, list[0], ctx.old), `list returned ${list.length} configurations, not the one stored`);
    },
    onSuccess: ["old"],
    onFailure: ["old"],
  },
  {
    name: "delete",
    target: { operation: "DeleteInventory" },
    startsWithOld: true,
    run: (ctx) => ctx.client.deleteInventory(ctx.ref, ctx.id),
    verify: () => undefined,
    onSuccess: ["none"],
    onFailure: ["old", "none"],
  },
  {
    name: "bucket look-up",
    target: {},
    startsWithOld: false,
    run: (ctx) => ctx.client.describeBucket(ctx.ref),
    verify: (result, ctx) => {
      const region = (result as { region?: string } | undefined)?.region;
      expectThat(region === REGION[ctx.ref.vendor], `look-up said region ${region}`);
    },
    onSuccess: ["none"],
    onFailure: ["none"],
  },
];

function createScenario(step: string, target: Scenario["target"]): Scenario {
  return {
    name: `create (${step})`,
    target,
    startsWithOld: false,
    run: (ctx) => ctx.provider.create(argsFor(ctx.ref, ctx.next)),
    verify: (result, ctx) => {
      const { id, outs } = result as { id: string; outs: Record<string, unknown> };
      expectThat(id === resourceId(ctx), `create returned id ${id}`);
      expectThat(outs.enabled === ctx.next.enabled && (outs.destination as { prefix?: string }).prefix === ctx.next.destination.prefix, "create returned other outputs");
    },
    onSuccess: ["new"],
    onFailure: ["none", "new"],
    recordedIn: ["new"],
  };
}

function updateScenario(step: string, target: Scenario["target"]): Scenario {
  return {
    name: `update (${step})`,
    target,
    startsWithOld: true,
    run: (ctx) => ctx.provider.update(resourceId(ctx), outputsOf(ctx, ctx.old), argsFor(ctx.ref, ctx.next)),
    verify: (result, ctx) => {
      const outs = (result as { outs: Record<string, unknown> }).outs;
      expectThat(outs.enabled === ctx.next.enabled && outs.includedObjectVersions === ctx.next.includedObjectVersions, "update returned other outputs");
    },
    onSuccess: ["new"],
    onFailure: ["old", "new"],
  };
}

const lifecycleScenarios: Scenario[] = [
  createScenario("probe", { operation: "GetInventory" }),
  createScenario("put", { operation: "PutInventory" }),
  createScenario("read-back", "after-put"),
  updateScenario("first read", { operation: "GetInventory" }),
  updateScenario("delete", { operation: "DeleteInventory" }),
  updateScenario("put", { operation: "PutInventory" }),
  updateScenario("read-back", "after-put"),
  {
    name: "delete (resource)",
    target: { operation: "DeleteInventory" },
    startsWithOld: true,
    run: (ctx) => ctx.provider.delete(resourceId(ctx), outputsOf(ctx, ctx.old)),
    verify: () => undefined,
    onSuccess: ["none"],
    onFailure: ["old", "none"],
  },
];

export const SCENARIOS: Scenario[] = [...clientScenarios, ...lifecycleScenarios];
