/**
 * A source `region` that is not where the source bucket is: preview looks the source bucket up and says so on
 * `region`, instead of stating the unverified region as fact in a destination failure.
 */
import type { Vendor } from "../../../provider/model/inventoryConfig";
import { fakeArgs, failuresText, startHarness, type Harness } from "./fakeCloudSetup";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());
beforeEach(async () => {
  h.fake.admin.reset();
  await h.renewProvider();
});

const checkFailures = async (vendor: Vendor, patch: Record<string, unknown>) =>
  failuresText((await h.provider.check({}, fakeArgs(h.fake, vendor, patch))).failures);

describe("preview: the source bucket's real region against `region`", () => {
  it.each<[Vendor, string, string, string]>([
    ["oss", "cn-beijing", "photos", "cn-hangzhou"],
    ["cos", "ap-beijing", "photos-1250000000", "ap-guangzhou"],
    ["obs", "cn-east-3", "photos", "cn-north-4"],
    ["s3", "eu-west-1", "photos", "us-east-1"],
  ])("%s: region %s for a bucket in another region is reported on region, and only there", async (vendor, region, bucket, real) => {
    expect(await checkFailures(vendor, { region })).toEqual([
      `region: "${region}" is not the region of source bucket "${bucket}": it is in ${real}; use region "${real}"`,
    ]);
  });
});
