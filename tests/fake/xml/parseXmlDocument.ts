import { XMLParser, XMLValidator } from "fast-xml-parser";
import { malformedXml } from "../errors";
import type { XmlElement } from "./xmlElement";

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  // Entities are decoded below, by hand: only the five predefined ones and character references, never a DOCTYPE's.
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Values are kept as sent: a prefix may begin or end with a space, and the services store it so. Whitespace
  // between elements ends up as container text, which the schema reader ignores.
  trimValues: false,
});

type OrderedNode = Record<string, unknown>;

/**
 * Parses a request body into the fake's XML tree, or throws MalformedXML. DOCTYPE and ENTITY declarations are
 * refused outright (the billion-laughs and external-entity tricks never reach a parser).
 */
export function parseXmlDocument(body: Buffer | string): XmlElement {
  const text = typeof body === "string" ? body : body.toString("utf8");
  if (text.trim() === "") throw malformedXml("the request body is empty");
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw malformedXml("DOCTYPE and ENTITY declarations are not allowed");
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw malformedXml(`${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`);
  const nodes = parseOrMalformed(text);
  const roots = nodes.map(toElement).filter((e): e is XmlElement => e !== undefined);
  if (roots.length !== 1) throw malformedXml(`expected one root element, found ${roots.length}`);
  return roots[0];
}

/** The validator lets a few broken documents through (an unclosed CDATA section): the parser's refusal is MalformedXML too. */
function parseOrMalformed(text: string): OrderedNode[] {
  try {
    return parser.parse(text) as OrderedNode[];
  } catch (error) {
    throw malformedXml(error instanceof Error ? error.message : String(error));
  }
}

function toElement(node: OrderedNode): XmlElement | undefined {
  const name = Object.keys(node).find((k) => k !== ":@" && k !== "#text");
  if (name === undefined) return undefined;
  const content = (node[name] as OrderedNode[]) ?? [];
  const texts: string[] = [];
  const children: XmlElement[] = [];
  for (const child of content) {
    if ("#text" in child) texts.push(decodeEntities(String(child["#text"])));
    else {
      const el = toElement(child);
      if (el) children.push(el);
    }
  }
  return { name, text: texts.join(""), children };
}

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith("#x")) return codePoint(parseInt(ref.slice(2), 16), whole);
    if (ref.startsWith("#")) return codePoint(parseInt(ref.slice(1), 10), whole);
    const named = NAMED[ref];
    if (named === undefined) throw malformedXml(`undefined entity &${ref};`);
    return named;
  });
}

function codePoint(value: number, whole: string): string {
  return Number.isInteger(value) && value > 0 && value <= 0x10ffff ? String.fromCodePoint(value) : whole;
}
