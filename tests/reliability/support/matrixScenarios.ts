/**
 * The rows and columns of the fault matrix: the faults the fake cloud injects, and the operations they hit (the
 * client's put/get/list/delete/bucket look-up, and the resource's create/update/delete, each aimed at one of its
 * steps). A scenario says how its cell starts, how to run it, what success must return, and which end states of
 * the configuration are acceptable whatever happens.
 */
import type { InventoryClient } from "../../../provider/client/inventoryClient";
import type { BucketRef, InventoryConfig, Vendor } from "../../../provider/model/inventoryConfig";
import { rulesFor } from "../../../provider/model/vendorRules";
import type { BucketInventoryProvider } from "../../../provider/resource/bucketInventoryProvider";
import type { FaultAction, FaultMatch } from "../../fake/index";
import { argsFor } from "./cellConfigs";
import { REGION } from "./faultCloud";

/**
 * The timeout cells' clients use against the latency fault, and the latency that beats it. The timeout is long
 * enough that an unfaulted request answers within it on a machine loaded many times over (500 ms was not: the
 * read-back after a ridden-out timeout timed out too); the latency beats it by far. Cells of every other fault
 * use a generous timeout, so a busy machine cannot turn them into timeout cells.
 */
export const TIMEOUT_MS = 2_000;
export const LATENCY_MS = 4_500;
export const GENEROUS_TIMEOUT_MS = 8_000;

export interface FaultKind {
  name: string;
  action: FaultAction;
  /** A refusal no retry can fix: even once, the operation must fail (never take it as "gone" or as success). */
  final?: boolean;
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
  // A 404 that is not the vendor's "no such configuration or bucket" (a wrong endpoint, a gateway): not "gone".
  { name: "404 NoSuchKey", action: { kind: "status", status: 404, code: "NoSuchKey" }, final: true },
  { name: "403 AccessDenied", action: { kind: "status", status: 403, code: "AccessDenied" }, final: true },
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
  /**
   * Which requests the fault hits (the cell's bucket is always added); "after-put": GETs once a PUT has landed;
   * "after-first-put": PUTs once a first PUT was answered (OSS's update: the puts after its probe).
   */
  target: FaultMatch | "after-put" | "after-first-put";
  /** The vendors whose operation has the faulted step at all (default: all). */
  vendors?: (vendor: Vendor) => boolean;
  /** One client request and its retries only (no composite steps): where "was it retried" can be counted. */
  single?: boolean;
  /** Fault kinds that may end in success here, the result unchecked (a HEAD 404 carries no code: it is "no bucket"). */
  finalMaySucceed?: (vendor: Vendor, fault: FaultKind) => boolean;
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
  /**
   * End states allowed after failure only when the error says so ("has no inventory configuration … now", or that
   * the outcome is unknown): what no client can prevent, reported, never silent.
   */
  saidOnFailure?: StateName[];
}

/** The old configuration of cellConfigs.ts, recognised field by field (not through the provider's normalize). */
const isOld = (ctx: CellContext, c: InventoryConfig) =>
  c.id === ctx.id && c.enabled === true && c.filter?.prefix === "logs/" && c.destination.prefix === "old/" &&
  c.schedule.frequency === "Daily" && c.includedObjectVersions === "Current" && JSON.stringify(c.optionalFields) === '["Size"]';

function expectThat(ok: boolean, what: string): void {
  if (!ok) throw new Error(what);
}

const resourceId = (ctx: CellContext) => `${ctx.ref.vendor}:${ctx.ref.region}:${ctx.ref.bucket}:${ctx.id}`;
const outputsOf = (ctx: CellContext, config: InventoryConfig) => ({ ...argsFor(ctx.ref, config), resourceId: resourceId(ctx) });

const clientScenarios: Scenario[] = [
  {
    name: "put",
    single: true,
    target: { operation: "PutInventory" },
    startsWithOld: false,
    run: (ctx) => ctx.client.putInventory(ctx.ref, ctx.next),
    verify: () => undefined,
    onSuccess: ["new"],
    onFailure: ["none", "new"],
  },
  {
    name: "get",
    single: true,
    target: { operation: "GetInventory" },
    startsWithOld: true,
    run: (ctx) => ctx.client.getInventory(ctx.ref, ctx.id),
    verify: (result, ctx) => expectThat(result !== undefined && isOld(ctx, result as InventoryConfig), "get returned another configuration"),
    onSuccess: ["old"],
    onFailure: ["old"],
  },
  {
    name: "list",
    single: true,
    target: { operation: "ListInventory" },
    startsWithOld: true,
    run: (ctx) => ctx.client.listInventories(ctx.ref),
    verify: (result, ctx) => {
      const list = result as InventoryConfig[];
      expectThat(list.length === 1 && isOld(ctx, list[0]), `list returned ${list.length} configurations, not the one stored`);
    },
    onSuccess: ["old"],
    onFailure: ["old"],
  },
  {
    name: "delete",
    single: true,
    target: { operation: "DeleteInventory" },
    startsWithOld: true,
    run: (ctx) => ctx.client.deleteInventory(ctx.ref, ctx.id),
    verify: () => undefined,
    onSuccess: ["none"],
    onFailure: ["old", "none"],
  },
  {
    name: "bucket look-up",
    // Not single: COS's and S3's bodyless HEAD 403 is followed by a GET step that says which refusal it was.
    target: {},
    startsWithOld: false,
    // COS and S3 look buckets up with HEAD, whose 404 has no body: with the vendor's request id it is "no such bucket".
    finalMaySucceed: (vendor, fault) => (vendor === "cos" || vendor === "s3") && fault.action.kind === "status" && fault.action.status === 404,
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

/** OSS refuses a put on an existing id: its update reads, probes, deletes, then puts. The others put once. */
const deletesToUpdate = (vendor: Vendor) => !rulesFor(vendor).putOverwrites;
const overwrites = (vendor: Vendor) => rulesFor(vendor).putOverwrites;

function updateScenario(step: string, target: Scenario["target"], vendors?: Scenario["vendors"], saidOnFailure?: StateName[]): Scenario {
  return {
    name: `update (${step})`,
    target,
    vendors,
    saidOnFailure,
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
  updateScenario("first read", { operation: "GetInventory" }, deletesToUpdate),
  updateScenario("probe", { operation: "PutInventory" }, deletesToUpdate),
  updateScenario("delete", { operation: "DeleteInventory" }, deletesToUpdate),
  // After OSS's delete, a put path that stays down also fails putting the previous configuration back: the bucket
  // is left without one, and the error must say so (or, when a put may still land, that the outcome is unknown).
  updateScenario("put after the probe", "after-first-put", deletesToUpdate, ["none"]),
  updateScenario("put", { operation: "PutInventory" }, overwrites),
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
