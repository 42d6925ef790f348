import { BUCKETS, configXml, idQuery, MAIN, type ConfigOptions } from "./fixtures";
import { signedCall, type CallResult, type SignedCall, type TestAccount, type Vendor } from "./signedClient";

/** Inventory put/get/list/delete on a vendor's main source bucket, signed as the main account. */
export function inventoryCalls(baseUrl: () => string, vendor: Vendor, extra: Partial<SignedCall> = {}) {
  const bucket = BUCKETS[vendor].source;
  const base = (): Pick<SignedCall, "account" | "bucket"> => ({ account: MAIN[vendor] as TestAccount, bucket });
  const xmlHeaders: Record<string, string> = vendor === "obs" ? {} : { "content-type": "application/xml" };
  return {
    putXml: (id: string, xml: string, more: Partial<SignedCall> = {}): Promise<CallResult> =>
      signedCall(baseUrl(), { ...base(), method: "PUT", query: idQuery(vendor, id), headers: xmlHeaders, body: xml, ...extra, ...more }),
    put: (options: ConfigOptions, more: Partial<SignedCall> = {}): Promise<CallResult> =>
      signedCall(baseUrl(), { ...base(), method: "PUT", query: idQuery(vendor, options.id), headers: xmlHeaders, body: configXml(vendor, options), ...extra, ...more }),
    get: (id: string, more: Partial<SignedCall> = {}): Promise<CallResult> =>
      signedCall(baseUrl(), { ...base(), method: "GET", query: idQuery(vendor, id), ...extra, ...more }),
    list: (token?: string, more: Partial<SignedCall> = {}): Promise<CallResult> =>
      signedCall(baseUrl(), { ...base(), method: "GET", query: token ? { inventory: "", "continuation-token": token } : { inventory: "" }, ...extra, ...more }),
    del: (id: string, more: Partial<SignedCall> = {}): Promise<CallResult> =>
      signedCall(baseUrl(), { ...base(), method: "DELETE", query: idQuery(vendor, id), ...extra, ...more }),
  };
}
