import {
  countOf, fileEntries, keyField, keyPath, manifestObject, md5Field, minuteFolderTime, optionalString, requiredString, schemaColumns,
} from "../../reports/manifestFields";
import { ManifestError, type ReportLayout } from "../../reports/reportLayout";

/**
 * OSS (seed 003): `<prefix>/<source>/<id>/<YYYY-MM-DDTHH-MMZ>/manifest.json` + `manifest.checksum` (MD5 of
 * manifest.json), data under `<prefix>/<source>/<id>/data/`; creationTimestamp in epoch seconds; files with key,
 * size and MD5checksum.
 */
export const ossReportLayout: ReportLayout = {
  reportRoot: (source, config) => `${keyPath(config.destination.prefix, source.bucket, config.id)}/`,
  folderTime: minuteFolderTime,
  checksumFile: true,
  gzipped: true,
  documentedIn: "OSS bucket inventory (seed 003)",
  parseManifest(text) {
    const doc = manifestObject(text);
    const seconds = countOf(doc.creationTimestamp, "creationTimestamp");
    if (seconds === undefined) throw new ManifestError('manifest field "creationTimestamp" is missing');
    return {
      sourceBucket: optionalString(doc, "sourceBucket"),
      destinationBucket: optionalString(doc, "destinationBucket"),
      createdAt: new Date(seconds * 1000),
      fileFormat: requiredString(doc, "fileFormat"),
      columns: schemaColumns(requiredString(doc, "fileSchema")),
      files: fileEntries(doc, (f, at) => ({
        key: keyField(f.key, `${at}.key`),
        size: countOf(f.size, `${at}.size`),
        md5: md5Field(f.MD5checksum, `${at}.MD5checksum`),
      })),
    };
  },
};
