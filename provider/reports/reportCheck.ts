import type { Frequency, Vendor } from "../model/inventoryConfig";
import type { DataFileResult } from "./verifyDataFile";

/**
 * healthy: the newest report is intact and fresh. pending: none yet, but the first-report window is still open.
 * stale: the newest report is intact but older than the schedule allows. missing: no report after the window.
 * corrupt: the newest report fails verification. not-found: no such configuration. error: the check itself could
 * not be carried out (credentials, network, access to the destination, a format it cannot read).
 */
export type ReportStatus = "healthy" | "pending" | "stale" | "missing" | "corrupt" | "not-found" | "error";

export const UNHEALTHY: ReadonlySet<ReportStatus> = new Set(["stale", "missing", "corrupt", "not-found"]);

export interface ReportTarget {
  vendor: Vendor;
  region: string;
  bucket: string;
  inventoryId: string;
  /** Endpoint override (the fake cloud, a private endpoint). */
  endpoint?: string;
  /** When the configuration was put, if known (a stack export's `created`): tells "pending" from "missing". */
  configuredAt?: Date;
  /** Where the target came from, e.g. the resource's URN. */
  label?: string;
}

export interface VerifiedReport {
  /** The scan folder, e.g. "inv/photos/daily/2024-05-17T16-00Z/". */
  folder: string;
  manifestKey: string;
  /** Scan start: the manifest's own timestamp, else the folder's. */
  createdAt: string;
  ageMs: number;
  columns: string[];
  files: DataFileResult[];
  rows: number;
  bytes: number;
}

export interface ReportCheck {
  target: ReportTarget;
  status: ReportStatus;
  /** One sentence for the table. */
  summary: string;
  /** The clock the check judged freshness by (the service's Date header unless --now was given). */
  checkedAt: string;
  destination?: { bucket: string; root: string };
  frequency?: Frequency;
  enabled?: boolean;
  report?: VerifiedReport;
  /** What is wrong (corrupt), or notes (an older report used because the newest has no manifest yet). */
  problems: string[];
  /** Likely causes, for missing and stale. */
  causes: string[];
}
