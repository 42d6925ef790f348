/**
 * 1000 configurations on one bucket, listed page by page (100 a page) through our client, again and again: the
 * time of each page as the client sees it and of the whole listing, and whether every configuration came back.
 */
import { createInventoryClient } from "../../../provider/client/createInventoryClient";
import type { Vendor } from "../../../provider/model/inventoryConfig";
import { boundedLoop } from "../../framework/deadline";
import type { MeasureContext } from "../../framework/measure";
import { credentialsOf, sourceRef } from "../../support/benchVendors";
import type { FakeCloudProcess } from "../../support/fakeCloudProcess";
import { readCpuSeconds } from "../../support/processMemory";
import { seedConfigurations } from "../../support/seedConfigurations";

export const PAGED_VENDORS: Vendor[] = ["oss", "cos", "s3"];
export const LISTED = 1000;

export interface ListingResult {
  vendor: Vendor;
  pageMs: number[];
  listingMs: number[];
  pagesPerListing?: number;
  /** CPU per whole listing: the benchmark process (our client) and the fake cloud process. */
  clientCpuMsPerListing?: number;
  fakeCpuMsPerListing?: number;
  configurationsSeen?: number;
  error?: string;
}

export async function pagedListing(ctx: MeasureContext, fake: FakeCloudProcess, vendor: Vendor, repeats: number): Promise<ListingResult> {
  const result: ListingResult = { vendor, pageMs: [], listingMs: [] };
  let pageStart = 0;
  let pages = 0;
  const client = createInventoryClient({
    credentials: { [vendor]: credentialsOf(vendor) },
    onExchange: () => {
      const now = performance.now();
      result.pageMs.push(now - pageStart);
      pageStart = now;
      pages++;
    },
  });
  try {
    await fake.reset();
    await seedConfigurations(fake.url, vendor, LISTED, (done) => ctx.progress.step(`${vendor}: putting ${LISTED} configurations`, done, LISTED));
    const ref = sourceRef(vendor, fake.url);
    const cpu0 = process.cpuUsage();
    const fake0 = fake.pid === undefined ? undefined : readCpuSeconds(fake.pid);
    const listings = await boundedLoop({ maxCount: repeats, deadline: ctx.deadline.slice(0.15), minCount: 2 }, async (i) => {
      ctx.progress.step(`${vendor}: listing ${LISTED} configurations`, i, repeats);
      pages = 0;
      pageStart = performance.now();
      const t0 = pageStart;
      const all = await client.listInventories(ref);
      result.listingMs.push(performance.now() - t0);
      result.pagesPerListing = pages;
      result.configurationsSeen = all.length;
    });
    const cpu = process.cpuUsage(cpu0);
    result.clientCpuMsPerListing = (cpu.user + cpu.system) / 1000 / listings;
    const fake1 = fake.pid === undefined ? undefined : readCpuSeconds(fake.pid);
    if (fake0 !== undefined && fake1 !== undefined) result.fakeCpuMsPerListing = ((fake1 - fake0) * 1000) / listings;
  } catch (error) {
    result.error = error instanceof Error ? error.message.split("\n")[0] : String(error);
  } finally {
    await client.close();
  }
  return result;
}
