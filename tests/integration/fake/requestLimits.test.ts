/**
 * The limits that bound what one request can make the fake do (tests/fake/README.md, "Limits"): a configuration
 * document over 64 KiB is refused before it is parsed, an admin JSON document over 1 MiB before it is read.
 */
import { MAX_ADMIN_JSON_BYTES } from "../../fake/adminRoutes";
import { MAX_DOCUMENT_BYTES } from "../../fake/vendors/inventoryOperations";
import { configXml } from "./support/fixtures";
import { inventoryCalls } from "./support/inventoryCalls";
import { errorCode, sendRaw, type Vendor } from "./support/signedClient";
import { useFakeCloud } from "./support/startTestCloud";
import { parseXml } from "./support/xmlBody";

const cloud = useFakeCloud();
const api = (vendor: Vendor) => inventoryCalls(() => cloud.url, vendor);

/** A valid document padded with optional fields to exactly `bytes` bytes (the last field's value absorbs the rest). */
function documentOf(vendor: Vendor, bytes: number): string {
  const base = configXml(vendor, { id: "daily", fields: [] });
  const one = "<Field>Size</Field>";
  const count = Math.floor((bytes - Buffer.byteLength(base)) / one.length);
  const padded = configXml(vendor, { id: "daily", fields: Array.from({ length: count }, () => "Size") });
  return padded.replace("<OptionalFields>", `<OptionalFields>${" ".repeat(bytes - Buffer.byteLength(padded))}`);
}

describe.each(["oss", "cos", "obs", "s3"] as const)("%s configuration documents", (vendor) => {
  it(`are read up to ${MAX_DOCUMENT_BYTES} bytes`, async () => {
    const xml = documentOf(vendor, MAX_DOCUMENT_BYTES);
    expect(Buffer.byteLength(xml)).toBe(MAX_DOCUMENT_BYTES);
    expect((await api(vendor).putXml("daily", xml)).status).toBe(200);
  });

  it("are refused one byte over with 400 MaxMessageLengthExceeded in the vendor's shape, before parsing", async () => {
    const xml = documentOf(vendor, MAX_DOCUMENT_BYTES + 1 - "<broken".length).replace("<Id>", "<Id><broken");
    const res = await api(vendor).putXml("daily", xml);
    expect([res.status, errorCode(res.body)]).toEqual([400, "MaxMessageLengthExceeded"]);
    expect((parseXml(res.body).Error as Record<string, string>).Message).toContain(`${MAX_DOCUMENT_BYTES + 1} bytes`);
    expect((await api(vendor).get("daily")).status).toBe(404);
  });
});

it("the admin API refuses a JSON document over its limit with 413 before reading it", async () => {
  const seed = JSON.stringify({ accounts: [], buckets: [], padding: "x".repeat(MAX_ADMIN_JSON_BYTES) });
  const res = await sendRaw(cloud.url, { method: "POST", path: "/__fake/seed", headers: { "content-type": "application/json" }, body: seed });
  expect(res.status).toBe(413);
  expect(JSON.parse(res.body).error).toBe(
    `request body: ${Buffer.byteLength(seed)} bytes of JSON, over the ${MAX_ADMIN_JSON_BYTES} bytes the admin API reads`,
  );
  expect(cloud.fake.admin.dump().buckets.length).toBeGreaterThan(0);
});

it("the admin API refuses an out-of-band configuration over the document limit with 413", async () => {
  const xml = documentOf("s3", MAX_DOCUMENT_BYTES + 1);
  const res = await sendRaw(cloud.url, { method: "PUT", path: "/__fake/inventories/s3/photos/daily", body: xml });
  expect(res.status).toBe(413);
  expect(JSON.parse(res.body).error).toMatch(/^inventory XML for s3: Your request was too big/);
});
