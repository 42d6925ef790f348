/** Our side of the throughput comparison: the provider's InventoryClient with its defaults, against the same fake. */
import { createInventoryClient } from "../../provider/client/createInventoryClient";
import type { Vendor } from "../../provider/model/inventoryConfig";
import { credentialsOf, sourceRef } from "../support/benchVendors";
import type { InventoryContender } from "./contender";

export function ourClient(vendor: Vendor, endpoint: string): InventoryContender {
  const client = createInventoryClient({ credentials: { [vendor]: credentialsOf(vendor) } });
  const ref = sourceRef(vendor, endpoint);
  return {
    name: "pulumi-bucket-inventory",
    put: (config) => client.putInventory(ref, config),
    async get(id) {
      if (!(await client.getInventory(ref, id))) throw new Error(`getInventory ${id}: not found`);
    },
    async list() {
      await client.listInventories(ref);
    },
    close: () => client.close(),
  };
}
