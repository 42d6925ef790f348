import { XMLParser } from "fast-xml-parser";

const parser = new XMLParser({ ignoreAttributes: true, removeNSPrefix: true, parseTagValue: false, ignoreDeclaration: true });

/** A response or request document as plain objects (namespaces and attributes dropped, values as strings). */
export function parseXml(body: string): Record<string, unknown> {
  return parser.parse(body) as Record<string, unknown>;
}
