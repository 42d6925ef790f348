import { escapeXml, renderXml } from "../../../tests/fake/xml/renderXml";
import { element } from "../../../tests/fake/xml/xmlElement";

describe("the fake's XML renderer", () => {
  it("writes the declaration, attributes, nested elements, empty containers and escaped text", () => {
    const doc = element("ListResult", [element("Config", [element("Id", "a&b"), element("Prefix", `<"q'>`), element("Fields", [])]), element("IsTruncated", "false")], { xmlns: "urn:x&y" });
    expect(renderXml(doc)).toBe(
      `<?xml version="1.0" encoding="UTF-8"?>\n<ListResult xmlns="urn:x&amp;y"><Config><Id>a&amp;b</Id><Prefix>&lt;&quot;q&apos;&gt;</Prefix><Fields/></Config><IsTruncated>false</IsTruncated></ListResult>`,
    );
  });

  it("escapes the five markup characters and leaves other text as it is", () => {
    expect(escapeXml(`plain text é`)).toBe("plain text é");
    expect(escapeXml(`<a href="x">&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
  });
});
