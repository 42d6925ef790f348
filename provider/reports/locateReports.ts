import type { ObjectReader } from "../client/objectReader";
import type { BucketRef } from "../model/inventoryConfig";
import type { ReportLayout } from "./reportLayout";

export interface ScanFolder {
  /** Full key prefix, ending "/". */
  prefix: string;
  time: Date;
}

export interface ReportFolders {
  /** Newest first. */
  folders: ScanFolder[];
  /** The service's clock (Date header of the listing), when it sent one. */
  serverDate?: Date;
}

/** The scan folders under the report root (sub-folders whose names read as the vendor's timestamps). */
export async function locateReports(reader: ObjectReader, destination: BucketRef, root: string, layout: ReportLayout): Promise<ReportFolders> {
  const folders: ScanFolder[] = [];
  let serverDate: Date | undefined;
  for await (const page of reader.listObjects(destination, { prefix: root, delimiter: "/" })) {
    const date = page.serverDate ? new Date(page.serverDate) : undefined;
    if (date && !Number.isNaN(date.getTime())) serverDate = date;
    for (const prefix of page.commonPrefixes) {
      const time = layout.folderTime(prefix.slice(root.length).replace(/\/$/, ""));
      if (time) folders.push({ prefix, time });
    }
  }
  folders.sort((a, b) => b.time.getTime() - a.time.getTime());
  return { folders, serverDate };
}

/** Whether the source holds at least one object under `prefix` (for the "empty filter" cause); undefined if unknown. */
export async function hasObjectsUnder(reader: ObjectReader, source: BucketRef, prefix: string | undefined): Promise<boolean | undefined> {
  try {
    for await (const page of reader.listObjects(source, { prefix, maxKeys: 1 })) return page.objects.length > 0;
    return false;
  } catch {
    return undefined;
  }
}
