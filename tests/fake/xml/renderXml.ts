import type { XmlElement } from "./xmlElement";

/** Serializes a tree with an XML declaration. Containers without children render as `<Name/>`. */
export function renderXml(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${renderElement(root)}`;
}

function renderElement(el: XmlElement): string {
  const attrs = Object.entries(el.attributes ?? {})
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join("");
  if (el.children.length > 0) return `<${el.name}${attrs}>${el.children.map(renderElement).join("")}</${el.name}>`;
  if (el.text === "") return `<${el.name}${attrs}/>`;
  return `<${el.name}${attrs}>${escapeXml(el.text)}</${el.name}>`;
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] ?? c);
}
