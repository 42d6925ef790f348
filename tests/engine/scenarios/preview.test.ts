/**
 * `pulumi preview` as the engine runs it against the real dynamic provider host and the fake cloud: Check (and
 * Diff for existing resources) only, never Create. What a reviewer sees on a pull request: the planned fields,
 * and every mistake the provider can find before anything is applied, with its exact text.
 */
import type { Vendor } from "../../../provider/model/inventoryConfig";
import type { CheckFailure } from "../harness/providerHost";
import { UNKNOWN } from "../harness/propertyValues";
import type { OperationResult } from "../harness/steps";
import { useScenarioStack } from "./scenarioStack";
import { SETUPS, VENDOR_LIST, inventoryArgs, mainAccount, seedAccounts, vendorInventoryXml } from "./vendorCases";

const s = useScenarioStack();

function nothingWritten(): void {
  const writes = s.fake.admin.requests().filter((r) => r.method !== "GET" && r.method !== "HEAD");
  expect(writes).toEqual([]);
}

function methods(result: OperationResult): string[] {
  return result.calls.map((c) => c.method);
}

/**
 * Previews one resource per vendor (different vendors never share a bucket, so they cannot affect one another)
 * and returns each one's check failures; nothing may be written.
 */
async function failuresPerVendor(vendors: readonly Vendor[], overrides: (vendor: Vendor) => Record<string, unknown>) {
  const resources = vendors.map((v) => ({ name: `${v}-inv`, args: inventoryArgs(v, s.fake.url, overrides(v)) }));
  // Every resource checked, for their texts side by side (the engine would stop at the first failure: tests/cli).
  const result = await s.engine.preview(s.program(...resources), { checkEveryResource: true });
  expect(methods(result).filter((m) => m !== "Check")).toEqual(["Configure"]);
  nothingWritten();
  return Object.fromEntries(result.steps.map((step) => [step.name.split("-")[0], step.failures])) as Record<Vendor, CheckFailure[]>;
}

test("preview of a new stack: check passes on all four vendors, nothing is created, the plan lists each field", async () => {
  const resources = VENDOR_LIST.map((v) => ({ name: `${v}-daily`, args: inventoryArgs(v, s.fake.url) }));
  // S3 written the short way: ARN spelling, defaults left out; the plan shows them filled in and canonical.
  resources[VENDOR_LIST.indexOf("s3")].args = inventoryArgs("s3", s.fake.url, {
    enabled: undefined, includedObjectVersions: undefined, destination: { bucket: "arn:aws:s3:::reports", format: undefined },
  });
  const result = await s.engine.preview(s.program(...resources));
  expect(result.ok).toBe(true);
  expect(methods(result)).toEqual(["Configure", "Check", "Check", "Check", "Check"]);
  expect(result.steps.map((step) => [step.name, step.op, step.failures]).sort()).toEqual(VENDOR_LIST.map((v) => [`${v}-daily`, "create", []]).sort());
  const planned = (name: string) => result.steps.find((step) => step.name === name)!.changes;
  expect(planned("oss-daily")).toEqual([
    { path: "bucket", kind: "add", after: "photos" },
    {
      path: "destination",
      kind: "add",
      after: { accountId: "1000000000000001", bucket: "reports", format: "CSV", prefix: "inventory/", roleArn: "acs:ram::1000000000000001:role/AliyunOSSRole" },
    },
    { path: "enabled", kind: "add", after: true },
    { path: "endpoint", kind: "add", after: s.fake.url },
    { path: "includedObjectVersions", kind: "add", after: "Current" },
    { path: "inventoryId", kind: "add", after: "daily" },
    { path: "optionalFields", kind: "add", after: ["Size", "LastModifiedDate"] },
    { path: "region", kind: "add", after: "cn-hangzhou" },
    { path: "schedule", kind: "add", after: { frequency: "Daily" } },
    { path: "vendor", kind: "add", after: "oss" },
  ]);
  const s3 = Object.fromEntries(planned("s3-daily").map((c) => [c.path, c.after]));
  expect(s3).toMatchObject({ enabled: true, includedObjectVersions: "Current", destination: { bucket: "reports", format: "CSV", prefix: "inventory/" } });
  nothingWritten();
  expect(s.engine.state.resources).toEqual([]);
});

test("unknown values at preview reach Check as the sentinel, never fail it, and are planned as unknown", async () => {
  const unknown = { $unknown: true };
  const resources = VENDOR_LIST.map((v) => ({
    name: `${v}-later`,
    args: inventoryArgs(v, s.fake.url, { destination: { bucket: unknown }, inventoryId: unknown, optionalFields: unknown }),
  }));
  const result = await s.engine.preview(s.program(...resources));
  expect(result.ok).toBe(true);
  for (const step of result.steps) {
    expect(step.failures).toEqual([]);
    expect(step.changes).toContainEqual({ path: "inventoryId", kind: "add", after: UNKNOWN });
  }
  nothingWritten();
});

describe("preview catches mistakes before anything is applied", () => {
  const REGIONS: Record<Vendor, string> = { oss: "cn-beijing", cos: "ap-beijing", obs: "cn-east-3", s3: "eu-west-1" };
  const LABEL: Record<Vendor, string> = { oss: "OSS", cos: "COS", obs: "OBS", s3: "S3" };

  test("destination bucket in another region, on every vendor", async () => {
    const failures = await failuresPerVendor(VENDOR_LIST, (v) => ({ destination: { bucket: SETUPS[v].otherRegionDestination } }));
    for (const vendor of VENDOR_LIST) {
      const setup = SETUPS[vendor];
      expect(failures[vendor]).toEqual([
        {
          property: "destination.bucket",
          reason: `"${setup.otherRegionDestination}" is in ${REGIONS[vendor]}, source "${setup.source}" is in ${setup.region}; ${LABEL[vendor]} requires the same region`,
        },
      ]);
    }
  });

  test("destination bucket in another account: OSS and OBS refuse it; COS and S3 accept it, but a stated accountId must be its owner", async () => {
    const partner = (v: Vendor) => seedAccounts.filter((a) => a.vendor === v)[1].accountId;
    const other = (v: Vendor, overrides: Record<string, unknown> = {}) => ({ destination: { bucket: SETUPS[v].otherAccountDestination, ...overrides } });
    const resources = [
      { name: "oss-partner", args: inventoryArgs("oss", s.fake.url, other("oss")) },
      { name: "obs-partner", args: inventoryArgs("obs", s.fake.url, other("obs")) },
      ...(["cos", "s3"] as const).flatMap((v) => [
        { name: `${v}-owner-stated`, args: inventoryArgs(v, s.fake.url, other(v, { accountId: partner(v) })) },
        { name: `${v}-wrong-owner`, args: inventoryArgs(v, s.fake.url, { inventoryId: "wrong", ...other(v, { accountId: mainAccount(v).accountId }) }) },
      ]),
    ];
    const result = await s.engine.preview(s.program(...resources), { checkEveryResource: true });
    nothingWritten();
    const failures = (name: string) => result.steps.find((step) => step.name === name)!.failures;
    for (const vendor of ["oss", "obs"] as const) {
      const setup = SETUPS[vendor];
      expect(failures(`${vendor}-partner`)).toContainEqual({
        property: "destination.bucket",
        reason: `"${setup.otherAccountDestination}" is not in the account of source "${setup.source}": its look-up with the source's credentials was refused (AccessDenied); ${LABEL[vendor]} requires the same account`,
      });
    }
    expect(failures("oss-partner")).toContainEqual({
      property: "destination.accountId",
      reason: `"1000000000000001" does not own "partner-reports": that account owns source "photos" and was refused a look-up of "partner-reports" (AccessDenied); OSS requires the destination owner's account id`,
    });
    for (const vendor of ["cos", "s3"] as const) {
      expect(failures(`${vendor}-owner-stated`)).toEqual([]);
      const { source, otherAccountDestination: partnerBucket } = SETUPS[vendor];
      expect(failures(`${vendor}-wrong-owner`)).toEqual([
        {
          property: "destination.accountId",
          reason:
            `"${mainAccount(vendor).accountId}" does not own "${partnerBucket}": that account owns source "${source}" and was refused a look-up ` +
            `of "${partnerBucket}" (AccessDenied); ${LABEL[vendor]} requires the destination owner's account id`,
        },
      ]);
    }
  });

  test("over the per-bucket limit, counting the configurations already on the bucket, on every vendor", async () => {
    const LIMIT: Record<Vendor, number> = { oss: 1000, cos: 1000, obs: 10, s3: 1000 };
    for (const vendor of VENDOR_LIST) {
      for (let i = 0; i < LIMIT[vendor]; i++) {
        const id = `existing-${String(i).padStart(4, "0")}`;
        s.fake.admin.putInventoryXml(vendor, SETUPS[vendor].source, id, vendorInventoryXml(vendor, id, { filterPrefix: `p${i}/` }));
      }
    }
    const failures = await failuresPerVendor(VENDOR_LIST, () => ({ filter: { prefix: "new/" } }));
    for (const vendor of VENDOR_LIST) {
      const limit = LIMIT[vendor];
      expect(failures[vendor]).toEqual([
        {
          property: "inventoryId",
          reason:
            `"daily" would make ${limit + 1} inventory configurations on bucket "${SETUPS[vendor].source}" ` +
            `(${limit} exist, 1 added by this deployment); ${LABEL[vendor]} allows at most ${limit} per bucket`,
        },
      ]);
    }
  });

  test("obs: a prefix that contains or is contained in an existing inventory's prefix", async () => {
    s.fake.admin.putInventoryXml("obs", "photos", "logs", vendorInventoryXml("obs", "logs", { filterPrefix: "logs/" }));
    const failures = await failuresPerVendor(["obs"], () => ({ filter: { prefix: "logs/2024/" } }));
    expect(failures.obs).toEqual([
      {
        property: "filter.prefix",
        reason: `"logs/2024/" overlaps inventory "logs" on bucket "photos", whose prefix is "logs/"; OBS does not allow one inventory's prefix to contain another's`,
      },
    ]);
  });

  test("a field the vendor does not have, on every vendor", async () => {
    const failures = await failuresPerVendor(VENDOR_LIST, (v) => {
      const { args } = SETUPS[v].foreignField;
      return { ...args, filter: { prefix: "foreign/", ...(args.filter as object) } };
    });
    expect(failures).toEqual({
      oss: [{ property: "destination.encryption", reason: "sseS3 is not available on OSS; use { sseOss: {} } or { sseKms: { keyId } }" }],
      cos: [{ property: "incrementalInventory", reason: "COS has no incremental inventory (OSS only); remove incrementalInventory" }],
      obs: [{ property: "destination.encryption", reason: "OBS has no inventory report encryption setting; remove destination.encryption" }],
      s3: [{ property: "filter.lowerSizeBound", reason: "S3 has no size filter; remove filter.lowerSizeBound" }],
    });
  });
});
