import { FAKE_VENDORS, type ObjectRecord } from "../objects/objectRecord";
import { writeCosReport, type CosBucketName } from "./cosReport";
import { inventoryColumns } from "./inventoryColumns";
import { buildDataBodies } from "./inventoryCsv";
import { writeObsReport } from "./obsReport";
import { writeOssReport } from "./ossReport";
import { ReportInputError } from "./reportInputError";
import type { InventoryReport, InventoryReportInput, ReportContext } from "./reportTypes";
import { writeS3Report } from "./s3Report";
import { scanReportRecords, type Tally } from "./selectReportRecords";

export const DEFAULT_MAX_ROWS_PER_FILE = 1000;

/**
 * The files one inventory run writes into the destination bucket, in the vendor's layout: CSV data files (no
 * header; columns as the manifest's fileSchema says) and the manifest. Pure: the clock and the uuids are inputs,
 * and the caller stores the files.
 */
export function writeInventoryReport(input: InventoryReportInput): InventoryReport {
  checkInput(input);
  const cos = input.vendor === "cos" ? cosSourceName(input) : undefined;
  const listed: Tally = { count: 0, bytes: 0 };
  const matched: Tally = { count: 0, bytes: 0 };
  const records = input.objects;
  const versioned = input.sourceVersioned ?? (Array.isArray(records) && records.some((r: ObjectRecord) => r.versionId !== undefined));
  const columns = inventoryColumns(input.vendor, input.config, versioned);
  const bodies = buildDataBodies(
    scanReportRecords(records, input.config, listed, matched),
    columns,
    { vendor: input.vendor, bucket: cos?.name ?? input.sourceBucket, appId: cos?.appId },
    input.maxRowsPerFile ?? DEFAULT_MAX_ROWS_PER_FILE,
    input.vendor !== "obs",
  );
  const context: ReportContext = { input, columns, bodies, rowCount: matched.count, listed, matched };
  switch (input.vendor) {
    case "oss": return writeOssReport(context);
    case "cos": {
      const source = cos as CosBucketName;
      return writeCosReport(context, source, input.destinationAppId ?? source.appId);
    }
    case "obs": return writeObsReport(context);
    case "s3": return writeS3Report(context);
  }
}

function checkInput(input: InventoryReportInput): void {
  const { config } = input;
  if (!FAKE_VENDORS.includes(input.vendor)) {
    throw new ReportInputError("vendor", input.vendor, "must be oss, cos, obs or s3");
  }
  if (typeof config.id !== "string" || config.id === "") {
    throw new ReportInputError("config.id", config.id, "must be a non-empty inventory id");
  }
  if (config.format !== "CSV") throw new ReportInputError("config.format", config.format, "the fake writes CSV only");
  if (config.includedObjectVersions !== "All" && config.includedObjectVersions !== "Current") {
    const field = "config.includedObjectVersions";
    throw new ReportInputError(field, config.includedObjectVersions, "must be All or Current");
  }
  if (!Array.isArray(config.optionalFields)) {
    throw new ReportInputError("config.optionalFields", config.optionalFields, "must be a list of field names");
  }
  const maxRows = input.maxRowsPerFile;
  if (maxRows !== undefined && (!Number.isInteger(maxRows) || maxRows < 1)) {
    throw new ReportInputError("maxRowsPerFile", maxRows, "must be a positive integer");
  }
}

/** COS addresses "name-appid"; its reports print the name and the APPID apart. */
function cosSourceName(input: InventoryReportInput): CosBucketName {
  const appId = input.sourceAppId ?? /-(\d+)$/.exec(input.sourceBucket)?.[1];
  if (appId === undefined) {
    const rule = "a COS bucket needs its APPID (suffix -<appid> or sourceAppId)";
    throw new ReportInputError("sourceBucket", input.sourceBucket, rule);
  }
  const suffix = `-${appId}`;
  const name = input.sourceBucket.endsWith(suffix) ? input.sourceBucket.slice(0, -suffix.length) : input.sourceBucket;
  return { name, appId };
}

