import { XMLParser } from "fast-xml-parser";
import { ProtocolError } from "../errors";
import { wellFormedProblem } from "./wellFormedProblem";
import { XmlElement } from "./xmlElement";

/** Bodies larger than this are refused before parsing: no inventory document comes near it. */
export const MAX_XML_BYTES = 4 * 1024 * 1024;

/** A parsed document: the root element's local name and the element itself. */
export interface XmlDocument {
  rootName: string;
  root: XmlElement;
}

export type XmlParse = (body: string, status?: number, requestId?: string) => XmlDocument;

const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", apos: "'", quot: '"' };
const REFERENCE = /&(lt|gt|amp|apos|quot|#[0-9]+|#x[0-9a-fA-F]+);/g;

/** Only the five predefined entities and character references; anything a DOCTYPE declares stays unexpanded. */
export function decodeXmlText(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(REFERENCE, (_match, name: string) => {
    if (name[0] !== "#") return PREDEFINED[name];
    const code = name[1] === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
  });
}

const entityDecoder = {
  setExternalEntities: () => undefined,
  addInputEntities: () => undefined,
  reset: () => undefined,
  setXmlVersion: () => undefined,
  decode: decodeXmlText,
};

/**
 * One parser for every vendor: values stay strings (an id "0012" stays "0012"), namespaces and attributes are
 * dropped (S3 and OBS send xmlns, OSS and COS do not), text is kept untrimmed (a prefix may start with a space),
 * a DOCTYPE is refused, and a body that is not one well-formed element tree is refused (wellFormedProblem: one
 * cheap pass instead of fast-xml-parser's validator). Lists need no declaring: XmlElement reads one child or many
 * alike.
 */
export function createXmlParser(): XmlParse {
  const parser = new XMLParser({
    parseTagValue: false,
    ignoreAttributes: true,
    removeNSPrefix: true,
    trimValues: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    entityDecoder,
  });
  return (body, status, requestId) => {
    const fail = (why: string, cause?: unknown) =>
      new ProtocolError(`response body is not a readable XML document: ${why}`, status, requestId, { cause });
    // UTF-8 takes at least one byte per UTF-16 unit: only a body near the limit needs counting.
    if (body.length > MAX_XML_BYTES / 3 && Buffer.byteLength(body, "utf8") > MAX_XML_BYTES) throw fail(`larger than ${MAX_XML_BYTES} bytes`);
    if (/<!DOCTYPE/i.test(body)) throw fail("a DOCTYPE is not accepted");
    const problem = wellFormedProblem(body);
    if (problem) throw fail(problem);
    let parsed: Record<string, unknown>;
    try {
      parsed = parser.parse(body) as Record<string, unknown>;
    } catch (error) {
      throw fail(error instanceof Error ? error.message : String(error), error);
    }
    const names = Object.keys(parsed).filter((k) => k !== "#text");
    if (names.length !== 1) throw fail(names.length === 0 ? "no root element" : "more than one root element");
    return { rootName: names[0], root: new XmlElement(names[0], parsed[names[0]]) };
  };
}
