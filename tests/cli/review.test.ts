/**
 * Scenario 3, review under the real CLI: each kind of mistake preview can find (destination region and account,
 * the per-bucket limit, a field the vendor does not have, OBS prefix overlap, a malformed id, an id the bucket
 * already has) makes `pulumi preview` fail; the CLI's own output names the resource and the property and carries
 * our reason; the fake's request log shows that nothing was written. And what the engine does with several
 * mistaken resources: it stops at the first resource whose Check fails, so a reviewer sees that resource's
 * failures (all of them) and no other resource's.
 */
import { CommandError } from "@pulumi/pulumi/automation";
import type { Vendor } from "../../provider/model/inventoryConfig";
import { inventoryArgs, SETUPS, vendorInventoryXml } from "../engine/scenarios/vendorCases";
import { useCliStack, type Declared } from "./support/cliStack";
import { EngineEvents } from "./support/engineEvents";
import { describeWithPulumiCli } from "./support/pulumiCli";

interface Mistake {
  kind: string;
  resource: Declared;
  /** Configurations made outside the stack first: [vendor, bucket, id, prefix]. */
  existing?: [Vendor, string, string, string][];
  property: string;
  reason: string;
}

const OBS_FULL: [Vendor, string, string, string][] = Array.from({ length: 10 }, (_, i) => ["obs", "photos", `other-${i}`, `p${i}/`]);

function mistakes(url: string): Mistake[] {
  const make = (name: string, vendor: Vendor, overrides: Record<string, unknown>): Declared => ({ name, args: inventoryArgs(vendor, url, overrides) });
  return [
    {
      kind: "destination in another region", resource: make("oss-to-beijing", "oss", { destination: { bucket: SETUPS.oss.otherRegionDestination } }),
      property: "destination.bucket", reason: '"reports-beijing" is in cn-beijing, source "photos" is in cn-hangzhou; OSS requires the same region',
    },
    {
      kind: "destination of another account", resource: make("obs-to-partner", "obs", { destination: { bucket: SETUPS.obs.otherAccountDestination } }),
      property: "destination.bucket",
      reason: `"partner-reports" is not in the account of source "photos": its look-up with the source's credentials was refused (AccessDenied); OBS requires the same account`,
    },
    {
      kind: "over the per-bucket limit", resource: make("obs-eleventh", "obs", { filter: { prefix: "q/" } }), existing: OBS_FULL,
      property: "inventoryId", reason: '"daily" would make 11 inventory configurations on bucket "photos" (10 exist, 1 added by this deployment); OBS allows at most 10 per bucket',
    },
    {
      kind: "a field the vendor does not have", resource: make("s3-size-filter", "s3", { filter: { prefix: "logs/", lowerSizeBound: 1024 } }),
      property: "filter.lowerSizeBound", reason: "S3 has no size filter; remove filter.lowerSizeBound",
    },
    {
      kind: "OBS prefix overlap", resource: make("obs-overlap", "obs", { filter: { prefix: "logs/2024/" } }), existing: [["obs", "photos", "logs", "logs/"]],
      property: "filter.prefix", reason: '"logs/2024/" overlaps inventory "logs" on bucket "photos", whose prefix is "logs/"; OBS does not allow one inventory\'s prefix to contain another\'s',
    },
    {
      kind: "a malformed id", resource: make("s3-bad-id", "s3", { inventoryId: "daily report" }),
      property: "inventoryId", reason: `"daily report" has characters S3 does not allow; use letters, digits, '-', '.' and '_'`,
    },
    {
      kind: "an id the bucket already has", resource: make("cos-taken", "cos", {}), existing: [["cos", SETUPS.cos.source, "daily", "elsewhere/"]],
      property: "inventoryId", reason: `"daily" already exists on COS bucket "photos-1250000000" and this stack's state does not have it`,
    },
  ];
}

/** Everything the CLI printed for a failed command (Automation API puts it in the error). */
async function failedPreviewOutput(run: Promise<unknown>): Promise<string> {
  const error = await run.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(CommandError);
  return String((error as Error).message);
}

describeWithPulumiCli("review: mistakes caught by pulumi preview", (cli) => {
  const s = useCliStack(cli);

  const prepare = async (resources: Declared[], existing: Mistake["existing"] = []) => {
    s.fake.admin.reset();
    for (const [vendor, bucket, id, prefix] of existing) s.fake.admin.putInventoryXml(vendor, bucket, id, vendorInventoryXml(vendor, id, { filterPrefix: prefix }));
    s.fake.admin.clearRequests();
    await s.declare(resources);
  };

  test.each(mistakes("URL").map((m) => [m.kind, m] as const))("%s: preview fails naming the property, and nothing is written", async (_kind, template) => {
    const m = mistakes(s.fake.url).find((x) => x.kind === template.kind)!;
    await prepare([m.resource], m.existing);
    const output = await failedPreviewOutput(s.stack.preview());
    expect(output).toContain(`resource '${m.resource.name}': property ${m.property} value`);
    expect(output).toContain(m.reason);
    expect(s.writes()).toEqual([]);
  });

  test("several mistaken resources: the engine stops at the first whose Check fails, and shows all of that one's failures", async () => {
    const url = s.fake.url;
    const doubly: Declared = {
      name: "cos-doubly-wrong",
      args: inventoryArgs("cos", url, { inventoryId: "daily report", destination: { bucket: SETUPS.cos.otherRegionDestination } }),
    };
    const all = [doubly, ...mistakes(url).filter((m) => !m.existing).map((m) => m.resource)];
    await prepare(all);
    const events = new EngineEvents();
    const output = await failedPreviewOutput(s.stack.preview({ onEvent: events.record }));
    const errors = events.diagnostics("error").filter((d) => d.urn?.includes("BucketInventory"));
    const failedResources = [...new Set(errors.map((d) => d.urn!.split("::").pop()))];
    expect(failedResources).toHaveLength(1);
    expect(all.map((r) => r.name)).toContain(failedResources[0]);
    if (failedResources[0] === doubly.name) {
      // A malformed id does not hide the destination's region: both come in one preview.
      expect(output).toContain("property inventoryId value");
      expect(output).toContain('"reports-bj-1250000000" is in ap-beijing, source "photos-1250000000" is in ap-guangzhou; COS requires the same region');
    }
    expect(s.writes()).toEqual([]);
  });
});
