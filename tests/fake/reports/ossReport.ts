import { dataFile } from "./inventoryCsv";
import { md5Hex } from "./md5Hex";
import { joinKey, scanMinuteFolder } from "./reportPaths";
import type { InventoryReport, ReportContext } from "./reportTypes";

/**
 * OSS (seed 003): `<prefix>/<src>/<id>/data/<uuid>.csv.gz` (split `<uuid>-1.csv.gz`, `-2` ...) and
 * `<prefix>/<src>/<id>/<YYYY-MM-DDTHH-MMZ>/manifest.json` + `manifest.checksum` (upper-hex MD5 of manifest.json).
 * With no matching object OSS generates no inventory list at all.
 */
export function writeOssReport(context: ReportContext): InventoryReport {
  const { input, bodies, columns, rowCount } = context;
  if (rowCount === 0) {
    return {
      files: [],
      rowCount,
      skippedReason: `no object in oss bucket ${input.sourceBucket} matches inventory ${input.config.id}: ` +
        "OSS generates no inventory list",
    };
  }
  const base = joinKey(input.config.destinationPrefix, input.sourceBucket, input.config.id);
  const uuid = input.newUuid();
  const data = bodies.map((body, index) => {
    const name = bodies.length === 1 ? `${uuid}.csv.gz` : `${uuid}-${index + 1}.csv.gz`;
    return dataFile(joinKey(base, "data", name), body, true);
  });
  const manifest = {
    creationTimestamp: String(Math.floor(input.now.getTime() / 1000)),
    destinationBucket: input.destinationBucket,
    fileFormat: input.config.format,
    fileSchema: columns.join(", "),
    files: data.map((f) => ({ key: f.key, size: f.body.length, MD5checksum: md5Hex(f.body, true) })),
    sourceBucket: input.sourceBucket,
    version: "2019-09-01",
  };
  const body = Buffer.from(JSON.stringify(manifest), "utf8");
  const folder = joinKey(base, scanMinuteFolder(input.now));
  const manifestKey = joinKey(folder, "manifest.json");
  return {
    files: [
      ...data,
      { key: manifestKey, body, contentType: "application/json" },
      { key: joinKey(folder, "manifest.checksum"), body: Buffer.from(md5Hex(body, true)), contentType: "text/plain" },
    ],
    manifestKey,
    rowCount,
  };
}
