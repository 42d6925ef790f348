import {
  countOf, fileEntries, keyField, keyPath, manifestObject, minuteFolderTime, optionalString, requiredString, schemaColumns,
} from "../../reports/manifestFields";
import { ManifestError, type ReportLayout } from "../../reports/reportLayout";

/** OBS writes under this prefix when the configuration sets none (obs_03_0083; seed 002's Prefix). */
export const OBS_DEFAULT_REPORT_PREFIX = "BucketInventory";

/**
 * OBS (obs_03_0083, Bucket Inventory Overview): `<prefix or BucketInventory>/<source>/<id>/<yyyy-MM-dd'T'HH-mm'Z'>/`
 * manifest.json with the data files in its `files/` folder as plain CSV; no manifest.checksum; file keys
 * URL-encoded; each file's row count (inventoriedRecord) instead of an MD5.
 */
export const obsReportLayout: ReportLayout = {
  reportRoot: (source, config) => `${keyPath(config.destination.prefix || OBS_DEFAULT_REPORT_PREFIX, source.bucket, config.id)}/`,
  folderTime: minuteFolderTime,
  checksumFile: false,
  gzipped: false,
  documentedIn: "OBS Bucket Inventory Overview (obs_03_0083)",
  parseManifest(text) {
    const doc = manifestObject(text);
    return {
      sourceBucket: optionalString(doc, "sourceBucket"),
      destinationBucket: optionalString(doc, "destinationBucket"),
      fileFormat: requiredString(doc, "fileFormat"),
      columns: schemaColumns(requiredString(doc, "fileSchema")),
      files: fileEntries(doc, (f, at) => ({
        key: decodedKey(keyField(f.key, `${at}.key`), `${at}.key`),
        size: countOf(f.size, `${at}.size`),
        rows: countOf(f.inventoriedRecord, `${at}.inventoriedRecord`),
      })),
    };
  },
};

function decodedKey(key: string, field: string): string {
  try {
    return decodeURIComponent(key);
  } catch {
    throw new ManifestError(`manifest field "${field}" "${key}" is not valid URL encoding`);
  }
}
