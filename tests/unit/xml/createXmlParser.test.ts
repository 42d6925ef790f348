import { ProtocolError } from "../../../provider/errors";
import { createXmlParser, decodeXmlText, MAX_XML_BYTES } from "../../../provider/xml/createXmlParser";

const parse = createXmlParser();

function protocolError(fn: () => unknown): ProtocolError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ProtocolError);
    return error as ProtocolError;
  }
  throw new Error("expected a ProtocolError");
}

describe("createXmlParser", () => {
  test("keeps every value a string, so an id 0012 stays 0012 and true stays text", () => {
    const { root } = parse("<Item><Id>0012</Id><Size>1e3</Size><On>true</On></Item>");
    expect(root.textOf("Id")).toBe("0012");
    expect(root.textOf("Size")).toBe("1e3");
    expect(root.textOf("On")).toBe("true");
  });

  test("reads one child or many alike: a list with one member is still a list", () => {
    const { root } = parse("<List><Item><Field>Size</Field><Other>x</Other></Item></List>");
    expect(root.children("Item")).toHaveLength(1);
    expect(root.child("Item")!.textsOf("Field")).toEqual(["Size"]);
    expect(root.child("Item")!.child("Other")!.text).toBe("x");
    const two = parse("<List><Item><Field>Size</Field><Field>ETag</Field></Item><Item/></List>").root;
    expect(two.children("Item")).toHaveLength(2);
    expect(two.child("Item")!.textsOf("Field")).toEqual(["Size", "ETag"]);
  });

  test("reads namespaced documents by local name (S3 and OBS send xmlns)", () => {
    const doc = parse(`<?xml version="1.0" encoding="UTF-8"?>\n<s3:List xmlns:s3="http://s3.amazonaws.com/doc/2006-03-01/"><s3:Item><s3:Field>Size</s3:Field></s3:Item></s3:List>`);
    expect(doc.rootName).toBe("List");
    expect(doc.root.child("Item")!.textsOf("Field")).toEqual(["Size"]);
    expect(parse(`<List xmlns="http://obs.myhwclouds.com/doc/2015-06-30/"><Item/></List>`).rootName).toBe("List");
  });

  test("keeps leading and trailing spaces of text (a prefix may start with one)", () => {
    expect(parse("<Item><Prefix> a b </Prefix></Item>").root.textOf("Prefix")).toBe(" a b ");
  });

  test("decodes the five predefined entities and character references, and nothing else", () => {
    const { root } = parse("<Item><P>&lt;&gt;&amp;&apos;&quot; &#65;&#x42; &nbsp; &amp;#65;</P></Item>");
    expect(root.textOf("P")).toBe(`<>&'" AB &nbsp; &#65;`);
    expect(decodeXmlText("&copy;&#0;")).toBe("&copy;");
  });

  test("refuses a DOCTYPE, so no declared entity can be expanded", () => {
    const e = protocolError(() => parse(`<!DOCTYPE x [<!ENTITY boom "ha">]><Item><Id>&boom;</Id></Item>`));
    expect(e.message).toMatch(/DOCTYPE/);
  });

  test.each([
    ["a truncated document", "<List><Item><Field>Si"],
    ["text that is not XML", "Service Unavailable"],
    ["an empty body", ""],
    ["two root elements", "<A/><B/>"],
    ["trailing garbage", "<A></A>junk"],
    ["an end tag that closes another element", "<A><B>x</A></B>"],
    ["an end tag of an element never opened", "<A><B>x</C></A>"],
    ["a document cut inside the root's end tag", "<A><B>x</B></A"],
    ["a document cut after a child", "<A><B>x</B>"],
    ["a comment left open", "<A><!-- x </A>"],
    ["a CDATA section left open", "<A><![CDATA[ x </A>"],
    ["a < that starts no markup", "<A>a < b</A>"],
    ["text before the root", "junk<A></A>"],
  ])("refuses %s with a ProtocolError", (_what, body) => {
    protocolError(() => parse(body));
  });

  test("accepts what well-formed documents hold: declaration, comments, CDATA, processing instructions, empty elements, attributes", () => {
    const body = `<?xml version="1.0"?>\n<!-- head --><s3:A xmlns:s3="urn:x"><B k="v" q='w'>t<!-- in --></B><C/><D><![CDATA[<not a tag>]]></D><?pi x?></s3:A>\n<!-- tail -->\n`;
    const { rootName, root } = parse(body);
    expect(rootName).toBe("A");
    expect(root.textOf("D")).toBe("<not a tag>");
    expect(root.has("C")).toBe(true);
  });

  test("refuses bodies over the size limit before parsing them", () => {
    const big = `<Item><P>${"x".repeat(MAX_XML_BYTES)}</P></Item>`;
    expect(protocolError(() => parse(big)).message).toMatch(/larger than/);
  });

  test("puts the response's status and request id on the error", () => {
    const e = protocolError(() => parse("<oops", 200, "req-1"));
    expect(e.status).toBe(200);
    expect(e.requestId).toBe("req-1");
  });
});
