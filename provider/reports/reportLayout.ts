import type { InventoryConfig } from "../model/inventoryConfig";

/** One data file as the manifest lists it. */
export interface ManifestFile {
  /** The object key in the destination bucket (decoded where the vendor URL-encodes it). */
  key: string;
  /** Bytes, when the manifest states it. */
  size?: number;
  /** Lower-case hex MD5 of the file's bytes, when the manifest states it. */
  md5?: string;
  /** Rows in the file, when the manifest states it (OBS inventoriedRecord). */
  rows?: number;
}

/** What a manifest says, in one shape for all vendors. */
export interface ManifestView {
  sourceBucket?: string;
  destinationBucket?: string;
  /** When the scan started, from the manifest itself (OSS seconds, S3 milliseconds); else the folder's time. */
  createdAt?: Date;
  fileFormat: string;
  /** The columns of every data file, in order (fileSchema). */
  columns: string[];
  files: ManifestFile[];
  /** Rows in all files, when the manifest states it (COS filterObjectCount). */
  totalRows?: number;
}

/** The source a report is about: the bucket as the API addresses it. */
export interface ReportSource {
  bucket: string;
}

/**
 * Where and how one vendor writes its reports (the reader's own reading of the vendor's documents; the fake
 * cloud's writer is separate code, so neither can agree with its own mistake).
 */
export interface ReportLayout {
  /** The folder (ending "/") whose sub-folders are the report's scan folders, listed with delimiter "/". */
  reportRoot(source: ReportSource, config: InventoryConfig): string;
  /** The time a scan folder's name stands for; undefined for other folders (data/, hive/ ...). */
  folderTime(name: string): Date | undefined;
  /** Whether a manifest.checksum (MD5 of manifest.json) sits beside the manifest. */
  checksumFile: boolean;
  /** Whether data files are gzip-compressed CSV (else plain CSV). */
  gzipped: boolean;
  /** Reads manifest.json; throws ManifestError naming what is wrong. */
  parseManifest(text: string): ManifestView;
  /** Where the vendor documents this layout, for messages and the docs. */
  documentedIn: string;
}

/** A manifest that does not parse or lacks what the layout needs. */
export class ManifestError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "ManifestError";
  }
}
