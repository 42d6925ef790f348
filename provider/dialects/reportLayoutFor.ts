import type { Vendor } from "../model/inventoryConfig";
import type { ReportLayout } from "../reports/reportLayout";
import { cosReportLayout } from "./cos/cosReportLayout";
import { obsReportLayout } from "./obs/obsReportLayout";
import { ossReportLayout } from "./oss/ossReportLayout";
import { s3ReportLayout } from "./s3/s3ReportLayout";

const LAYOUTS: Readonly<Record<Vendor, ReportLayout>> = { oss: ossReportLayout, cos: cosReportLayout, obs: obsReportLayout, s3: s3ReportLayout };

export function reportLayoutFor(vendor: Vendor): ReportLayout {
  return LAYOUTS[vendor];
}
