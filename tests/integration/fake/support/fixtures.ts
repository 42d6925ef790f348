import seed from "../../../fake/defaultSeed.json";
import type { TestAccount, Vendor } from "./signedClient";

/** Accounts of the default seed (tests/fake/defaultSeed.json): a main and a partner account per vendor. */
function account(vendor: Vendor, index: number): TestAccount & { accountId: string; appId?: string } {
  const found = seed.accounts.filter((a) => a.vendor === vendor)[index];
  return { ...found, vendor };
}

export const MAIN = { oss: account("oss", 0), cos: account("cos", 0), obs: account("obs", 0), s3: account("s3", 0) };
export const PARTNER = { oss: account("oss", 1), cos: account("cos", 1), obs: account("obs", 1), s3: account("s3", 1) };

/** Source bucket, same-region destination, other-region destination, partner-owned destination, per vendor. */
export const BUCKETS = {
  oss: { source: "photos", dest: "reports", otherRegion: "reports-beijing", partner: "partner-reports" },
  cos: { source: "photos-1250000000", dest: "reports-1250000000", otherRegion: "reports-bj-1250000000", partner: "partner-reports-1250000001" },
  obs: { source: "photos", dest: "reports", otherRegion: "reports-shanghai", partner: "partner-reports" },
  s3: { source: "photos", dest: "reports", otherRegion: "reports-eu", partner: "partner-reports" },
} as const;

export interface ConfigOptions {
  id: string;
  dest?: string;
  prefix?: string;
  destPrefix?: string;
  fields?: string[];
  versions?: "All" | "Current";
  frequency?: string;
  accountId?: string;
  /** Raw XML put inside the root, after the standard elements. */
  extra?: string;
  /** Raw XML replacing the Filter element. */
  filter?: string;
}

const fields = (names: string[] | undefined) =>
  names === undefined ? "" : `<OptionalFields>${names.map((f) => `<Field>${f}</Field>`).join("")}</OptionalFields>`;

/** A valid configuration document for the vendor, with the main account's buckets by default. */
export function configXml(vendor: Vendor, o: ConfigOptions): string {
  const b = BUCKETS[vendor];
  const dest = o.dest ?? b.dest;
  const filter = o.filter ?? (o.prefix !== undefined ? `<Filter><Prefix>${o.prefix}</Prefix></Filter>` : "");
  const common = `<Schedule><Frequency>${o.frequency ?? "Daily"}</Frequency></Schedule><IncludedObjectVersions>${o.versions ?? "All"}</IncludedObjectVersions>${fields(o.fields)}`;
  const destPrefix = o.destPrefix !== undefined ? `<Prefix>${o.destPrefix}</Prefix>` : "";
  const head = `<Id>${o.id}</Id><IsEnabled>true</IsEnabled>`;
  switch (vendor) {
    case "oss": {
      const uid = o.accountId ?? MAIN.oss.accountId;
      const destination = `<Destination><OSSBucketDestination><Format>CSV</Format><AccountId>${uid}</AccountId><RoleArn>acs:ram::${MAIN.oss.accountId}:role/AliyunOSSRole</RoleArn><Bucket>acs:oss:::${dest}</Bucket>${destPrefix}</OSSBucketDestination></Destination>`;
      return `<?xml version="1.0" encoding="UTF-8"?><InventoryConfiguration>${head}${filter}${destination}${common}${o.extra ?? ""}</InventoryConfiguration>`;
    }
    case "cos": {
      const uin = o.accountId !== undefined ? `<AccountId>${o.accountId}</AccountId>` : "";
      const region = dest.startsWith("reports-bj") ? "ap-beijing" : "ap-guangzhou";
      const destination = `<Destination><COSBucketDestination><Format>CSV</Format>${uin}<Bucket>qcs::cos:${region}::${dest}</Bucket>${destPrefix}</COSBucketDestination></Destination>`;
      return `<InventoryConfiguration>${head}${destination}${filter}${common}${o.extra ?? ""}</InventoryConfiguration>`;
    }
    case "obs": {
      const destination = `<Destination><Format>CSV</Format><Bucket>${dest}</Bucket>${destPrefix}</Destination>`;
      return `<InventoryConfiguration xmlns="http://obs.myhwclouds.com/doc/2015-06-30/">${head}${filter}${destination}${common}${o.extra ?? ""}</InventoryConfiguration>`;
    }
    case "s3": {
      const acct = o.accountId !== undefined ? `<AccountId>${o.accountId}</AccountId>` : "";
      const destination = `<Destination><S3BucketDestination>${acct}<Bucket>arn:aws:s3:::${dest}</Bucket><Format>CSV</Format>${destPrefix}</S3BucketDestination></Destination>`;
      return `<InventoryConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${destination}${head}${filter}${common}${o.extra ?? ""}</InventoryConfiguration>`;
    }
  }
}

/** The inventory-id query key: OSS `inventoryId`, the others `id`. */
export function idQuery(vendor: Vendor, id: string): Record<string, string> {
  return vendor === "oss" ? { inventory: "", inventoryId: id } : { inventory: "", id };
}
