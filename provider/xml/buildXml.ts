import { InputError } from "../errors";
import { xmlTextProblem } from "../model/textRules";

/**
 * The one XML builder. Documents are written as an ordered tree so element order is exactly the order the
 * vendor's documentation shows; elements with no value and no children are left out, so an unset optional field
 * never turns into `<Prefix></Prefix>`. A `marker` (e.g. `<SSE-OSS/>`) is the only element written empty.
 */
export type XmlChild = XmlNode | undefined | false;

export interface XmlNode {
  name: string;
  text?: string;
  children?: XmlChild[];
  /** Written even when empty: its presence is the information. */
  marker?: boolean;
  /** Only for the root element. */
  xmlns?: string;
}

/** `<name>text</name>`; left out when the value is undefined or "". */
export function leaf(name: string, value: string | number | boolean | undefined): XmlNode | undefined {
  if (value === undefined || value === "") return undefined;
  return { name, text: String(value) };
}

export function element(name: string, ...children: XmlChild[]): XmlNode {
  return { name, children };
}

/** An element written even when it ends up empty: `<SSE-OSS/>`, or `<SSE-KMS/>` when no key id is given. */
export function marker(name: string, ...children: XmlChild[]): XmlNode {
  return { name, children, marker: true };
}

const MARKUP = /[&<>"'\r]/;

/** The five markup characters, and CR as a reference (a literal CR would be read back as LF). */
export function escapeXmlText(text: string): string {
  return MARKUP.test(text) ? text.replace(/[&<>"'\r]/g, (c) => ESCAPES[c]) : text;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;", "\r": "&#13;" };

/** Appends to one string, no array per node: every put serializes its configuration here (issue 13, client CPU). */
function render(node: XmlNode): string {
  const problem = node.text === undefined ? undefined : xmlTextProblem(node.text);
  // Never written around (dropped or replaced): the document would say something else than the configuration.
  if (problem) throw new InputError(`<${node.name}>`, `the value ${problem}; nothing was sent`);
  const attrs = node.xmlns ? ` xmlns="${escapeXmlText(node.xmlns)}"` : "";
  let inner = "";
  if (node.children !== undefined) for (const child of node.children) if (child) inner += render(child);
  const text = node.text === undefined ? "" : escapeXmlText(node.text);
  if (inner === "" && text === "") return node.marker ? `<${node.name}${attrs}/>` : "";
  return `<${node.name}${attrs}>${text}${inner}</${node.name}>`;
}

export interface BuildXmlOptions {
  /** Prepend `<?xml version="1.0" encoding="UTF-8"?>` (OSS and S3 documents carry it). */
  declaration?: boolean;
}

export function buildXml(root: XmlNode, options: BuildXmlOptions = {}): string {
  const head = options.declaration ? `<?xml version="1.0" encoding="UTF-8"?>\n` : "";
  return head + (render(root) || `<${root.name}/>`);
}
