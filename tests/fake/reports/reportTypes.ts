import type { FakeVendor, ObjectRecord } from "../objects/objectRecord";
import type { DataBody } from "./inventoryCsv";

/** The filter of an inventory configuration; the time and size bounds and storage classes are OSS's. */
export interface ReportFilter {
  prefix?: string;
  /** Epoch seconds, inclusive. */
  lastModifyBeginTimeStamp?: number;
  /** Epoch seconds, inclusive. */
  lastModifyEndTimeStamp?: number;
  /** Bytes, inclusive. */
  lowerSizeBound?: number;
  /** Bytes, inclusive. */
  upperSizeBound?: number;
  /** e.g. ["Standard", "IA"]; "All" (OSS's default) matches every class. */
  storageClasses?: string[];
}

export interface ReportConfig {
  id: string;
  destinationPrefix?: string;
  format: "CSV";
  includedObjectVersions: "All" | "Current";
  /** In the configured order. */
  optionalFields: string[];
  filter?: ReportFilter;
}

export interface InventoryReportInput {
  vendor: FakeVendor;
  /** As the API addresses it: COS with its -appid suffix. */
  sourceBucket: string;
  /** COS: the source bucket's APPID; taken from the bucket's suffix when absent. */
  sourceAppId?: string;
  /** The plain name (no ARN, no -appid). */
  destinationBucket: string;
  /** COS: the destination bucket's APPID; the source's when absent. */
  destinationAppId?: string;
  config: ReportConfig;
  /**
   * Whether the source bucket is versioned (Enabled or Suspended): OSS writes version columns only then (seed 003).
   * Taken from the records (any version id) when absent.
   */
  sourceVersioned?: boolean;
  /** Every version of every object in the source bucket, by key (ObjectStore.scanRecords): read once, lazily. */
  objects: Iterable<ObjectRecord>;
  /** When the scan starts: names the report folder and the manifest timestamp. */
  now: Date;
  newUuid: () => string;
  /** Rows per data file before a new file starts; default 1000. */
  maxRowsPerFile?: number;
}

export interface ReportFile {
  /** The object key in the destination bucket. */
  key: string;
  body: Buffer;
  contentType: string;
}

export interface InventoryReport {
  /** Everything to write into the destination bucket: data files first, then the manifest and its checksum. */
  files: ReportFile[];
  manifestKey?: string;
  /** Set when the vendor writes nothing for this run (OSS with no matching object). */
  skippedReason?: string;
  /** Data rows written. */
  rowCount: number;
}

/** What the vendor layouts receive once the rows are chosen and rendered. */
export interface ReportContext {
  input: InventoryReportInput;
  /** Column names in file order (the fileSchema). */
  columns: string[];
  /** The data files' contents, in order, before they are named. */
  bodies: DataBody[];
  rowCount: number;
  /** Rows the scan listed (after version selection) and rows the filter kept, with their total bytes. */
  listed: { count: number; bytes: number };
  matched: { count: number; bytes: number };
}
