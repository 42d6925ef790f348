/**
 * Check at preview against a bucket that already holds N configurations: requests and latency of the first check
 * in a fresh host (cold look-up cache) and of later checks of the same resource in that host. N beyond a vendor's
 * per-bucket limit (OBS: 10) is not possible and is skipped.
 */
import type { Vendor } from "../../../provider/model/inventoryConfig";
import { boundedLoop } from "../../framework/deadline";
import type { MeasureContext } from "../../framework/measure";
import { BENCH_VENDORS, BUCKET_LIMIT, sampleArgs } from "../../support/benchVendors";
import type { FakeCloudProcess } from "../../support/fakeCloudProcess";
import type { ProviderHost } from "../../../tests/engine/harness/providerHost";
import { addressOf, timed, type HostSession } from "../../support/hostSession";
import { countRequests, type RequestCount } from "../../support/requestCounts";
import { seedConfigurations } from "../../support/seedConfigurations";

export const CHECK_NS = [0, 10, 100, 1000];

export interface CheckAtN {
  vendor: Vendor;
  n: number;
  first?: { count: RequestCount; ms: number };
  /** Later checks of the same resource in the same host. */
  later: { count: RequestCount; ms: number }[];
  skipped?: string;
  error?: string;
}

async function oneCase(ctx: MeasureContext, session: HostSession, fake: FakeCloudProcess, vendor: Vendor, n: number, repeats: number): Promise<CheckAtN> {
  const result: CheckAtN = { vendor, n, later: [] };
  if (n > BUCKET_LIMIT[vendor]) {
    result.skipped = `${vendor} allows ${BUCKET_LIMIT[vendor]} configurations per bucket`;
    return result;
  }
  let host: ProviderHost | undefined;
  try {
    await fake.reset();
    await seedConfigurations(fake.url, vendor, n, (done) => ctx.progress.step(`${vendor}: putting ${n} configurations`, done, n));
    const [reg] = await session.register([{ name: `check-${vendor}`, args: sampleArgs(vendor, "bench-check", fake.url) }], true);
    const started = (host = (await session.startHost()).host);
    const at = addressOf(reg);
    const checkOnce = async () => {
      const { value, requests } = await fake.countDuring(() => timed(() => started.check(at, {}, reg.inputs)));
      return { count: countRequests(requests), ms: value.ms };
    };
    result.first = await checkOnce();
    await boundedLoop({ maxCount: repeats, deadline: ctx.deadline, minCount: 3 }, async () => void result.later.push(await checkOnce()));
  } catch (error) {
    result.error = error instanceof Error ? error.message.split("\n")[0] : String(error);
  } finally {
    await host?.close();
  }
  return result;
}

export async function checkCounts(ctx: MeasureContext, session: HostSession, fake: FakeCloudProcess): Promise<CheckAtN[]> {
  const results: CheckAtN[] = [];
  const cases = BENCH_VENDORS.flatMap((vendor) => CHECK_NS.map((n) => [vendor, n] as const));
  for (const [i, [vendor, n]] of cases.entries()) {
    ctx.progress.step(`check with N=${n} on ${vendor}`, i, cases.length);
    results.push(await oneCase(ctx, session, fake, vendor, n, ctx.quick ? 5 : 20));
  }
  return results;
}
