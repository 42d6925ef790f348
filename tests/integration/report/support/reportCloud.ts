import { createInventoryClient } from "../../../../provider/client/createInventoryClient";
import { createObjectReader } from "../../../../provider/client/objectReader";
import { checkReport, type CheckReportOptions } from "../../../../provider/reports/checkReport";
import type { ReportCheck, ReportTarget } from "../../../../provider/reports/reportCheck";
import type { FakeCloud } from "../../../fake/index";
import { BUCKETS, configXml, idQuery, MAIN, type ConfigOptions } from "../../fake/support/fixtures";
import { signedCall, type Vendor } from "../../fake/support/signedClient";

export const REGION: Record<Vendor, string> = { oss: "cn-hangzhou", cos: "ap-guangzhou", obs: "cn-north-4", s3: "us-east-1" };
export const HOUR = 3_600_000;

/** The main account's keys for every vendor, as a client's credential source. */
export const CREDENTIALS = Object.fromEntries(
  (["oss", "cos", "obs", "s3"] as const).map((v) => [v, { accessKeyId: MAIN[v].accessKeyId, secretAccessKey: MAIN[v].secretAccessKey }]),
);

/** Puts a configuration through the vendor's API (signed), on the main source bucket. */
export async function putConfig(url: string, vendor: Vendor, options: ConfigOptions, enabled = true): Promise<void> {
  const xml = configXml(vendor, options);
  const res = await signedCall(url, {
    account: MAIN[vendor], method: "PUT", bucket: BUCKETS[vendor].source, query: idQuery(vendor, options.id),
    headers: vendor === "obs" ? {} : { "content-type": "application/xml" },
    body: enabled ? xml : xml.replace("<IsEnabled>true<", "<IsEnabled>false<"),
  });
  if (res.status !== 200) throw new Error(`put ${vendor} ${options.id}: ${res.status} ${res.body}`);
}

export function target(fake: FakeCloud, vendor: Vendor, inventoryId: string, more: Partial<ReportTarget> = {}): ReportTarget {
  return { vendor, region: REGION[vendor], bucket: BUCKETS[vendor].source, inventoryId, endpoint: fake.url, ...more };
}

/** Runs the check the way the CLI does: the provider's clients, real signing, loopback to the fake. */
export async function check(t: ReportTarget, options: Partial<CheckReportOptions> = {}): Promise<ReportCheck> {
  const inventories = createInventoryClient({ credentials: CREDENTIALS, retry: { maxAttempts: 2, baseDelayMs: 1 } });
  const objects = createObjectReader({ credentials: CREDENTIALS, retry: { maxAttempts: 3, baseDelayMs: 1 } });
  try {
    return await checkReport({ inventories, objects }, t, { graceMs: 6 * HOUR, ...options });
  } finally {
    await inventories.close();
    await objects.close();
  }
}
