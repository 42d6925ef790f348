import fc from "fast-check";
import { buildXml, element, escapeXmlText, leaf, marker } from "../../../provider/xml/buildXml";
import { createXmlParser } from "../../../provider/xml/createXmlParser";

describe("buildXml", () => {
  test("writes elements in the order given, with declaration and namespace when asked", () => {
    const xml = buildXml({ ...element("Root", leaf("B", "2"), leaf("A", 1), leaf("C", true)), xmlns: "urn:x" }, { declaration: true });
    expect(xml).toBe(`<?xml version="1.0" encoding="UTF-8"?>\n<Root xmlns="urn:x"><B>2</B><A>1</A><C>true</C></Root>`);
  });

  test("never writes an empty element: unset leaves and containers left empty are dropped", () => {
    const xml = buildXml(element("Root", leaf("Id", "x"), leaf("Prefix", ""), leaf("Gone", undefined), element("Filter", leaf("Prefix", undefined)), false));
    expect(xml).toBe("<Root><Id>x</Id></Root>");
  });

  test("writes markers even when empty, and with their children when they have some", () => {
    expect(buildXml(element("Encryption", marker("SSE-OSS")))).toBe("<Encryption><SSE-OSS/></Encryption>");
    expect(buildXml(element("Encryption", marker("SSE-KMS", leaf("KeyId", "k"))))).toBe("<Encryption><SSE-KMS><KeyId>k</KeyId></SSE-KMS></Encryption>");
  });

  test("escapes markup characters and CR", () => {
    expect(escapeXmlText(`a<b>&"c'\r`)).toBe("a&lt;b&gt;&amp;&quot;c&apos;&#13;");
  });

  test("any text survives build then parse unchanged", () => {
    const parse = createXmlParser();
    // XML 1.0 characters only: the other C0 controls cannot appear in a document at all.
    const xmlChar = fc.oneof(fc.constantFrom("\t", "\n", "\r", " ", "&", "<", ">", "'", '"', "]]>"), fc.string({ unit: "grapheme" }));
    fc.assert(
      fc.property(fc.array(xmlChar, { minLength: 1, maxLength: 8 }).map((a) => a.join("")), (text) => {
        fc.pre(text !== "" && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(text));
        expect(parse(buildXml(element("R", leaf("P", text)))).root.textOf("P")).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});
