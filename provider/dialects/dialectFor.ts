import { InputError } from "../errors";
import { VENDORS, type Vendor } from "../model/inventoryConfig";
import { cosDialect } from "./cos/cosDialect";
import type { Dialect } from "./dialect";
import { obsDialect } from "./obs/obsDialect";
import { ossDialect } from "./oss/ossDialect";
import { s3Dialect } from "./s3/s3Dialect";

export const DIALECTS: Readonly<Record<Vendor, Dialect>> = { oss: ossDialect, cos: cosDialect, obs: obsDialect, s3: s3Dialect };

export function dialectFor(vendor: Vendor): Dialect {
  const dialect = DIALECTS[vendor];
  if (!dialect) throw new InputError("vendor", `"${String(vendor)}" is not one of ${VENDORS.join(", ")}`);
  return dialect;
}
