import { FakeError, invalidArgument, malformedXml } from "../../errors";
import { checkDestination } from "../destinationCheck";
import type { InventoryRules } from "../inventoryRules";
import { listAt, nodeAt, oneOf, textAt, type ConfigNode, type ElementSpec } from "../inventorySchema";
import type { BucketContext } from "../vendorDialect";

/** botocore's InventoryOptionalField enum (16 values). */
export const S3_OPTIONAL_FIELDS = [
  "Size", "LastModifiedDate", "StorageClass", "ETag", "IsMultipartUploaded", "ReplicationStatus", "EncryptionStatus",
  "ObjectLockRetainUntilDate", "ObjectLockMode", "ObjectLockLegalHoldStatus", "IntelligentTieringAccessTier",
  "BucketKeyStatus", "ChecksumAlgorithm", "ObjectAccessControlList", "ObjectOwner", "LifecycleExpirationDate",
] as const;

/** Rendered in the AWS documentation's order; read in any order. */
export const S3_INVENTORY_SCHEMA: ElementSpec = {
  name: "InventoryConfiguration",
  children: [
    { name: "Id", required: true },
    { name: "IsEnabled", required: true, check: oneOf(["true", "false"]) },
    {
      name: "Destination",
      required: true,
      children: [
        {
          name: "S3BucketDestination",
          required: true,
          children: [
            { name: "AccountId" },
            { name: "Bucket", required: true },
            { name: "Format", required: true, check: oneOf(["CSV", "ORC", "Parquet"]) },
            { name: "Prefix" },
            { name: "Encryption", children: [{ name: "SSE-S3", children: [] }, { name: "SSE-KMS", children: [{ name: "KeyId", required: true }] }] },
          ],
        },
      ],
    },
    { name: "Schedule", required: true, children: [{ name: "Frequency", required: true, check: oneOf(["Daily", "Weekly"]) }] },
    { name: "Filter", children: [{ name: "Prefix", required: true }] },
    { name: "IncludedObjectVersions", required: true, check: oneOf(["All", "Current"]) },
    { name: "OptionalFields", children: [{ name: "Field", repeat: true, check: oneOf(S3_OPTIONAL_FIELDS) }] },
  ],
};

function invalidDestination(message: string): FakeError {
  return new FakeError(400, "InvalidS3DestinationBucket", message);
}

/**
 * S3 validates the document against its schema (any violation, enum values included, is MalformedXML), then the
 * id (IdMismatch, as AWS and LocalStack answer), then the destination ARN (InvalidS3DestinationBucket). The id rule
 * is not documented for inventory; the fake applies the documented metrics/analytics rule (1-64 letters, digits,
 * ".", "-", "_"). Cross-account destinations are accepted; a stated AccountId must name the real owner.
 */
export const S3_INVENTORY_RULES: InventoryRules = {
  idParam: "id",
  schema: S3_INVENTORY_SCHEMA,
  limit: 1000,
  paginated: true,
  listRoot: "ListInventoryConfigurationsResult",
  listPaging: true,
  notFound: () => new FakeError(404, "NoSuchConfiguration", "The specified configuration does not exist."),
  tooMany: (limit) =>
    new FakeError(
      400,
      "TooManyConfigurations",
      `You are attempting to create a new configuration but have already reached the ${limit}-configuration limit.`,
    ),
  idMismatch: () => new FakeError(400, "IdMismatch", "Document ID does not match the specified configuration ID."),
  missingId: () => invalidArgument("The id query parameter is required.", "id"),
  schemaError: (v) => malformedXml(`${v.path}${v.value !== undefined ? ` "${v.value}"` : ""}: ${v.rule}`),
  checkId: (id) =>
    /^[A-Za-z0-9._-]{1,64}$/.test(id) ? undefined : invalidArgument(`Id "${id}": must be 1-64 letters, digits, ".", "-" or "_".`, "id", id),
  validate: validateS3Inventory,
  runSpec: (config) => ({
    destinationBucket: arnBucket(textAt(config, "Destination", "S3BucketDestination", "Bucket") ?? "") ?? "",
    config: {
      id: textAt(config, "Id") ?? "",
      destinationPrefix: textAt(config, "Destination", "S3BucketDestination", "Prefix"),
      format: "CSV",
      includedObjectVersions: textAt(config, "IncludedObjectVersions") === "All" ? "All" : "Current",
      optionalFields: listAt(config, "OptionalFields", "Field"),
      filter: nodeAt(config, "Filter") ? { prefix: textAt(config, "Filter", "Prefix") } : undefined,
    },
  }),
};

function validateS3Inventory(config: ConfigNode, ctx: BucketContext): ConfigNode {
  const dest = nodeAt(config, "Destination", "S3BucketDestination") ?? {};
  const arn = textAt(dest, "Bucket") ?? "";
  if (/^arn:aws[a-z-]*:s3::[^:]+:/.test(arn)) throw invalidDestination("Bucket ARN should not specify a namespace.");
  const name = arnBucket(arn);
  if (name === undefined) throw invalidDestination(`Invalid bucket ARN "${arn}": must be arn:aws:s3:::<bucket-name>.`);
  const encryption = nodeAt(dest, "Encryption");
  if (encryption && Object.keys(encryption).length !== 1) throw malformedXml("Encryption must hold exactly one of SSE-S3 and SSE-KMS");
  const statedAccount = textAt(dest, "AccountId");
  if (statedAccount !== undefined && !/^\d{12}$/.test(statedAccount)) {
    throw invalidArgument(`AccountId "${statedAccount}": must be a 12-digit AWS account id.`, "AccountId", statedAccount);
  }
  checkDestination(ctx, name, statedAccount, { sameAccount: false, refuse: (message) => invalidDestination(message) });
  return config;
}

function arnBucket(arn: string): string | undefined {
  return /^arn:aws[a-z-]*:s3:::([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])$/.exec(arn)?.[1];
}
