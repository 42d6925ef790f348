import { connect } from "node:net";
import { configXml, MAIN } from "./support/fixtures";
import { inventoryCalls } from "./support/inventoryCalls";
import { errorCode, sendRaw, signedCall, type Vendor } from "./support/signedClient";
import { useFakeCloud } from "./support/startTestCloud";

const cloud = useFakeCloud({ maxBodyBytes: 8 * 1024 });
const api = (vendor: Vendor) => inventoryCalls(() => cloud.url, vendor);
const VENDORS = ["oss", "cos", "obs", "s3"] as const;

async function stillServing(): Promise<void> {
  expect((await api("s3").list()).status).toBe(200);
}

describe.each(VENDORS)("%s bad documents", (vendor) => {
  it("refuses an oversized body with 400 EntityTooLarge in the vendor's shape, then keeps serving", async () => {
    const big = configXml(vendor, { id: "daily" }).replace("<Id>", `<!-- ${"x".repeat(20_000)} --><Id>`);
    const res = await api(vendor).putXml("daily", big);
    expect([res.status, errorCode(res.body)]).toEqual([400, "EntityTooLarge"]);
    await stillServing();
  });

  it("refuses a DOCTYPE with entities (billion laughs) without expanding anything", async () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>`;
    const res = await api(vendor).putXml("daily", `${lol}${configXml(vendor, { id: "daily" }).replace(/<\?xml[^>]*\?>/, "").replace("<Prefix>", "<Prefix>&lol2;")}`);
    expect([res.status, errorCode(res.body)]).toEqual([400, "MalformedXML"]);
    expect(res.body).not.toContain("lollol");
  });

  it("refuses an external entity (XXE)", async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><InventoryConfiguration><Id>&e;</Id></InventoryConfiguration>`;
    const res = await api(vendor).putXml("daily", xxe);
    expect([res.status, errorCode(res.body)]).toEqual([400, "MalformedXML"]);
    expect(res.body).not.toContain("root:");
  });

  it("refuses binary garbage and an undefined entity as MalformedXML", async () => {
    expect(errorCode((await api(vendor).putXml("daily", Buffer.from([0, 159, 146, 150, 255]).toString("latin1"))).body)).toBe("MalformedXML");
    const undefinedEntity = configXml(vendor, { id: "daily" }).replace("<Id>daily</Id>", "<Id>&nope;</Id>");
    expect(errorCode((await api(vendor).putXml("daily", undefinedEntity)).body)).toBe("MalformedXML");
  });
});

it("decodes the predefined entities and character references in values", async () => {
  const xml = configXml("s3", { id: "daily", prefix: "a&amp;b&#47;&#x63;" });
  expect((await api("s3").putXml("daily", xml)).status).toBe(200);
  expect((await api("s3").get("daily")).body).toContain("<Prefix>a&amp;b/c</Prefix>");
});

it("answers a request line the HTTP parser rejects with a bare 400 and keeps serving", async () => {
  const url = new URL(cloud.url);
  const reply = await new Promise<string>((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => socket.write("GET / HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n"));
    let data = "";
    socket.on("data", (d) => (data += d.toString()));
    socket.on("end", () => resolve(data));
    socket.on("error", reject);
  });
  expect(reply).toMatch(/^HTTP\/1\.1 400/);
  await stillServing();
});

it("answers odd paths and queries in a vendor's voice", async () => {
  for (const path of ["/%E0%A4%A", "/photos/?inventory&id=%ZZ", "//", "/?&&=&"]) {
    const res = await sendRaw(cloud.url, { method: "GET", path, headers: { host: "photos.s3.us-east-1.amazonaws.com" } });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(errorCode(res.body)).toBeDefined();
  }
  await stillServing();
});

it("answers an unknown method with a vendor error", async () => {
  const res = await signedCall(cloud.url, { account: MAIN.s3, method: "POST", bucket: "photos", query: { inventory: "", id: "x" } });
  expect([res.status, errorCode(res.body)]).toEqual([501, "NotImplemented"]);
});

it("refuses an oversized admin body with 413", async () => {
  const res = await sendRaw(cloud.url, { method: "POST", path: "/__fake/seed", body: "x".repeat(20_000) });
  expect(res.status).toBe(413);
});

describe("names that are also Object's own properties are plain names", () => {
  it("a signed header named constructor is signed and checked like any other (it was Object's function: 500)", async () => {
    const res = await api("s3").list(undefined, { headers: { constructor: "x", "x-amz-meta-__proto__": "y" } });
    expect(res.status).toBe(200);
  });

  it("a sub-resource named constructor is an unsupported operation (501), logged as Unsupported", async () => {
    cloud.fake.admin.clearRequests();
    const res = await signedCall(cloud.url, { account: MAIN.s3, method: "GET", bucket: "photos", query: { constructor: "" } });
    expect([res.status, errorCode(res.body)]).toEqual([501, "NotImplemented"]);
    expect(cloud.fake.admin.requests().map((r) => r.operation)).toEqual(["Unsupported"]);
  });

  it.each(["constructor", "__proto__", "toString"])("&%s; is an undefined entity (MalformedXML), never Object's property", async (name) => {
    const xml = configXml("s3", { id: "daily", prefix: `a&${name};b` });
    const res = await api("s3").putXml("daily", xml);
    expect([res.status, errorCode(res.body)]).toEqual([400, "MalformedXML"]);
    expect(res.body).toContain(`undefined entity &amp;${name};`);
  });
});

describe("XML 1.0 characters, as the services' parsers read them", () => {
  it.each([
    ["a raw control character", "a\u0001b"],
    ["a reference to U+0001", "a&#1;b"],
    ["a reference to U+0000", "a&#0;b"],
    ["a reference to a lone surrogate", "a&#xD800;b"],
    ["a reference beyond U+10FFFF", "a&#x110000;b"],
    ["a reference without its semicolon", "a&#65b"],
  ])("%s is MalformedXML, never stored", async (_what, prefix) => {
    const res = await api("s3").putXml("daily", configXml("s3", { id: "daily", prefix }));
    expect([res.status, errorCode(res.body)]).toEqual([400, "MalformedXML"]);
    expect((await api("s3").get("daily")).status).toBe(404);
  });

  it("an out-of-band admin edit may hold C0 controls (what another tool stored, for drift tests); clients may not", async () => {
    const xml = configXml("s3", { id: "daily", prefix: "a\u001bb&#27;c" });
    expect(errorCode((await api("s3").putXml("daily", xml)).body)).toBe("MalformedXML");
    cloud.fake.admin.putInventoryXml("s3", "photos", "daily", xml);
    expect((await api("s3").get("daily")).body).toContain("<Prefix>a\u001bb\u001bc</Prefix>");
  });

  it("a body that is not valid UTF-8 is MalformedXML (it was read with U+FFFD in place of the bad bytes)", async () => {
    const [before, after] = configXml("s3", { id: "daily", prefix: "a|b" }).split("|");
    const body = Buffer.concat([Buffer.from(before), Buffer.from([0xff]), Buffer.from(after)]);
    const res = await api("s3").putXml("daily", "", { body });
    expect([res.status, errorCode(res.body)]).toEqual([400, "MalformedXML"]);
  });

  it("a CDATA section is literal text: its & and entity-like text are kept as sent", async () => {
    const xml = configXml("s3", { id: "daily", prefix: "<![CDATA[a & b&amp;c]]>" });
    expect((await api("s3").putXml("daily", xml)).status).toBe(200);
    expect((await api("s3").get("daily")).body).toContain("<Prefix>a &amp; b&amp;amp;c</Prefix>");
  });
});
