import type { FakeError } from "../errors";
import type { ReportConfig } from "../reports/reportTypes";
import type { StoredInventory } from "../store";
import type { ConfigNode, ElementSpec, SchemaViolation } from "./inventorySchema";
import type { BucketContext } from "./vendorDialect";

/** What an inventory run needs from a stored configuration. */
export interface RunSpec {
  /** The destination bucket as the API addresses it (COS with -appid). */
  destinationBucket: string;
  config: ReportConfig;
}

/** One vendor's inventory API: names, limits, codes and the checks beyond the schema. */
export interface InventoryRules {
  /** Query key of the id: OSS `inventoryId`, the others `id`. */
  idParam: string;
  schema: ElementSpec;
  /** Configurations per bucket. */
  limit: number;
  /** OBS lists everything on one page. */
  paginated: boolean;
  listRoot: string;
  /** Whether list responses carry IsTruncated/NextContinuationToken. */
  listPaging: boolean;
  notFound(id: string): FakeError;
  tooMany(limit: number): FakeError;
  /** Put on an existing id; undefined when the vendor overwrites. */
  alreadyExists?(id: string): FakeError;
  idMismatch(queryId: string, bodyId: string | undefined): FakeError;
  missingId(): FakeError;
  /** The vendor's answer to a schema violation (S3: always MalformedXML). */
  schemaError(violation: SchemaViolation): FakeError;
  /** The id rule; returns the error when `id` breaks it. */
  checkId(id: string): FakeError | undefined;
  /** Checks beyond the schema (destination, filters, features) and the spelling the service stores. */
  validate(config: ConfigNode, ctx: BucketContext): ConfigNode;
  /** Conflicts with the bucket's other configurations (OBS prefix overlap). */
  checkAgainst?(config: ConfigNode, others: StoredInventory[]): FakeError | undefined;
  runSpec(config: ConfigNode): RunSpec;
}
