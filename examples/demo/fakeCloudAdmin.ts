/**
 * The fake cloud's admin API over HTTP (unsigned JSON under /__fake/, see tests/fake/README.md): what the demo uses
 * to change things "out of band" (as another team or the console would), fill a bucket and run an inventory.
 */
import type { Vendor } from "../../provider/model/inventoryConfig";

export interface InventoryRun {
  keys: string[];
  manifestKey?: string;
  skippedReason?: string;
  rowCount: number;
  destinationBucket: string;
}

export class FakeCloudAdminApi {
  constructor(private readonly url: string) {}

  async putObject(vendor: Vendor, bucket: string, key: string, body: string): Promise<void> {
    await this.call("PUT", `objects/${vendor}/${bucket}/${key}`, body, "text/plain");
  }

  async runInventory(vendor: Vendor, bucket: string, id: string): Promise<InventoryRun> {
    return JSON.parse(await this.call("POST", "run-inventory", JSON.stringify({ vendor, bucket, id }), "application/json")) as InventoryRun;
  }

  /** The stored configuration in the vendor's XML, as its GET returns it. */
  async getInventoryXml(vendor: Vendor, bucket: string, id: string): Promise<string> {
    return this.call("GET", `inventories/${vendor}/${bucket}/${encodeURIComponent(id)}`);
  }

  async putInventoryXml(vendor: Vendor, bucket: string, id: string, xml: string): Promise<void> {
    await this.call("PUT", `inventories/${vendor}/${bucket}/${encodeURIComponent(id)}`, xml, "application/xml");
  }

  async deleteInventory(vendor: Vendor, bucket: string, id: string): Promise<void> {
    await this.call("DELETE", `inventories/${vendor}/${bucket}/${encodeURIComponent(id)}`);
  }

  private async call(method: string, route: string, body?: string, contentType?: string): Promise<string> {
    const response = await fetch(`${this.url}/__fake/${route}`, {
      method,
      body,
      headers: contentType ? { "content-type": contentType } : undefined,
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`fake cloud admin ${method} /__fake/${route}: ${response.status} ${text}`);
    return text;
  }
}
