import { dataFile } from "./inventoryCsv";
import { md5Hex } from "./md5Hex";
import { hiveFolder, joinKey, scanMinuteFolder } from "./reportPaths";
import type { InventoryReport, ReportContext, ReportFile } from "./reportTypes";

/**
 * S3 ("Locating your inventory list"): `<prefix>/<src>/<id>/data/<uuid>.csv.gz`, one uuid per file;
 * `<prefix>/<src>/<id>/<YYYY-MM-DDTHH-MMZ>/manifest.json` + `manifest.checksum` (lower-hex MD5); and
 * `<prefix>/<src>/<id>/hive/dt=YYYY-MM-DD-HH-MM/symlink.txt` listing the data files as s3:// URLs.
 * The manifest names the destination by ARN and stamps creation in epoch milliseconds.
 */
export function writeS3Report(context: ReportContext): InventoryReport {
  const { input, bodies, columns, rowCount } = context;
  const base = joinKey(input.config.destinationPrefix, input.sourceBucket, input.config.id);
  const data = bodies.map((body) => dataFile(joinKey(base, "data", `${input.newUuid()}.csv.gz`), body, true));
  const manifest = {
    sourceBucket: input.sourceBucket,
    destinationBucket: `arn:aws:s3:::${input.destinationBucket}`,
    version: "2016-11-30",
    creationTimestamp: String(input.now.getTime()),
    fileFormat: input.config.format,
    fileSchema: columns.join(", "),
    files: data.map((f) => ({ key: f.key, size: f.body.length, MD5checksum: md5Hex(f.body) })),
  };
  const body = Buffer.from(JSON.stringify(manifest), "utf8");
  const folder = joinKey(base, scanMinuteFolder(input.now));
  const manifestKey = joinKey(folder, "manifest.json");
  const symlink: ReportFile[] = data.length === 0 ? [] : [{
    key: joinKey(base, hiveFolder(input.now), "symlink.txt"),
    body: Buffer.from(data.map((f) => `s3://${input.destinationBucket}/${f.key}\n`).join(""), "utf8"),
    contentType: "text/plain",
  }];
  return {
    files: [
      ...data,
      { key: manifestKey, body, contentType: "application/json" },
      { key: joinKey(folder, "manifest.checksum"), body: Buffer.from(md5Hex(body)), contentType: "text/plain" },
      ...symlink,
    ],
    manifestKey,
    rowCount,
  };
}
