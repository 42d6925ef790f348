import {
  countOf, dayFolderTime, fileEntries, keyField, keyPath, manifestObject, md5Field, optionalString, requiredString, schemaColumns,
} from "../../reports/manifestFields";
import { ManifestError, type ReportLayout } from "../../reports/reportLayout";

/** "photos-1250000000" → { name: "photos", appId: "1250000000" }. */
export function cosBucketParts(bucket: string): { name: string; appId: string } {
  const m = /^(.+)-(\d+)$/.exec(bucket);
  if (!m) throw new ManifestError(`COS bucket "${bucket}" does not end with -<APPID>`);
  return { name: m[1], appId: m[2] };
}

/**
 * COS (Inventory Overview, "Storage Path of the Inventory Report"): `<prefix>/<appid>/<source>/<id>/<YYYYMMDD>/`
 * manifest.json + manifest.checksum, data files directly under `<prefix>/<appid>/<source>/<id>/`; the source named
 * without its APPID; counts and sizes as strings; md5Checksum; filterObjectCount is the number of rows.
 */
export const cosReportLayout: ReportLayout = {
  reportRoot: (source, config) => {
    const { name, appId } = cosBucketParts(source.bucket);
    return `${keyPath(config.destination.prefix, appId, name, config.id)}/`;
  },
  folderTime: dayFolderTime,
  checksumFile: true,
  gzipped: true,
  documentedIn: "COS Inventory Overview, Storage Path of the Inventory Report",
  parseManifest(text) {
    const doc = manifestObject(text);
    return {
      sourceBucket: optionalString(doc, "sourceBucket"),
      destinationBucket: optionalString(doc, "destinationBucket"),
      fileFormat: requiredString(doc, "fileFormat"),
      columns: schemaColumns(requiredString(doc, "fileSchema")),
      files: fileEntries(doc, (f, at) => ({
        key: keyField(f.key, `${at}.key`),
        size: countOf(f.size, `${at}.size`),
        md5: md5Field(f.md5Checksum, `${at}.md5Checksum`),
      })),
      totalRows: countOf(doc.filterObjectCount, "filterObjectCount"),
    };
  },
};
