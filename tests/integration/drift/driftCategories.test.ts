/**
 * `bucket-inventory drift` against the fake cloud, per vendor: every category (in sync, drifted field by field,
 * gone, unmanaged, breaking a preview rule), what a spelling difference is not, and what an in-sync scan costs.
 */
import type { Vendor } from "../../../provider/model/inventoryConfig";
import { normalizeConfig } from "../../../provider/model/normalize";
import { configOf, normalizeArgs } from "../../../provider/resource/resourceArgs";
import seed from "../../fake/defaultSeed.json";
import { refOf, startHarness, VENDOR_LIST, type Harness } from "../resource/fakeCloudSetup";
import { configFor, declaredArgs, drift, manage, putLive, stackExport } from "./support/driftSetup";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());
beforeEach(async () => {
  h.fake.admin.loadSeed(seed); // some tests take buckets away
  await h.renewProvider();
});

/** The same destination written the way each vendor's ARN spells it. */
const ARN: Record<Vendor, string> = {
  oss: "acs:oss:::reports",
  cos: "qcs::cos:ap-guangzhou::reports-1250000000",
  obs: "reports",
  s3: "arn:aws:s3:::reports",
};
/** A same-account destination in another region. */
const ELSEWHERE: Record<Vendor, [string, string]> = {
  oss: ["reports-beijing", "cn-beijing"],
  cos: ["reports-bj-1250000000", "ap-beijing"],
  obs: ["reports-shanghai", "cn-east-3"],
  s3: ["reports-eu", "eu-west-1"],
};

describe.each(VENDOR_LIST)("drift on %s", (vendor) => {
  it("reports in sync, drifted (only real changes), gone and unmanaged, and rule breaks of live configurations", async () => {
    const a = await manage(h, vendor, "inv-a", { inventoryId: "a", "filter.prefix": "a/" });
    const b = await manage(h, vendor, "inv-b", { inventoryId: "b", "filter.prefix": "b/" });
    const c = await manage(h, vendor, "inv-c", { inventoryId: "c", "filter.prefix": "c/" });
    // The state spells a's configuration differently: same meaning, so no drift.
    const dest = a.outputs.destination as Record<string, unknown>;
    a.outputs = { ...a.outputs, optionalFields: [...(a.outputs.optionalFields as string[])].reverse(), destination: { ...dest, bucket: ARN[vendor], format: String(dest.format).toLowerCase() } };
    // Behind Pulumi's back: b's report prefix moves, c is deleted, d is added with a destination in another region.
    putLive(h.fake, vendor, configFor(h, vendor, { inventoryId: "b", "filter.prefix": "b/", "destination.prefix": "moved/" }));
    h.fake.admin.deleteInventory(vendor, refOf(h.fake, vendor).bucket, "c");
    const d = configFor(h, vendor, { inventoryId: "d", "filter.prefix": "d/", "destination.bucket": ELSEWHERE[vendor][0] });
    putLive(h.fake, vendor, d);

    const { code, report, err } = await drift(["--json"], { stdin: stackExport([a, b, c]) });
    expect(err).toBe("");
    expect(code).toBe(2);
    expect(report.status).toBe("drift");
    const [bucket] = report.buckets;
    expect(report.buckets).toHaveLength(1);
    expect(bucket).toMatchObject({ vendor, bucket: refOf(h.fake, vendor).bucket, endpoint: h.fake.url, managed: true, status: "scanned", error: null });
    const byId = Object.fromEntries(bucket.configurations.map((x) => [x.inventoryId, x]));
    expect(Object.keys(byId)).toEqual(["a", "b", "c", "d"]);
    expect(byId.a).toMatchObject({ status: "in-sync", changes: [], ruleFailures: [], resource: { name: "inv-a" } });
    expect(byId.b).toMatchObject({ status: "drifted", changes: [{ path: "destination.prefix", state: "inventory/", live: "moved/" }], ruleFailures: [] });
    expect(byId.c).toMatchObject({ status: "gone", resource: { name: "inv-c" } });
    expect(byId.d).toMatchObject({ status: "unmanaged", resource: null });
    const [elsewhere, region] = ELSEWHERE[vendor];
    expect(byId.d.ruleFailures).toEqual([
      { property: "destination.bucket", reason: expect.stringMatching(new RegExp(`^"${elsewhere}" is in ${region}, source ".+" is in .+; \\w+ requires the same region$`)) },
    ]);
    expect(report.summary).toMatchObject({ buckets: 1, configurations: 4, inSync: 1, drifted: 1, gone: 1, unmanaged: 1, breaksRules: 1, bucketErrors: 0 });

    // The declaration for d, fed back through the provider's normalize, means exactly what is live.
    const declared = declaredArgs(report.declarations!);
    // The endpoint is stack config's to give (the stack's provider has it), said in a comment, not baked in.
    expect(declared.map((x) => [x.inventoryId, x.adopt, x.endpoint])).toEqual([["d", true, undefined]]);
    expect(report.declarations).toContain(`pulumi config set bucket-inventory:endpoint ${h.fake.url}`);
    expect(normalizeConfig(vendor, configOf(normalizeArgs(declared[0])))).toEqual(normalizeConfig(vendor, d));
  });

  it("is in sync with exit 0 right after up, and an in-sync scan costs one list per page and nothing per configuration", async () => {
    const one = [await manage(h, vendor, "inv-0", { inventoryId: "i0", "filter.prefix": "p0/" })];
    h.fake.admin.clearRequests();
    const small = await drift(["--json"], { stdin: stackExport(one) });
    expect(small.code).toBe(0);
    const smallOps = h.fake.admin.requests().map((r) => r.operation);

    const many = [...one];
    for (let i = 1; i < 8; i++) many.push(await manage(h, vendor, `inv-${i}`, { inventoryId: `i${i}`, "filter.prefix": `p${i}/` }));
    h.fake.admin.clearRequests();
    const large = await drift(["--json"], { stdin: stackExport(many) });
    expect(large.code).toBe(0);
    expect(large.report.summary).toMatchObject({ configurations: 8, inSync: 8 });
    const ops = h.fake.admin.requests().map((r) => r.operation);
    expect(ops.filter((o) => o === "ListInventory")).toHaveLength(1);
    expect(ops.filter((o) => o === "GetInventory")).toHaveLength(0);
    // Eight configurations cost what one does: the look-ups are per bucket, cached.
    expect(ops.sort()).toEqual(smallOps.sort());
    expect(large.report.summary.requests).toBe(ops.length);
  });
});

describe("drift: rules", () => {
  it("reports OBS prefix overlap and the limit of 10 on live configurations", async () => {
    const managed = [await manage(h, "obs", "images", { inventoryId: "images", "filter.prefix": "images/" })];
    putLive(h.fake, "obs", configFor(h, "obs", { inventoryId: "thumbs", "filter.prefix": "images/thumbs/" }));
    for (let i = 0; i < 9; i++) putLive(h.fake, "obs", configFor(h, "obs", { inventoryId: `x${i}`, "filter.prefix": `x${i}/` }));
    const { code, report } = await drift(["--json"], { stdin: stackExport(managed) });
    expect(code).toBe(2);
    const byId = Object.fromEntries(report.buckets[0].configurations.map((x) => [x.inventoryId, x]));
    expect(byId.images.status).toBe("in-sync");
    expect(byId.images.ruleFailures.map((f) => `${f.property}: ${f.reason}`)).toEqual([
      'inventoryId: "images" would make 11 inventory configurations on bucket "photos" (11 exist, 0 added by this deployment); OBS allows at most 10 per bucket',
      'filter.prefix: "images/" overlaps inventory "thumbs" on bucket "photos", whose prefix is "images/thumbs/"; OBS does not allow one inventory\'s prefix to contain another\'s',
    ]);
    expect(byId.thumbs.ruleFailures.map((f) => f.property)).toEqual(["inventoryId", "filter.prefix"]);
    expect(byId.x0.ruleFailures.map((f) => f.property)).toEqual(["inventoryId"]);
    expect(report.summary).toMatchObject({ inSync: 0, unmanaged: 10, breaksRules: 11 });
  });

  it("reports a destination now in another account", async () => {
    const oss = await manage(h, "oss", "oss-daily");
    putLive(h.fake, "oss", configFor(h, "oss", { "destination.bucket": "partner-reports" }));
    const { code, report } = await drift(["--json"], { stdin: stackExport([oss]) });
    expect(code).toBe(2);
    const [entry] = report.buckets[0].configurations;
    expect(entry).toMatchObject({ status: "drifted", changes: [{ path: "destination.bucket", state: "reports", live: "partner-reports" }] });
    expect(entry.ruleFailures).toEqual([
      {
        property: "destination.bucket",
        reason: '"partner-reports" is not in the account of source "photos": its look-up with the source\'s credentials was refused (AccessDenied); OSS requires the same account',
      },
      {
        property: "destination.accountId",
        reason:
          '"1000000000000001" does not own "partner-reports": that account owns source "photos" and was refused a look-up of "partner-reports" (AccessDenied); ' +
          "OSS requires the destination owner's account id",
      },
    ]);
  });

  it("reports a destination bucket that no longer exists, on a configuration otherwise in sync", async () => {
    const s3 = await manage(h, "s3", "s3-daily");
    h.fake.admin.loadSeed({ ...seed, buckets: seed.buckets.filter((b) => !(b.vendor === "s3" && b.name === "reports")) });
    putLive(h.fake, "s3", configOf(normalizeArgs(s3.inputs)));
    const { code, out } = await drift([], { stdin: stackExport([s3]) });
    expect(code).toBe(2);
    expect(out).toMatch(/s3:us-east-1:photos {2}daily {6}breaks rules {2}breaks a preview rule: destination.bucket: "reports" does not exist: this inventory's reports have nowhere to go\n/);
  });
});
