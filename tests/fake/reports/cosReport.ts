import { dataFile } from "./inventoryCsv";
import { md5Hex } from "./md5Hex";
import { joinKey, scanDayFolder } from "./reportPaths";
import type { InventoryReport, ReportContext } from "./reportTypes";

/** A COS bucket's plain name and APPID: "photos-1250000000" is bucket "photos" of APPID 1250000000. */
export interface CosBucketName {
  name: string;
  appId: string;
}

/**
 * COS (Inventory Overview): data files directly under `<prefix>/<appid>/<src>/<id>/` as `<32 hex>.csv.gz`, one
 * name per file; `<prefix>/<appid>/<src>/<id>/<YYYYMMDD>/manifest.json` + `manifest.checksum`. Bucket names go
 * without their APPID, which has fields of its own; counts and sizes are strings; the MD5 field is `md5Checksum`.
 */
export function writeCosReport(
  context: ReportContext,
  source: CosBucketName,
  destinationAppId: string,
): InventoryReport {
  const { input, bodies, columns, rowCount } = context;
  const base = joinKey(input.config.destinationPrefix, source.appId, source.name, input.config.id);
  const data = bodies.map((body) => {
    const name = `${input.newUuid().replace(/-/g, "").toLowerCase()}.csv.gz`;
    return dataFile(joinKey(base, name), body, true);
  });
  const manifest = {
    sourceAppid: source.appId,
    sourceBucket: source.name,
    destinationAppid: destinationAppId,
    destinationBucket: input.destinationBucket,
    fileFormat: input.config.format,
    listObjectCount: String(context.listed.count),
    listStorageSize: String(context.listed.bytes),
    filterObjectCount: String(context.matched.count),
    filterStorageSize: String(context.matched.bytes),
    fileSchema: columns.join(", "),
    files: data.map((f) => ({ key: f.key, size: String(f.body.length), md5Checksum: md5Hex(f.body) })),
  };
  const body = Buffer.from(JSON.stringify(manifest), "utf8");
  const folder = joinKey(base, scanDayFolder(input.now));
  const manifestKey = joinKey(folder, "manifest.json");
  return {
    files: [
      ...data,
      { key: manifestKey, body, contentType: "application/json" },
      { key: joinKey(folder, "manifest.checksum"), body: Buffer.from(md5Hex(body)), contentType: "text/plain" },
    ],
    manifestKey,
    rowCount,
  };
}
