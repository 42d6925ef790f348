/** Fills a source bucket with N configurations through our client (untimed set-up), a few requests at a time. */
import { createInventoryClient } from "../../provider/client/createInventoryClient";
import type { Vendor } from "../../provider/model/inventoryConfig";
import { credentialsOf, sampleConfig, sourceRef } from "./benchVendors";

export function seedId(i: number): string {
  return `seed-${String(i).padStart(4, "0")}`;
}

export async function seedConfigurations(endpoint: string, vendor: Vendor, count: number, onProgress?: (done: number) => void, concurrency = 8): Promise<void> {
  const client = createInventoryClient({ credentials: { [vendor]: credentialsOf(vendor) } });
  const ref = sourceRef(vendor, endpoint);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      await client.putInventory(ref, sampleConfig(vendor, seedId(i)));
      onProgress?.(++done);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  } finally {
    await client.close();
  }
}
