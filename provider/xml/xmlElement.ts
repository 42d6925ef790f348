import { ProtocolError } from "../errors";

/**
 * Read-only view of one parsed element. Missing children read as undefined; an element that appears more than
 * once where one is expected reads as its first occurrence; unknown children are simply never asked for, so a
 * newer API's extra elements cannot break a reader. One child and many read alike (`children` is always a list).
 * Reading allocates only what it returns: the path is put together only when a message needs it.
 */
export class XmlElement {
  constructor(
    /** Local name (namespace prefix removed). */
    readonly name: string,
    private readonly value: unknown,
    private readonly parent?: XmlElement,
  ) {}

  /** Dotted path from the root, for messages. */
  get path(): string {
    return this.parent ? `${this.parent.path}.${this.name}` : this.name;
  }

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
    return this.first(name) !== undefined;
  }

  child(name: string): XmlElement | undefined {
    const value = this.first(name);
    return value === undefined ? undefined : new XmlElement(name, value, this);
  }

  children(name: string): XmlElement[] {
    const raw = this.raw(name);
    if (raw === undefined) return [];
    return Array.isArray(raw) ? raw.map((v) => new XmlElement(name, v, this)) : [new XmlElement(name, raw, this)];
  }

  /** Text of a child element, undefined when it is absent. */
  textOf(name: string): string | undefined {
    const value = this.first(name);
    if (value === undefined) return undefined;
    return typeof value === "string" ? value : "";
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
    const raw = this.raw(name);
    if (raw === undefined) return [];
    const text = (v: unknown) => (typeof v === "string" ? v : "");
    return Array.isArray(raw) ? raw.map(text) : [text(raw)];
  }

  private raw(name: string): unknown {
    if (this.value === null || typeof this.value !== "object") return undefined;
    return (this.value as Record<string, unknown>)[name];
  }

  /** The first occurrence of a child's value, undefined when there is none (an empty list counts as none). */
  private first(name: string): unknown {
    const raw = this.raw(name);
    return Array.isArray(raw) ? raw[0] : raw;
  }
}
