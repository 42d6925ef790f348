import { ProtocolError } from "../errors";

/**
 * Read-only view of one parsed element. Missing children read as undefined; an element that appears more than
 * once where one is expected reads as its first occurrence; unknown children are simply never asked for, so a
 * newer API's extra elements cannot break a reader.
 */
export class XmlElement {
  constructor(
    /** Local name (namespace prefix removed). */
    readonly name: string,
    private readonly value: unknown,
    /** Dotted path from the root, for messages. */
    readonly path: string = name,
  ) {}

  /** The element's own text; "" for an empty element or a container. */
  get text(): string {
    return typeof this.value === "string" ? this.value : "";
  }

  /** True when the element has neither text nor child elements (`<SSE-OSS/>`, `<Prefix></Prefix>`). */
  get isEmpty(): boolean {
    if (typeof this.value === "string") return this.value.trim() === "";
    return this.childNames().length === 0;
  }

  childNames(): string[] {
    if (this.value === null || typeof this.value !== "object") return [];
    return Object.keys(this.value).filter((k) => k !== "#text");
  }

  has(name: string): boolean {
    return this.children(name).length > 0;
  }

  child(name: string): XmlElement | undefined {
    return this.children(name)[0];
  }

  children(name: string): XmlElement[] {
    if (this.value === null || typeof this.value !== "object") return [];
    const raw = (this.value as Record<string, unknown>)[name];
    if (raw === undefined) return [];
    const list = Array.isArray(raw) ? raw : [raw];
    return list.map((v) => new XmlElement(name, v, `${this.path}.${name}`));
  }

  /** Text of a child element, undefined when it is absent. */
  textOf(name: string): string | undefined {
    return this.child(name)?.text;
  }

  /** Text of a child that must be there and not be blank. */
  requiredText(name: string): string {
    const text = this.textOf(name);
    if (text === undefined || text.trim() === "") {
      throw new ProtocolError(`response element ${this.path}.${name} is missing or empty`);
    }
    return text;
  }

  /** Texts of every `name` child, e.g. each OptionalFields/Field. */
  textsOf(name: string): string[] {
    return this.children(name).map((c) => c.text);
  }
}
