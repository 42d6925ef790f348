import type { Vendor } from "../model/inventoryConfig";
import { cosObjects } from "./cos/cosObjects";
import type { ObjectDialect } from "./objectDialect";
import { obsObjects } from "./obs/obsObjects";
import { ossObjects } from "./oss/ossObjects";
import { s3Objects } from "./s3/s3Objects";

const OBJECT_DIALECTS: Readonly<Record<Vendor, ObjectDialect>> = { oss: ossObjects, cos: cosObjects, obs: obsObjects, s3: s3Objects };

export function objectDialectFor(vendor: Vendor): ObjectDialect {
  return OBJECT_DIALECTS[vendor];
}
