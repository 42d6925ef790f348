import { accessDenied, FakeError, invalidArgument, malformedXml } from "../../errors";
import { checkDestination } from "../destinationCheck";
import type { InventoryRules } from "../inventoryRules";
import { listAt, nodeAt, textAt, type ConfigNode } from "../inventorySchema";
import type { BucketContext } from "../vendorDialect";
import { OSS_DESTINATION_ARN, OSS_INVENTORY_SCHEMA, OSS_ROLE_ARN } from "./ossInventorySchema";

/** Regions where the time, size and storage-class filters work (seed 004: Qingdao, Hohhot, Frankfurt). */
export const OSS_ADVANCED_FILTER_REGIONS = ["cn-qingdao", "cn-huhehaote", "eu-central-1"];
const ADVANCED_FILTERS = ["LastModifyBeginTimeStamp", "LastModifyEndTimeStamp", "LowerSizeBound", "UpperSizeBound", "StorageClass"];

/** InvalidArgument with OSS's EC where VENDORS.md §3/§4 names one (ECs are not invented here). */
function ossInvalid(message: string, ec: string | undefined, name?: string, value?: string): FakeError {
  const error = invalidArgument(message, name, value);
  return new FakeError(error.status, error.code, error.message, ec ? { ...error.details, EC: ec } : error.details);
}

export const OSS_INVENTORY_RULES: InventoryRules = {
  idParam: "inventoryId",
  schema: OSS_INVENTORY_SCHEMA,
  limit: 1000,
  paginated: true,
  listRoot: "ListInventoryConfigurationsResult",
  listPaging: true,
  notFound: (id) => new FakeError(404, "NoSuchInventory", `The inventory "${id}" does not exist.`),
  tooMany: (limit) => new FakeError(400, "InventoryExceedLimit", `A bucket can have at most ${limit} inventory configurations.`),
  alreadyExists: (id) =>
    new FakeError(409, "InventoryAlreadyExist", `The inventory specified by the Id node "${id}" already exists.`, { EC: "0020-00000042" }),
  idMismatch: (queryId, bodyId) =>
    ossInvalid(`The inventoryId query parameter "${queryId}" must equal the Id node "${bodyId ?? ""}".`, "0020-00000043", "inventoryId", queryId),
  missingId: () => ossInvalid("The inventoryId query parameter is required.", "0020-00000002", "inventoryId"),
  schemaError: (v) =>
    v.kind === "structure"
      ? malformedXml(`${v.path}: ${v.rule}`)
      : ossInvalid(`${v.path} "${v.value}": ${v.rule}`, v.path.endsWith("/Field") ? "0020-00000036" : undefined, v.path, v.value),
  // Seed 004 (PutBucketInventory) limits the Id to 192 characters and sets no character rule.
  checkId: (id) =>
    [...id].length >= 1 && [...id].length <= 192
      ? undefined
      : ossInvalid(`Id "${id.slice(0, 40)}": must be 1-192 characters.`, undefined, "Id", id),
  validate: validateOssInventory,
  runSpec: (config) => ({
    destinationBucket: destinationName(textAt(config, "Destination", "OSSBucketDestination", "Bucket") ?? ""),
    config: {
      id: textAt(config, "Id") ?? "",
      destinationPrefix: textAt(config, "Destination", "OSSBucketDestination", "Prefix"),
      format: "CSV",
      includedObjectVersions: textAt(config, "IncludedObjectVersions") === "All" ? "All" : "Current",
      optionalFields: listAt(config, "OptionalFields", "Field"),
      filter: runFilter(config),
    },
  }),
};

function validateOssInventory(config: ConfigNode, ctx: BucketContext): ConfigNode {
  const dest = nodeAt(config, "Destination", "OSSBucketDestination") ?? {};
  const bucketArn = textAt(dest, "Bucket") ?? "";
  if (!OSS_DESTINATION_ARN.test(bucketArn)) {
    throw ossInvalid(`Destination Bucket "${bucketArn}": must be acs:oss:::<bucket-name>.`, "0020-00000030", "Bucket", bucketArn);
  }
  const roleArn = textAt(dest, "RoleArn") ?? "";
  if (!OSS_ROLE_ARN.test(roleArn)) {
    throw ossInvalid(`RoleArn "${roleArn}": must be acs:ram::<uid>:role/<role-name>.`, undefined, "RoleArn", roleArn);
  }
  const encryption = nodeAt(dest, "Encryption");
  // An empty <Encryption/> is what ali-oss sends when none is asked for: accepted, and kept as sent.
  if (encryption && Object.keys(encryption).length > 1) {
    throw ossInvalid("Encryption must hold one of SSE-OSS and SSE-KMS, not both.", undefined, "Encryption");
  }
  checkFilter(nodeAt(config, "Filter"), ctx);
  checkIncremental(config, ctx);
  checkDestination(ctx, destinationName(bucketArn), textAt(dest, "AccountId"), {
    sameAccount: true,
    refuse: (message, value) => ossInvalid(message, "0020-00000033", "Destination", value),
  });
  return config;
}

function checkFilter(filter: ConfigNode | undefined, ctx: BucketContext): void {
  if (!filter) return;
  const used = ADVANCED_FILTERS.filter((name) => name in filter);
  if (used.length > 0 && !OSS_ADVANCED_FILTER_REGIONS.includes(ctx.bucket.region)) {
    throw ossInvalid(
      `Filter ${used.join(", ")}: only supported in regions ${OSS_ADVANCED_FILTER_REGIONS.join(", ")}, not ${ctx.bucket.region}.`,
      undefined,
      used[0],
    );
  }
  const pair = (low: string, high: string) => {
    const a = textAt(filter, low);
    const b = textAt(filter, high);
    if (a !== undefined && b !== undefined && Number(a) > Number(b)) {
      throw ossInvalid(`Filter ${low} ${a} must not be greater than ${high} ${b}.`, undefined, low, a);
    }
  };
  pair("LastModifyBeginTimeStamp", "LastModifyEndTimeStamp");
  pair("LowerSizeBound", "UpperSizeBound");
}

/** Seed 004: only in the Mexico region (na-south-1), and allow-listed: refused with 403 otherwise. */
export const OSS_INCREMENTAL_REGIONS = ["na-south-1"];

function checkIncremental(config: ConfigNode, ctx: BucketContext): void {
  if (!("IncrementalInventory" in config)) return;
  const offered = OSS_INCREMENTAL_REGIONS.includes(ctx.bucket.region);
  if (!offered || !ctx.account.incrementalInventory) throw accessDenied("Incremental Inventory is disabled.");
}

function destinationName(arn: string): string {
  return arn.replace(/^acs:oss:::/, "");
}

function runFilter(config: ConfigNode) {
  const f = nodeAt(config, "Filter");
  if (!f) return undefined;
  const num = (name: string) => (textAt(f, name) !== undefined ? Number(textAt(f, name)) : undefined);
  const classes = textAt(f, "StorageClass");
  return {
    prefix: textAt(f, "Prefix"),
    lastModifyBeginTimeStamp: num("LastModifyBeginTimeStamp"),
    lastModifyEndTimeStamp: num("LastModifyEndTimeStamp"),
    lowerSizeBound: num("LowerSizeBound"),
    upperSizeBound: num("UpperSizeBound"),
    storageClasses: classes !== undefined ? classes.split(",").map((s) => s.trim()) : undefined,
  };
}
