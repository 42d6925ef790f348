import type { Vendor } from "../seed";
import { COS_DIALECT } from "./cos/cosDialect";
import { OBS_DIALECT } from "./obs/obsDialect";
import { OSS_DIALECT } from "./oss/ossDialect";
import { S3_DIALECT } from "./s3/s3Dialect";
import type { VendorDialect } from "./vendorDialect";

const DIALECTS: Record<Vendor, VendorDialect> = { oss: OSS_DIALECT, cos: COS_DIALECT, obs: OBS_DIALECT, s3: S3_DIALECT };

export function dialectFor(vendor: Vendor): VendorDialect {
  return DIALECTS[vendor];
}
