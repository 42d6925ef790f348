import { FakeError, invalidArgument, malformedXml } from "../../errors";
import type { StoredInventory } from "../../store";
import { checkDestination } from "../destinationCheck";
import type { InventoryRules } from "../inventoryRules";
import { booleanValue, listAt, nodeAt, oneOf, textAt, type ConfigNode, type ElementSpec } from "../inventorySchema";
import type { BucketContext } from "../vendorDialect";

export const OBS_OPTIONAL_FIELDS = [
  "Size", "LastModifiedDate", "StorageClass", "ETag", "IsMultipartUploaded", "ReplicationStatus", "EncryptionStatus",
] as const;

/** Seed 002: a flat Destination (no *BucketDestination wrapper, no AccountId, no Encryption). */
export const OBS_INVENTORY_SCHEMA: ElementSpec = {
  name: "InventoryConfiguration",
  children: [
    { name: "Id", required: true },
    { name: "IsEnabled", required: true, ...booleanValue() },
    { name: "Filter", children: [{ name: "Prefix" }] },
    {
      name: "Destination",
      required: true,
      children: [
        { name: "Format", required: true, check: oneOf(["CSV"]) },
        { name: "Bucket", required: true },
        { name: "Prefix" },
      ],
    },
    { name: "Schedule", required: true, children: [{ name: "Frequency", required: true, check: oneOf(["Daily", "Weekly"]) }] },
    { name: "IncludedObjectVersions", required: true, check: oneOf(["All", "Current"]) },
    { name: "OptionalFields", children: [{ name: "Field", repeat: true, check: oneOf(OBS_OPTIONAL_FIELDS) }] },
  ],
};

const ARN_PREFIX = "arn:aws:s3:::";

/**
 * Huawei OBS (seed 002): 10 configurations per bucket (InventoryCountOverLimit), prefixes of different rules may not
 * contain one another (PrefixExistInclusionRelationship), destination in the same account and region. A put on an
 * existing id overwrites it (the docs are silent; OBS follows S3 elsewhere). In S3-compatible mode esdk-obs-nodejs
 * sends the destination as arn:aws:s3:::name: both spellings are accepted, and stored and returned as sent.
 */
export const OBS_INVENTORY_RULES: InventoryRules = {
  idParam: "id",
  schema: OBS_INVENTORY_SCHEMA,
  limit: 10,
  paginated: false,
  listRoot: "ListInventoryConfiguration",
  listPaging: false,
  notFound: () => new FakeError(404, "NoSuchInventoryConfiguration", "No inventory configuration found matching the specified ID."),
  tooMany: (limit) => new FakeError(400, "InventoryCountOverLimit", `The number of inventories reached the upper limit of ${limit}.`),
  idMismatch: (queryId, bodyId) =>
    invalidArgument(`The id parameter "${queryId}" must be consistent with the Id element "${bodyId ?? ""}".`, "id", queryId),
  missingId: () => invalidArgument("The id parameter is required.", "id"),
  schemaError: (v) =>
    v.kind === "structure" ? malformedXml(`${v.path}: ${v.rule}`) : invalidArgument(`${v.path} "${v.value}": ${v.rule}`, v.path, v.value),
  checkId: (id) =>
    /^[A-Za-z0-9._-]{1,64}$/.test(id)
      ? undefined
      : invalidArgument(`Id "${id}": must be at most 64 letters, digits, hyphens (-), periods (.) and underscores (_).`, "id", id),
  validate: validateObsInventory,
  checkAgainst: checkPrefixOverlap,
  runSpec: (config) => ({
    destinationBucket: plainName(textAt(config, "Destination", "Bucket") ?? ""),
    config: {
      id: textAt(config, "Id") ?? "",
      destinationPrefix: textAt(config, "Destination", "Prefix"),
      format: "CSV",
      includedObjectVersions: textAt(config, "IncludedObjectVersions") === "All" ? "All" : "Current",
      optionalFields: listAt(config, "OptionalFields", "Field"),
      filter: nodeAt(config, "Filter") ? { prefix: textAt(config, "Filter", "Prefix") } : undefined,
    },
  }),
};

function plainName(named: string): string {
  return named.startsWith(ARN_PREFIX) ? named.slice(ARN_PREFIX.length) : named;
}

function validateObsInventory(config: ConfigNode, ctx: BucketContext): ConfigNode {
  const named = textAt(config, "Destination", "Bucket") ?? "";
  const name = plainName(named);
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name)) {
    throw invalidArgument(`Destination Bucket "${named}": must be a bucket name.`, "Bucket", named);
  }
  checkDestination(ctx, name, undefined, { sameAccount: true, refuse: (message, value) => invalidArgument(message, "Bucket", value) });
  return config;
}

/** A rule without a prefix covers the whole bucket; "ab" contains "abc" and is contained in "a". */
function checkPrefixOverlap(config: ConfigNode, others: StoredInventory[]): FakeError | undefined {
  const prefix = textAt(config, "Filter", "Prefix") ?? "";
  const clash = others.find((o) => {
    const other = textAt(o.config, "Filter", "Prefix") ?? "";
    return prefix.startsWith(other) || other.startsWith(prefix);
  });
  if (!clash) return undefined;
  const shown = (p: string) => (p === "" ? "the whole bucket" : `prefix "${p}"`);
  return new FakeError(
    400,
    "PrefixExistInclusionRelationship",
    `The ${shown(prefix)} of this inventory overlaps with the ${shown(textAt(clash.config, "Filter", "Prefix") ?? "")} of inventory "${clash.id}".`,
  );
}
