/* eslint-disable @typescript-eslint/no-require-imports -- each vendor's dialect is loaded when first asked for */
import { InputError } from "../errors";
import { VENDORS, type Vendor } from "../model/inventoryConfig";
import type { Dialect } from "./dialect";

/**
 * Each vendor's dialect module, loaded the first time that vendor is used: a stack that manages one cloud never
 * loads the other three (their XML readers, error tables and rules).
 */
const LOADERS: Record<Vendor, () => Dialect> = {
  oss: () => (require("./oss/ossDialect") as typeof import("./oss/ossDialect")).ossDialect,
  cos: () => (require("./cos/cosDialect") as typeof import("./cos/cosDialect")).cosDialect,
  obs: () => (require("./obs/obsDialect") as typeof import("./obs/obsDialect")).obsDialect,
  s3: () => (require("./s3/s3Dialect") as typeof import("./s3/s3Dialect")).s3Dialect,
};

/** Every vendor's dialect by name; each is loaded on first access. */
export const DIALECTS: Readonly<Record<Vendor, Dialect>> = Object.defineProperties(
  {},
  Object.fromEntries(VENDORS.map((v) => [v, { enumerable: true, get: LOADERS[v] }])),
) as Record<Vendor, Dialect>;

export function dialectFor(vendor: Vendor): Dialect {
  if (!Object.prototype.hasOwnProperty.call(LOADERS, vendor)) throw new InputError("vendor", `"${String(vendor)}" is not one of ${VENDORS.join(", ")}`);
  return DIALECTS[vendor];
}
