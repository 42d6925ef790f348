/**
 * One client of the client measure in a process of its own (started by ClientWorkerProcess): the floor, ours or
 * an official SDK. Sides never share a process, so none runs on code another side's calls made polymorphic or
 * pays for garbage another side left. It waits for orders on its IPC channel: `open` a client for a vendor (closing
 * the one before), `run` a batch of operations with N in flight (answering with its own CPU time over the batch),
 * `close`. One worker serves every vendor in turn, so its JIT warms once.
 */
import type { Vendor } from "../../provider/model/inventoryConfig";
import { floorClient } from "../floors/floorClient";
import { inFlight } from "../framework/inFlight";
import type { InventoryContender } from "../sdks/contender";
import { officialClient } from "../sdks/officialClients";
import { ourClient } from "../sdks/ourClient";
import { credentialsOf, sampleConfig, sourceRef } from "./benchVendors";

export type ClientSide = "floor" | "ours" | "sdk";
export type WorkerOp = "get" | "put" | "list";

export type WorkerOrder =
  | { kind: "open"; side: ClientSide; vendor: Vendor; endpoint: string }
  | { kind: "run"; op: WorkerOp; count: number; inFlight: number; id: string; freshIds?: string }
  | { kind: "close" };

export type WorkerAnswer = { ok: true; name?: string; cpuMicros?: number; ops?: number; wallMs?: number } | { ok: false; error: string };

function open(side: ClientSide, vendor: Vendor, endpoint: string): InventoryContender {
  if (side === "floor") return floorClient(sourceRef(vendor, endpoint), credentialsOf(vendor));
  if (side === "ours") return ourClient(vendor, endpoint);
  return officialClient(vendor, endpoint);
}

let client: InventoryContender | undefined;
let vendorOf: Vendor = "oss";

/** get/list the shared id; put the shared id, or with `freshIds` one new id per operation (OSS refuses overwrites). */
function operation(order: Extract<WorkerOrder, { kind: "run" }>): (i: number) => Promise<void> {
  const c = client!;
  if (order.op === "get") return () => c.get(order.id);
  if (order.op === "list") return () => c.list();
  return (i) => c.put(sampleConfig(vendorOf, order.freshIds === undefined ? order.id : `${order.freshIds}${i}`));
}

async function handle(order: WorkerOrder): Promise<WorkerAnswer> {
  if (order.kind === "open") {
    await client?.close();
    client = open(order.side, order.vendor, order.endpoint);
    vendorOf = order.vendor;
    return { ok: true, name: client.name };
  }
  if (order.kind === "close") {
    await client?.close();
    return { ok: true };
  }
  const cost = await inFlight(order.count, order.inFlight, operation(order));
  return { ok: true, cpuMicros: cost.cpuMicros, ops: cost.ops, wallMs: cost.wallMs };
}

process.on("message", (order: WorkerOrder) => {
  handle(order).then(
    (answer) => reply(answer, order),
    (error: unknown) => reply({ ok: false, error: error instanceof Error ? error.message.split("\n")[0] : String(error) }, order),
  );
});

/** After `close` the worker exits once its answer is out: an SDK's keep-alive timers must not keep it alive. */
function reply(answer: WorkerAnswer, order: WorkerOrder): void {
  process.send!(answer, () => {
    if (order.kind === "close") process.exit(0);
  });
}
