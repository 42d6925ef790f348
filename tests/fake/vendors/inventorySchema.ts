import type { XmlElement } from "../xml/xmlElement";

/**
 * A small schema language for the vendors' configuration documents: which elements exist, which are required or
 * repeat, and what a leaf may hold. Reading keeps exactly the accepted elements and values (a stored
 * configuration renders back unchanged: the round trip moto got wrong); rendering walks the schema's order.
 */

export type ConfigValue = string | ConfigNode | ConfigValue[];
export interface ConfigNode {
  [name: string]: ConfigValue;
}

export interface ElementSpec {
  name: string;
  required?: boolean;
  /** The element may appear several times (OptionalFields/Field, And/Tag). */
  repeat?: boolean;
  /** Present for containers; `[]` for marker containers such as `<SSE-OSS/>`. */
  children?: ElementSpec[];
  /** Leaf rule: the rule broken, or undefined when the value is fine. */
  check?: (value: string) => string | undefined;
  /** Leaf spelling the service stores, e.g. booleans in lower case. */
  normalize?: (value: string) => string;
}

export interface SchemaViolation {
  /** "structure": unknown, missing, repeated or misplaced element; "value": a leaf breaks its rule. */
  kind: "structure" | "value";
  path: string;
  value?: string;
  rule: string;
}

export class SchemaViolationError extends Error {
  constructor(readonly violation: SchemaViolation) {
    const v = violation;
    super(`${v.path}${v.value !== undefined ? `: "${v.value}"` : ""}: ${v.rule}`);
    this.name = "SchemaViolationError";
  }
}

export function readWithSchema(el: XmlElement, spec: ElementSpec, path: string = spec.name): ConfigNode {
  if (el.name !== spec.name) fail("structure", path, `the root element must be ${spec.name}, not ${el.name}`);
  return readContainer(el, spec, path);
}

function readContainer(el: XmlElement, spec: ElementSpec, path: string): ConfigNode {
  if (el.text.trim() !== "") fail("structure", path, "a container element cannot hold text");
  const node: ConfigNode = {};
  const children = spec.children ?? [];
  for (const child of el.children) {
    const childSpec = children.find((c) => c.name === child.name);
    const childPath = `${path}/${child.name}`;
    if (!childSpec) fail("structure", childPath, `is not an element of ${spec.name}`);
    const value = childSpec.children ? readContainer(child, childSpec, childPath) : readLeaf(child, childSpec, childPath);
    if (childSpec.repeat) ((node[child.name] ??= []) as ConfigValue[]).push(value);
    else if (child.name in node) fail("structure", childPath, "may appear only once");
    else node[child.name] = value;
  }
  for (const childSpec of children) {
    if (childSpec.required && !(childSpec.name in node)) fail("structure", `${path}/${childSpec.name}`, "is required");
  }
  return node;
}

function readLeaf(el: XmlElement, spec: ElementSpec, path: string): string {
  if (el.children.length > 0) fail("structure", path, "must hold a value, not elements");
  const broken = spec.check?.(el.text);
  if (broken !== undefined) fail("value", path, broken, el.text);
  return spec.normalize ? spec.normalize(el.text) : el.text;
}

function fail(kind: SchemaViolation["kind"], path: string, rule: string, value?: string): never {
  throw new SchemaViolationError({ kind, path, rule, value });
}

export function renderWithSchema(node: ConfigNode, spec: ElementSpec, attributes?: Record<string, string>): XmlElement {
  const children: XmlElement[] = [];
  for (const childSpec of spec.children ?? []) {
    const value = node[childSpec.name];
    if (value === undefined) continue;
    const values = childSpec.repeat && Array.isArray(value) ? value : [value];
    for (const v of values) {
      children.push(
        childSpec.children
          ? renderWithSchema(v as ConfigNode, childSpec)
          : { name: childSpec.name, text: String(v), children: [] },
      );
    }
  }
  return { name: spec.name, text: "", children, attributes };
}

/** Leaf rules shared by the vendors. */
export function oneOf(values: readonly string[]): (value: string) => string | undefined {
  return (value) => (values.includes(value) ? undefined : `must be one of ${values.join(", ")}`);
}

export function booleanValue(accepted: readonly string[] = ["true", "false"]): Pick<ElementSpec, "check" | "normalize"> {
  return {
    check: (v) => (accepted.includes(v) ? undefined : `must be ${accepted.join(" or ")}`),
    normalize: (v) => (v === "1" || v.toLowerCase() === "true" ? "true" : "false"),
  };
}

/** Typed views of a stored node, for the vendor rules. */
export function textAt(node: ConfigNode | undefined, ...path: string[]): string | undefined {
  let current: ConfigValue | undefined = node;
  for (const name of path) {
    if (current === undefined || typeof current === "string" || Array.isArray(current)) return undefined;
    current = current[name];
  }
  return typeof current === "string" ? current : undefined;
}

export function nodeAt(node: ConfigNode | undefined, ...path: string[]): ConfigNode | undefined {
  let current: ConfigValue | undefined = node;
  for (const name of path) {
    if (current === undefined || typeof current === "string" || Array.isArray(current)) return undefined;
    current = current[name];
  }
  return current !== undefined && typeof current !== "string" && !Array.isArray(current) ? current : undefined;
}

export function listAt(node: ConfigNode | undefined, ...path: string[]): string[] {
  const parent = nodeAt(node, ...path.slice(0, -1));
  const value = parent?.[path[path.length - 1]];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}
