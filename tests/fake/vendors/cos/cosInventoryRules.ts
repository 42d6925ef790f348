import { FakeError, invalidArgument, malformedXml } from "../../errors";
import { checkDestination } from "../destinationCheck";
import type { InventoryRules } from "../inventoryRules";
import { booleanValue, listAt, nodeAt, oneOf, textAt, type ConfigNode, type ElementSpec } from "../inventorySchema";
import type { BucketContext } from "../vendorDialect";

/**
 * Seed 001's Field values. Newer COS pages also show Tag, Crc64 and x-cos-meta-*; the seed wins, and the provider
 * keeps to the same list (tests/fake/README.md, "Seed choices").
 */
export const COS_OPTIONAL_FIELDS = [
  "Size", "LastModifiedDate", "StorageClass", "ETag", "IsMultipartUploaded", "ReplicationStatus",
] as const;

/** Seed 001's id: "Valid characters: a-z, A-Z, 0-9, -, _, .", and no length (none documented anywhere). */
const COS_ID = /^[A-Za-z0-9._-]+$/;

/** Seed 001's InventoryConfiguration: Filter holds Prefix only (no And, no Period). */
export const COS_INVENTORY_SCHEMA: ElementSpec = {
  name: "InventoryConfiguration",
  children: [
    { name: "Id", required: true },
    { name: "IsEnabled", required: true, ...booleanValue(["true", "false", "True", "False"]) },
    {
      name: "Destination",
      required: true,
      children: [
        {
          name: "COSBucketDestination",
          required: true,
          children: [
            { name: "Format", required: true, check: oneOf(["CSV"]) },
            { name: "AccountId", check: (v) => (/^\d+$/.test(v) ? undefined : "must be the owner UIN (digits)") },
            { name: "Bucket", required: true },
            { name: "Prefix" },
            { name: "Encryption", children: [{ name: "SSE-COS", children: [] }] },
          ],
        },
      ],
    },
    { name: "Schedule", required: true, children: [{ name: "Frequency", required: true, check: oneOf(["Daily", "Weekly"]) }] },
    { name: "Filter", children: [{ name: "Prefix" }] },
    { name: "IncludedObjectVersions", required: true, check: oneOf(["All", "Current"]) },
    { name: "OptionalFields", children: [{ name: "Field", repeat: true, check: oneOf(COS_OPTIONAL_FIELDS) }] },
  ],
};

const BUCKET_ARN = /^qcs::cos:([a-z0-9-]+)::([a-z0-9][a-z0-9-]*-\d+)$/;

/**
 * Tencent COS (seed 001): 1,000 per bucket (TooManyConfigurations), a put overwrites ("create/edit"), destination
 * `qcs::cos:<region>::<bucket-appid>` in the source's region, any account, but a stated AccountId must be the
 * destination's owner. COS appends "/" to a destination prefix that lacks it (as terraform-tencentcloud observed).
 * The not-found code is not documented anywhere we could find: the fake answers 404 NoSuchInventoryConfiguration.
 * The id length is not documented either, so none is imposed (docs/vendor-facts.md).
 */
export const COS_INVENTORY_RULES: InventoryRules = {
  idParam: "id",
  schema: COS_INVENTORY_SCHEMA,
  limit: 1000,
  paginated: true,
  listRoot: "ListInventoryConfigurationResult",
  listPaging: true,
  notFound: (id) => new FakeError(404, "NoSuchInventoryConfiguration", `The inventory configuration "${id}" does not exist.`),
  tooMany: (limit) => new FakeError(400, "TooManyConfigurations", `The number of inventories has reached the upper limit of ${limit}.`),
  idMismatch: (queryId, bodyId) =>
    invalidArgument(`The id parameter "${queryId}" must equal the Id element "${bodyId ?? ""}".`, "id", queryId),
  missingId: () => invalidArgument("The id parameter is required.", "id"),
  schemaError: (v) =>
    v.kind === "structure" ? malformedXml(`${v.path}: ${v.rule}`) : invalidArgument(`${v.path} "${v.value}": ${v.rule}`, v.path, v.value),
  checkId: (id) => (COS_ID.test(id) ? undefined : invalidArgument(`Id "${id}": valid characters are a-z, A-Z, 0-9, -, _ and .`, "id", id)),
  validate: validateCosInventory,
  runSpec: (config) => ({
    destinationBucket: BUCKET_ARN.exec(textAt(config, "Destination", "COSBucketDestination", "Bucket") ?? "")?.[2] ?? "",
    config: {
      id: textAt(config, "Id") ?? "",
      destinationPrefix: textAt(config, "Destination", "COSBucketDestination", "Prefix"),
      format: "CSV",
      includedObjectVersions: textAt(config, "IncludedObjectVersions") === "All" ? "All" : "Current",
      optionalFields: listAt(config, "OptionalFields", "Field"),
      filter: runFilter(config),
    },
  }),
};

function validateCosInventory(config: ConfigNode, ctx: BucketContext): ConfigNode {
  const dest = nodeAt(config, "Destination", "COSBucketDestination") ?? {};
  const arn = textAt(dest, "Bucket") ?? "";
  const match = BUCKET_ARN.exec(arn);
  if (!match) throw invalidArgument(`Destination Bucket "${arn}": must be qcs::cos:<region>::<bucketname-appid>.`, "Bucket", arn);
  const found = checkDestination(ctx, match[2], textAt(dest, "AccountId"), {
    sameAccount: false,
    refuse: (message, value) => invalidArgument(message, "Destination", value),
  });
  if (match[1] !== found.region) {
    throw invalidArgument(`Destination Bucket "${arn}" names region ${match[1]}, but the bucket is in ${found.region}.`, "Bucket", arn);
  }
  const prefix = textAt(dest, "Prefix");
  if (prefix === undefined || prefix === "" || prefix.endsWith("/")) return config;
  const destination = { ...dest, Prefix: `${prefix}/` };
  return { ...config, Destination: { COSBucketDestination: destination } };
}

function runFilter(config: ConfigNode) {
  const filter = nodeAt(config, "Filter");
  if (!filter) return undefined;
  return { prefix: textAt(filter, "Prefix") };
}
