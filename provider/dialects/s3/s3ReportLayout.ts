import {
  countOf, fileEntries, keyField, keyPath, manifestObject, md5Field, minuteFolderTime, optionalString, requiredString, schemaColumns,
} from "../../reports/manifestFields";
import { ManifestError, type ReportLayout } from "../../reports/reportLayout";

/**
 * S3 ("Locating your inventory list", Amazon S3 User Guide): `<prefix>/<source>/<id>/<YYYY-MM-DDTHH-MMZ>/`
 * manifest.json + manifest.checksum; creationTimestamp in epoch milliseconds; destinationBucket as an ARN; files
 * with key, size and MD5checksum. Only CSV is read (ORC and Parquet are refused by name).
 */
export const s3ReportLayout: ReportLayout = {
  reportRoot: (source, config) => `${keyPath(config.destination.prefix, source.bucket, config.id)}/`,
  folderTime: minuteFolderTime,
  checksumFile: true,
  gzipped: true,
  documentedIn: "Amazon S3 User Guide, Locating your inventory list",
  parseManifest(text) {
    const doc = manifestObject(text);
    const ms = countOf(doc.creationTimestamp, "creationTimestamp");
    if (ms === undefined) throw new ManifestError('manifest field "creationTimestamp" is missing');
    return {
      sourceBucket: optionalString(doc, "sourceBucket"),
      destinationBucket: optionalString(doc, "destinationBucket")?.replace(/^arn:aws[a-z-]*:s3:::/, ""),
      createdAt: new Date(ms),
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
