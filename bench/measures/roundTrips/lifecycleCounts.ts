/**
 * Round trips per resource operation: one resource per vendor taken through the real dynamic provider host as
 * `pulumi up`, `refresh`, a changed field and `destroy` would, each call's requests counted at the fake cloud.
 * A fresh host per vendor, so no look-up cache carries over from another vendor.
 */
import type { Vendor } from "../../../provider/model/inventoryConfig";
import type { MeasureContext } from "../../framework/measure";
import { BENCH_VENDORS, sampleArgs } from "../../support/benchVendors";
import type { FakeCloudProcess } from "../../support/fakeCloudProcess";
import type { ProviderHost } from "../../../tests/engine/harness/providerHost";
import { addressOf, type HostSession } from "../../support/hostSession";
import { countRequests, type RequestCount } from "../../support/requestCounts";

export type LifecycleStep = "check (new resource)" | "create" | "diff" | "read" | "check (changed field)" | "update" | "delete";

export interface VendorLifecycle {
  vendor: Vendor;
  counts: Partial<Record<LifecycleStep, RequestCount>>;
  error?: string;
}

async function oneVendor(session: HostSession, fake: FakeCloudProcess, vendor: Vendor): Promise<VendorLifecycle> {
  const result: VendorLifecycle = { vendor, counts: {} };
  const count = async <T>(step: LifecycleStep, call: () => Promise<T>): Promise<T> => {
    const { value, requests } = await fake.countDuring(call);
    result.counts[step] = countRequests(requests);
    return value;
  };
  let host: ProviderHost | undefined;
  try {
    const args = sampleArgs(vendor, "bench-rt", fake.url);
    const [reg] = await session.register([{ name: `rt-${vendor}`, args }], false);
    const [changed] = await session.register([{ name: `rt-${vendor}`, args: { ...args, optionalFields: ["Size", "LastModifiedDate", "ETag"] } }], false);
    await fake.reset();
    const h = (host = (await session.startHost()).host);
    const at = addressOf(reg);
    const checked = await count("check (new resource)", () => h.check(at, {}, reg.inputs));
    if (checked.failures.length > 0) throw new Error(`check failed: ${checked.failures.map((f) => f.reason).join("; ")}`);
    const created = await count("create", () => h.create(at, checked.inputs));
    const rechecked = await count("check (changed field)", () => h.check(at, checked.inputs, changed.inputs));
    await count("diff", () => h.diff(at, created.id, created.properties, rechecked.inputs, checked.inputs));
    const read = await count("read", () => h.read(at, created.id, created.properties, checked.inputs));
    const updated = await count("update", () => h.update(at, created.id, read.properties, rechecked.inputs, checked.inputs));
    await count("delete", () => h.delete(at, created.id, updated, rechecked.inputs));
  } catch (error) {
    result.error = error instanceof Error ? error.message.split("\n")[0] : String(error);
  } finally {
    await host?.close();
  }
  return result;
}

export async function lifecycleCounts(ctx: MeasureContext, session: HostSession, fake: FakeCloudProcess): Promise<VendorLifecycle[]> {
  const results: VendorLifecycle[] = [];
  for (const [i, vendor] of BENCH_VENDORS.entries()) {
    ctx.progress.step(`lifecycle calls on ${vendor}`, i, BENCH_VENDORS.length);
    results.push(await oneVendor(session, fake, vendor));
  }
  return results;
}
