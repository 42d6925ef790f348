/**
 * What a hostile or broken service can send the provider: DOCTYPE entities (billion laughs, external entities),
 * deep nesting, oversized bodies, truncated and mutated documents, garbage. The parser expands no entity, and every
 * reader either returns a configuration or throws the typed ProtocolError; an error response always maps to a
 * ServiceError. Nothing else escapes (no TypeError, no stack overflow).
 */
import fc from "fast-check";
import { DIALECTS } from "../../provider/dialects/dialectFor";
import { ProtocolError, ServiceError } from "../../provider/errors";
import { VENDORS, type Vendor } from "../../provider/model/inventoryConfig";
import { createXmlParser, MAX_XML_BYTES } from "../../provider/xml/createXmlParser";
import { Figures } from "../reliability/support/figures";
import { configArbitrary, SEED_PLACEMENT } from "./support/inventoryArbitraries";

const figures = new Figures("property-provider-xml");
afterAll(() => figures.write());

const BILLION_LAUGHS =
  `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">` +
  Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? "" : i};`.repeat(10)}">`).join("") +
  `]><InventoryConfiguration><Id>&lol9;</Id></InventoryConfiguration>`;
const EXTERNAL_ENTITY = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><InventoryConfiguration><Id>&xxe;</Id></InventoryConfiguration>`;
const INTERNAL_ENTITY = `<!DOCTYPE x [<!ENTITY e "expanded">]><InventoryConfiguration><Id>&e;</Id></InventoryConfiguration>`;

const sample = (vendor: Vendor) =>
  DIALECTS[vendor].serializeInventory(
    fc.sample(configArbitrary(vendor, SEED_PLACEMENT[vendor]), { numRuns: 1, seed: 7 })[0],
    { vendor, region: SEED_PLACEMENT[vendor].region, bucket: SEED_PLACEMENT[vendor].bucket },
  );

/** Runs a reader; returns "ok" or the ProtocolError, and fails the test on anything else. */
function readOrProtocolError(read: () => unknown): "ok" | ProtocolError {
  figures.add("inputsFuzzed");
  try {
    read();
    return "ok";
  } catch (error) {
    if (error instanceof ProtocolError) return error;
    throw new Error(`reader threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  }
}

describe("the provider's XML parser", () => {
  const parse = createXmlParser();

  test.each([
    ["billion laughs", BILLION_LAUGHS],
    ["an external entity", EXTERNAL_ENTITY],
    ["an internal entity", INTERNAL_ENTITY],
    ["a DOCTYPE in lower case", INTERNAL_ENTITY.replace("DOCTYPE", "doctype")],
  ])("refuses %s without expanding it", (_name, body) => {
    const outcome = readOrProtocolError(() => parse(body, 200));
    expect(outcome).toBeInstanceOf(ProtocolError);
    expect((outcome as ProtocolError).message).toMatch(/DOCTYPE/);
    expect((outcome as ProtocolError).message).not.toMatch(/expanded|lollollol|root:/);
  });

  test("leaves an undeclared entity reference as written, never resolving it", () => {
    const doc = parse("<a><b>&xxe;&amp;&#65;&#x42;</b></a>", 200);
    expect(doc.root.textOf("b")).toBe("&xxe;&AB");
  });

  test("refuses a body over the size limit before parsing", () => {
    const huge = `<a>${"x".repeat(MAX_XML_BYTES)}</a>`;
    const outcome = readOrProtocolError(() => parse(huge, 200));
    expect((outcome as ProtocolError).message).toMatch(/larger than/);
  });

  test("survives 100,000 levels of nesting with a typed error or a result", () => {
    const deep = "<a>".repeat(100_000) + "</a>".repeat(100_000);
    readOrProtocolError(() => parse(deep, 200));
  });
});

describe.each(VENDORS.map((v) => [v]))("%s readers under hostile bodies", (vendor) => {
  const dialect = DIALECTS[vendor];
  const valid = sample(vendor);

  test.each([
    ["billion laughs", BILLION_LAUGHS],
    ["an external entity", EXTERNAL_ENTITY],
    ["deep nesting", "<InventoryConfiguration>" + "<Filter>".repeat(20_000) + "</Filter>".repeat(20_000) + "</InventoryConfiguration>"],
    ["an empty body", ""],
    ["JSON", '{"Id":"x"}'],
    ["HTML", "<html><body>502 Bad Gateway</body></html>"],
    ["an error document on a 200", "<Error><Code>InternalError</Code><Message>x</Message></Error>"],
  ])("a get answered with %s is a ProtocolError", (_name, body) => {
    expect(readOrProtocolError(() => dialect.deserializeInventory(body, { status: 200 }))).toBeInstanceOf(ProtocolError);
  });

  test("a valid body cut at any point reads or fails with a ProtocolError", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: valid.length - 1 }), (cut) => {
        readOrProtocolError(() => dialect.deserializeInventory(valid.slice(0, cut), { status: 200 }));
        readOrProtocolError(() => dialect.deserializeInventoryPage(valid.slice(0, cut), { status: 200 }));
      }),
      { numRuns: 200 },
    );
  });

  test("a valid body with random bytes spliced in reads or fails with a ProtocolError", () => {
    const junk = fc.string({ unit: fc.constantFrom("<", ">", "/", "&", ";", "!", "?", "=", '"', "x", " ", "\u0000", "]]>", "<![CDATA[", "&#0;", "&#xD800;"), maxLength: 8 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: valid.length }), junk, (at, insert) => {
        const body = valid.slice(0, at) + insert + valid.slice(at);
        readOrProtocolError(() => dialect.deserializeInventory(body, { status: 200 }));
      }),
      { numRuns: 300 },
    );
  });

  test("any string as a body reads or fails with a ProtocolError", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (body) => {
        readOrProtocolError(() => dialect.deserializeInventory(body, { status: 200 }));
        readOrProtocolError(() => dialect.deserializeInventoryPage(body, { status: 200 }));
      }),
      { numRuns: 300 },
    );
  });

  test("any error response maps to a ServiceError, whatever its body and headers", () => {
    const body = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.constantFrom(BILLION_LAUGHS, EXTERNAL_ENTITY, "<Error><Code></Code></Error>", "<Error>" + "<x>".repeat(5000)),
    );
    const names = fc.constantFrom("retry-after", "x-oss-request-id", "x-cos-request-id", "x-obs-request-id", "x-amz-request-id", "x-oss-ec");
    const headers = fc.dictionary(names, fc.string({ maxLength: 40 }));
    fc.assert(
      fc.property(fc.integer({ min: 300, max: 599 }), body, headers, (status, text, h) => {
        figures.add("inputsFuzzed");
        const error = dialect.deserializeError({ status, headers: h, body: text }, "getInventory");
        expect(error).toBeInstanceOf(ServiceError);
        expect(error.status).toBe(status);
        expect(error.message).not.toMatch(/lollollol|root:x/);
      }),
      { numRuns: 300 },
    );
  });
});
