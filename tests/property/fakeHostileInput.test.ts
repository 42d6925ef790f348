/**
 * Hostile input to the fake cloud: malformed, oversized and entity-laden XML in correctly signed requests, random
 * bodies, garbage Authorization headers and broken HTTP on the wire. Each gets the vendor's error (status 4xx, an
 * `<Error>` document with a Code, the vendor's request-id header), never a 5xx or an expanded entity, and the server
 * keeps serving: a well-formed request right after is answered normally.
 */
import fc from "fast-check";
import { request } from "undici";
import { DIALECTS } from "../../provider/dialects/dialectFor";
import type { HttpResponse } from "../../provider/http/httpTypes";
import { VENDORS, type BucketRef, type Vendor } from "../../provider/model/inventoryConfig";
import { defaultSeed, startFakeCloud, type FakeCloud } from "../fake/index";
import { mainAccount, REGION } from "../reliability/support/faultCloud";
import { Figures } from "../reliability/support/figures";
import { rawExchange, rawStatus } from "./support/rawExchange";
import { signedSender, type SignedSender } from "./support/signedSender";

const MAX_BODY = 256 * 1024;
const REQUEST_ID_HEADER: Record<Vendor, string> = {
  oss: "x-oss-request-id",
  cos: "x-cos-request-id",
  obs: "x-obs-request-id",
  s3: "x-amz-request-id",
};
const SOURCE: Record<Vendor, string> = { oss: "photos", cos: "photos-1250000000", obs: "photos", s3: "photos" };

const figures = new Figures("property-fake-hostile");
let fake: FakeCloud;
let sender: SignedSender;

beforeAll(async () => {
  fake = await startFakeCloud({ port: 0, maxBodyBytes: MAX_BODY });
  const seed = defaultSeed();
  const credentials = Object.fromEntries(
    VENDORS.map((v) => {
      const a = mainAccount(seed, v);
      return [v, { accessKeyId: a.accessKeyId, secretAccessKey: a.secretAccessKey }];
    }),
  );
  sender = signedSender(credentials);
});
afterAll(async () => {
  figures.write();
  await fake?.close();
});

const refOf = (vendor: Vendor): BucketRef => ({ vendor, region: REGION[vendor], bucket: SOURCE[vendor], endpoint: fake.url });

/** The vendor's error: 4xx, an <Error> document with a Code, the request-id header. Returns the code. */
function expectVendorError(vendor: Vendor, response: HttpResponse): string {
  figures.add("hostileRequests");
  const code = /<Error>[\s\S]*<Code>([^<]+)<\/Code>/.exec(response.body)?.[1];
  if (response.status < 400 || response.status > 499 || !code || !response.headers[REQUEST_ID_HEADER[vendor]]) {
    throw new Error(`expected ${vendor}'s error, got ${response.status} ${response.body.slice(0, 300)}`);
  }
  return code;
}

/** A signed GET of an id that does not exist: the server is alive when it answers the vendor's not-found. */
async function expectStillServing(vendor: Vendor): Promise<void> {
  const response = await sender.send(refOf(vendor), DIALECTS[vendor].buildGetInventory(refOf(vendor), "never-made"));
  expect(response.status).toBe(404);
}

const laughs =
  `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">` +
  Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? "" : i};`.repeat(10)}">`).join("") +
  `]><InventoryConfiguration><Id>&lol9;</Id></InventoryConfiguration>`;

const HOSTILE_BODIES: [string, (id: string) => string][] = [
  ["billion laughs", () => laughs],
  ["an external entity", (id) => `<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><InventoryConfiguration><Id>${id}&e;</Id></InventoryConfiguration>`],
  ["an undeclared entity", (id) => `<InventoryConfiguration><Id>${id}&nope;</Id></InventoryConfiguration>`],
  ["100,000 levels of nesting", () => "<a>".repeat(100_000) + "</a>".repeat(100_000)],
  ["an unclosed document", (id) => `<InventoryConfiguration><Id>${id}</Id><IsEnabled>true`],
  // Found by the random-body property below: the validator passes it, the parser throws (it once gave a 500).
  ["an unclosed CDATA section", (id) => `<InventoryConfiguration><Id>${id}</Id><![CDATA[<InventoryConfiguration>`],
  ["two roots", (id) => `<InventoryConfiguration><Id>${id}</Id></InventoryConfiguration><InventoryConfiguration/>`],
  ["JSON", (id) => JSON.stringify({ Id: id })],
  ["an empty body", () => ""],
  ["binary junk", () => "\u0000\u0001\u00ff\ufffe<\u0000>"],
  ["the wrong root", (id) => `<LifecycleConfiguration><Id>${id}</Id></LifecycleConfiguration>`],
  ["a body over the size limit", (id) => `<InventoryConfiguration><Id>${id}</Id><Filter><Prefix>${"p".repeat(MAX_BODY)}</Prefix></Filter></InventoryConfiguration>`],
];

describe.each(VENDORS.map((v) => [v]))("%s", (vendor) => {
  test.each(HOSTILE_BODIES)("a signed PUT carrying %s gets the vendor's error, and the server keeps serving", async (_name, body) => {
    const response = await sender.putBody(refOf(vendor), "hostile", body("hostile"));
    expectVendorError(vendor, response);
    expect(response.body).not.toMatch(/lollollol|root:/);
    expect(fake.admin.getInventoryXml(vendor, SOURCE[vendor], "hostile")).toBeUndefined();
    await expectStillServing(vendor);
  });

  test("random bodies in signed PUTs get the vendor's error, never a 5xx", async () => {
    const piece = fc.oneof(
      fc.constantFrom("<InventoryConfiguration>", "</InventoryConfiguration>", "<Id>fz</Id>", "<IsEnabled>true</IsEnabled>", "<Filter>", "</Filter>",
        "<Prefix>", "</Prefix>", "<![CDATA[", "]]>", "<!--", "-->", "&amp;", "&#0;", "&#xFFFF;", "<?xml version='1.0'?>", "<a xmlns:x='y'>", "</x:a>"),
      fc.string({ maxLength: 12 }),
      fc.string({ unit: "binary", maxLength: 6 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 12 }).map((parts) => parts.join("")), async (body) => {
        const response = await sender.putBody(refOf(vendor), "fz", body);
        // A random document may happen to be valid; then it is stored like any other.
        if (response.status !== 200) expectVendorError(vendor, response);
        else figures.add("hostileRequests");
      }),
      { numRuns: 60 },
    );
    await expectStillServing(vendor);
  });
});

describe("garbage on the wire", () => {
  const target = () => `${fake.url}/photos/?inventory&id=x`;

  test.each([
    ["a garbage Authorization header", { authorization: "OSS4-HMAC-SHA256 Credential=,,,=;;Signature" }],
    ["an Authorization header of another scheme", { authorization: "Bearer eyJhbGciOi.x.y" }],
    ["binary-looking Authorization bytes", { authorization: "AWS4-HMAC-SHA256 \u00ff\u00fe\u00fd" }],
    ["a 4 KiB Authorization header", { authorization: `OSS ${"A".repeat(4096)}:sig` }],
    ["no Authorization at all", {}],
    ["duplicate-looking date headers", { "x-oss-date": "not a date", date: "yesterday", "x-amz-date": "20991301T999999Z" }],
  ])("%s gets a 4xx error document", async (_name, headers) => {
    const response = await request(target(), { method: "PUT", headers, body: "<InventoryConfiguration/>" });
    const body = await response.body.text();
    figures.add("hostileRequests");
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expect(body).toMatch(/<Error>[\s\S]*<Code>[^<]+<\/Code>/);
  });

  test("random Authorization headers never get a 5xx", async () => {
    const auth = fc.oneof(
      fc.string({ maxLength: 80 }).map((s) => s.replace(/[\r\n\u0000-\u001f\u007f-\uffff]/g, "")),
      fc.constantFrom("OSS ", "OSS4-HMAC-SHA256 ", "q-sign-algorithm=sha1&", "OBS ", "AWS ", "AWS4-HMAC-SHA256 ").chain((p) =>
        fc.string({ maxLength: 60 }).map((s) => p + s.replace(/[\r\n\u0000-\u001f\u007f-\uffff]/g, "")),
      ),
    );
    await fc.assert(
      fc.asyncProperty(auth, fc.constantFrom("GET", "PUT", "DELETE", "HEAD"), async (authorization, method) => {
        const response = await request(target(), { method, headers: { authorization }, body: method === "PUT" ? "<a/>" : undefined });
        await response.body.dump();
        figures.add("hostileRequests");
        expect(response.statusCode).toBeGreaterThanOrEqual(400);
        expect(response.statusCode).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
  });

  test.each([
    ["a broken request line", "GARBAGE\r\n\r\n"],
    ["binary junk", Buffer.from([0, 1, 2, 255, 254, 13, 10, 13, 10])],
    ["a header line without a colon", "GET /photos/?inventory HTTP/1.1\r\nHost: x\r\nthis is not a header\r\n\r\n"],
    ["a 64 KiB header", `GET /photos/?inventory HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(64 * 1024)}\r\n\r\n`],
    ["a bad chunk size", "PUT /photos/?inventory&id=x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\nabc\r\n0\r\n\r\n"],
    ["both Content-Length and chunked", "PUT /photos/?inventory&id=x HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"],
    ["a body shorter than its Content-Length", "PUT /photos/?inventory&id=x HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n<a>"],
    ["a NUL in the path", "GET /photos/\u0000?inventory HTTP/1.1\r\nHost: x\r\n\r\n"],
  ])("%s is answered 4xx or dropped, and the server keeps serving", async (_name, bytes) => {
    const answer = await rawExchange(fake.url, bytes, 800);
    figures.add("hostileRequests");
    const status = rawStatus(answer);
    if (status !== undefined) expect(status).toBeLessThan(500);
    for (const vendor of VENDORS) await expectStillServing(vendor);
  });
});
