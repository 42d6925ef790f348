import { createHash } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { ObjectStore } from "../../fake/objects/objectStore";
import type { FakeVendor } from "../../fake/objects/objectRecord";
import type { InventoryReport, InventoryReportInput, ReportConfig } from "../../fake/reports/reportTypes";

/** The scan start every report test uses: folder 2024-05-17T16-00Z, epoch 1715961630 s. */
export const NOW = new Date("2024-05-17T16:00:30.250Z");

/** Uuids that count up, so file names are predictable. */
export function uuidCounter(): () => string {
  let n = 0;
  return () => `0000000a-bbbb-4ccc-8ddd-${String(++n).padStart(12, "0")}`;
}

/**
 * A source bucket written through the real ObjectStore: the clock starts at 2024-05-01T00:00:00Z and moves one
 * day per write, version ids count up (v1, v2 ...).
 */
export function sourceStore(vendor: FakeVendor, bucket: string, versioned = false): ObjectStore {
  let day = 0;
  let id = 0;
  const store = new ObjectStore({
    now: () => new Date(Date.UTC(2024, 4, 1 + day++)),
    newVersionId: () => `v${++id}`,
  });
  if (versioned) store.setVersioning(vendor, bucket, "Enabled");
  return store;
}

export function reportInput(
  vendor: FakeVendor,
  sourceBucket: string,
  store: ObjectStore,
  config: Partial<ReportConfig>,
  extra: Partial<InventoryReportInput> = {},
): InventoryReportInput {
  return {
    vendor,
    sourceBucket,
    destinationBucket: "reports",
    config: { id: "daily", format: "CSV", includedObjectVersions: "Current", optionalFields: [], ...config },
    objects: store.allRecords(vendor, sourceBucket),
    now: NOW,
    newUuid: uuidCounter(),
    ...extra,
  };
}

export function fileNamed(report: InventoryReport, key: string): Buffer {
  const file = report.files.find((f) => f.key === key);
  if (!file) throw new Error(`no file ${key} among ${report.files.map((f) => f.key).join(", ")}`);
  return file.body;
}

export function manifestOf(report: InventoryReport): Record<string, unknown> {
  return JSON.parse(fileNamed(report, report.manifestKey as string).toString("utf8")) as Record<string, unknown>;
}

/** The CSV lines of a data file (gunzipped when it is .gz), without the final newline. */
export function csvLines(body: Buffer, gzipped = true): string[] {
  const text = (gzipped ? gunzipSync(body) : body).toString("utf8");
  expect(text.endsWith("\n")).toBe(true);
  return text.slice(0, -1).split("\n");
}

export function md5(body: Buffer): string {
  return createHash("md5").update(body).digest("hex");
}
