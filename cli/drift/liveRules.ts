/**
 * Which preview rules a live configuration breaks now: the provider's own check, run on the configuration as the
 * service reports it, with live look-ups through the scan's cached client. So co-location (destination region and
 * account), the per-bucket limit, OBS prefix overlap and every static rule are judged exactly as `pulumi preview`
 * judges them. Every configuration on a bucket is already live, so the limit counts just those (none is "added").
 *
 * One finding preview cannot make and drift can: a destination bucket that no longer exists (preview skips it,
 * since the deployment may be about to create it; for a live configuration it means reports have nowhere to go).
 */
import type { BucketRef, InventoryConfig, Vendor } from "../../provider/model/inventoryConfig";
import { checkInventory, newLiveCheckState, type LiveCheckEnvironment } from "../../provider/resource/check";
import { quote } from "../../provider/resource/checkFailures";
import { outputsOf, type BucketInventoryInputs } from "../../provider/resource/resourceArgs";
import type { RuleFailure } from "./driftReport";
import type { ScanClient } from "./scanClient";

export class LiveRules {
  private readonly env: LiveCheckEnvironment;

  constructor(
    private readonly client: ScanClient,
    canReach: (vendor: Vendor) => boolean,
  ) {
    this.env = { clientFor: (vendor) => (canReach(vendor) ? client : undefined), ...newLiveCheckState() };
  }

  /** Rules broken now (failures) and what preview would only warn about (warnings). */
  async check(ref: BucketRef, config: InventoryConfig): Promise<{ failures: RuleFailure[]; warnings: RuleFailure[] }> {
    const identity = { vendor: ref.vendor, region: ref.region, bucket: ref.bucket, inventoryId: config.id, endpoint: ref.endpoint } as BucketInventoryInputs;
    const { resourceId, ...args } = outputsOf(identity, config);
    void resourceId;
    // Checked as its own earlier self (old inputs = itself): a live configuration is not "an id the bucket already has".
    const { failures, warnings } = await checkInventory(args, this.env, args);
    const destination = args.destination?.bucket;
    if (typeof destination === "string" && destination !== "" && this.env.clientFor(ref.vendor)) {
      const outcome = await this.client.lookUp({ ...ref, bucket: destination });
      if ("missing" in outcome) {
        failures.push({ property: "destination.bucket", reason: `${quote(destination)} does not exist: this inventory's reports have nowhere to go` });
      }
    }
    return { failures, warnings };
  }
}
