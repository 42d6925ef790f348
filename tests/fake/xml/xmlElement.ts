/** The fake's own XML tree: element name (namespace prefix dropped), text as sent, children in document order. */
export interface XmlElement {
  name: string;
  text: string;
  children: XmlElement[];
  /** Attributes as written; only used when rendering (xmlns, xsi:type). */
  attributes?: Record<string, string>;
}

export function element(name: string, content?: string | XmlElement[], attributes?: Record<string, string>): XmlElement {
  if (Array.isArray(content)) return { name, text: "", children: content, attributes };
  return { name, text: content ?? "", children: [], attributes };
}

/** Leaves for the values that are set; undefined values are skipped (the services never echo empty elements). */
export function leaves(pairs: [string, string | undefined][]): XmlElement[] {
  return pairs.filter((p): p is [string, string] => p[1] !== undefined).map(([name, value]) => element(name, value));
}
