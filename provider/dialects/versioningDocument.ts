import { ProtocolError } from "../errors";
import type { VersioningStatus } from "../model/inventoryConfig";
import { createXmlParser } from "../xml/createXmlParser";
import type { ResponseMeta } from "./dialect";
import { optionalText, readDocument } from "./inventoryElements";

const parse = createXmlParser();

/**
 * GetBucketVersioning's `<VersioningConfiguration>`, which OSS, COS, OBS and S3 all answer alike: `Status` is
 * Enabled or Suspended, and absent on a bucket whose versioning was never enabled.
 */
export function deserializeVersioning(body: string, meta?: ResponseMeta): VersioningStatus {
  const status = optionalText(readDocument(parse, body, ["VersioningConfiguration"], meta), "Status")?.trim();
  if (status === undefined) return "Off";
  const known = (["Enabled", "Suspended"] as const).find((s) => s.toLowerCase() === status.toLowerCase());
  if (known) return known;
  throw new ProtocolError(`response element VersioningConfiguration.Status is "${status}": expected Enabled or Suspended`, meta?.status, meta?.requestId);
}
