import { XMLParser, XMLValidator } from "fast-xml-parser";
import { malformedXml } from "../errors";
import type { XmlElement } from "./xmlElement";

const CDATA = "#cdata";

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
  // CDATA kept apart: its text is literal ("&amp;" stays "&amp;"), never entity-decoded.
  cdataPropName: CDATA,
});

type OrderedNode = Record<string, unknown>;

/**
 * Parses a request body into the fake's XML tree, or throws MalformedXML. DOCTYPE and ENTITY declarations are
 * refused outright (the billion-laughs and external-entity tricks never reach a parser). `controlCharacters`
 * accepts the C0 controls XML 1.0 excludes, raw or referenced: only for the admin API's out-of-band edits, which
 * stand for what another tool may have stored (drift tests); requests from clients never get it.
 */
export function parseXmlDocument(body: Buffer | string, options: { controlCharacters?: boolean } = {}): XmlElement {
  const text = typeof body === "string" ? body : decodeUtf8(body);
  if (text.trim() === "") throw malformedXml("the request body is empty");
  const illegal = options.controlCharacters ? null : NOT_XML_CHAR.exec(text);
  if (illegal) throw malformedXml(`character ${codePointName(illegal[0].codePointAt(0) ?? 0)} is not allowed in XML 1.0`);
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw malformedXml("DOCTYPE and ENTITY declarations are not allowed");
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw malformedXml(`${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`);
  const nodes = parseOrMalformed(text);
  const lenient = options.controlCharacters === true;
  const roots = nodes.map((node) => toElement(node, lenient)).filter((e): e is XmlElement => e !== undefined);
  if (roots.length !== 1) throw malformedXml(`expected one root element, found ${roots.length}`);
  return roots[0];
}

/** Invalid UTF-8 is malformed, as the services' parsers say; it is never silently turned into U+FFFD. */
function decodeUtf8(body: Buffer): string {
  try {
    return UTF8.decode(body);
  } catch {
    throw malformedXml("the body is not valid UTF-8");
  }
}

const UTF8 = new TextDecoder("utf-8", { fatal: true });

/** XML 1.0 Char excludes the C0 controls but tab, LF and CR, the surrogates (never whole in valid UTF-8) and U+FFFE/F. */
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

function codePointName(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** The validator lets a few broken documents through (an unclosed CDATA section): the parser's refusal is MalformedXML too. */
function parseOrMalformed(text: string): OrderedNode[] {
  try {
    return parser.parse(text) as OrderedNode[];
  } catch (error) {
    throw malformedXml(error instanceof Error ? error.message : String(error));
  }
}

function toElement(node: OrderedNode, lenient: boolean): XmlElement | undefined {
  const name = Object.keys(node).find((k) => k !== ":@" && k !== "#text" && k !== CDATA);
  if (name === undefined) return undefined;
  const content = (node[name] as OrderedNode[]) ?? [];
  const texts: string[] = [];
  const children: XmlElement[] = [];
  for (const child of content) {
    if ("#text" in child) texts.push(decodeEntities(String(child["#text"]), lenient));
    else if (CDATA in child) texts.push(...(child[CDATA] as OrderedNode[]).map((part) => String(part["#text"] ?? "")));
    else {
      const el = toElement(child, lenient);
      if (el) children.push(el);
    }
  }
  return { name, text: texts.join(""), children };
}

/** A Map: `&constructor;` or `&__proto__;` is an undefined entity, not something inherited from Object. */
const NAMED = new Map([["lt", "<"], ["gt", ">"], ["amp", "&"], ["quot", '"'], ["apos", "'"]]);

/**
 * The five predefined entities and character references; anything else after "&" is malformed, as in any XML 1.0
 * parser: an undefined entity (whatever its name), a reference without ";", or one to a character XML excludes.
 */
export function decodeEntities(text: string, controlCharacters = false): string {
  return text.replace(/&([^&;]*)(;?)/g, (_whole, ref: string, semicolon: string) => {
    if (semicolon === "" || ref === "") throw malformedXml(`"&${ref.slice(0, 20)}" does not begin an entity or character reference`);
    const numeric = /^#(?:x([0-9a-fA-F]{1,8})|([0-9]{1,10}))$/.exec(ref);
    if (numeric) return characterReference(numeric[1] !== undefined ? parseInt(numeric[1], 16) : parseInt(numeric[2], 10), ref, controlCharacters);
    const named = NAMED.get(ref);
    if (named === undefined) throw malformedXml(`undefined entity &${ref.slice(0, 40)};`);
    return named;
  });
}

function characterReference(cp: number, ref: string, controlCharacters: boolean): string {
  if (!isXmlChar(cp) && !(controlCharacters && cp > 0 && cp < 0x20)) throw malformedXml(`&${ref}; refers to ${cp <= 0x10ffff ? codePointName(cp) : "no character"}, which XML 1.0 does not allow`);
  return String.fromCodePoint(cp);
}
