import { dataFile } from "./inventoryCsv";
import { joinKey, scanMinuteFolder } from "./reportPaths";
import type { InventoryReport, ReportContext } from "./reportTypes";

/** OBS writes under this prefix when the configuration sets none. */
export const OBS_DEFAULT_PREFIX = "BucketInventory";

/**
 * OBS (obs_03_0083): `<prefix>/<src>/<id>/<yyyy-MM-dd'T'HH-mm'Z'>/files/<UUID>_<index>.csv`, uncompressed, index
 * from 1, and `manifest.json` beside `files/`, with no checksum file. The manifest's fileSchema has no spaces, and
 * its file keys are URL-encoded ("/" as %2F) with a record count instead of an MD5.
 */
export function writeObsReport(context: ReportContext): InventoryReport {
  const { input, bodies, columns, rowCount } = context;
  const prefix = joinKey(input.config.destinationPrefix) || OBS_DEFAULT_PREFIX;
  const folder = joinKey(prefix, input.sourceBucket, input.config.id, scanMinuteFolder(input.now));
  const uuid = input.newUuid().replace(/-/g, "").toUpperCase();
  const data = bodies.map((body, index) => dataFile(joinKey(folder, "files", `${uuid}_${index + 1}.csv`), body, false));
  const manifest = {
    sourceBucket: input.sourceBucket,
    destinationBucket: input.destinationBucket,
    version: "2019-01-03",
    fileFormat: input.config.format,
    fileSchema: columns.join(","),
    files: data.map((f, index) => ({
      key: encodeURIComponent(f.key),
      size: f.body.length,
      inventoriedRecord: bodies[index].rows,
    })),
  };
  const manifestKey = joinKey(folder, "manifest.json");
  return {
    files: [
      ...data,
      { key: manifestKey, body: Buffer.from(JSON.stringify(manifest), "utf8"), contentType: "application/json" },
    ],
    manifestKey,
    rowCount,
  };
}
