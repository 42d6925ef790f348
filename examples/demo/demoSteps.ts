/**
 * What both paths of the demo share: how a step is printed, and the drift made "outside Pulumi" through the fake
 * cloud's admin API, as someone at a console might make it.
 */
import type { Vendor } from "../../provider/model/inventoryConfig";
import { FakeCloudAdminApi } from "./fakeCloudAdmin";

export function say(title: string, ...lines: string[]): void {
  console.log(`\n==> ${title}\n`);
  for (const line of lines) console.log(line);
}

/** A configuration the stack manages: its resource name and where it lives. */
export interface Located {
  name: string;
  vendor: Vendor;
  region: string;
  bucket: string;
  inventoryId: string;
}

/** `oss:cn-hangzhou:photos:daily` → where it lives. */
export function locate(name: string, resourceId: string): Located {
  const [vendor, region, bucket, ...id] = resourceId.split(":");
  return { name, vendor: vendor as Vendor, region, bucket, inventoryId: id.join(":") };
}

/** Disables one configuration and moves its reports to another prefix (the OSS one when there is one); deletes another. */
export async function makeDrift(url: string, resources: Located[]): Promise<string[]> {
  const admin = new FakeCloudAdminApi(url);
  const lines: string[] = [];
  const edited = resources.find((r) => r.vendor === "oss") ?? resources[0];
  if (edited) {
    const route = `/__fake/inventories/${edited.vendor}/${edited.bucket}/${edited.inventoryId}`;
    const xml = await admin.getInventoryXml(edited.vendor, edited.bucket, edited.inventoryId);
    const changed = xml.replace("<IsEnabled>true</IsEnabled>", "<IsEnabled>false</IsEnabled>").replace("<Prefix>inventory/</Prefix>", "<Prefix>inventory/moved/</Prefix>");
    await admin.putInventoryXml(edited.vendor, edited.bucket, edited.inventoryId, changed);
    lines.push(`    ${edited.name}: disabled, reports moved to prefix "inventory/moved/" (PUT ${route})`);
  }
  const deleted = resources.find((r) => r !== edited);
  if (deleted) {
    await admin.deleteInventory(deleted.vendor, deleted.bucket, deleted.inventoryId);
    lines.push(`    ${deleted.name}: deleted (DELETE /__fake/inventories/${deleted.vendor}/${deleted.bucket}/${deleted.inventoryId})`);
  }
  return lines;
}
