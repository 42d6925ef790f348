/**
 * Code generation for `bucket-inventory import`: live configurations → ready-to-paste TypeScript
 * `new BucketInventory(...)` declarations with `adopt: true` (Pulumi cannot import dynamic resources,
 * pulumi/pulumi#16175). Values are written as JSON string literals with the characters that could hide or reorder
 * code in a review escaped (bidi controls, C1 controls, line separators: "Trojan Source"), so any id or prefix is a
 * valid literal that reads as what it is.
 */
import type { BucketRef, InventoryConfig } from "../model/inventoryConfig";
import { outputsOf, type BucketInventoryInputs } from "./resourceArgs";

/** Members in the order the docs present them (top level, then destination and filter members). */
const ORDER = [
  "vendor", "region", "bucket", "inventoryId", "enabled", "destination", "filter", "schedule",
  "includedObjectVersions", "optionalFields", "incrementalInventory", "endpoint", "adopt",
  "prefix", "format", "accountId", "roleArn", "encryption",
  "lastModifyBeginTimeStamp", "lastModifyEndTimeStamp", "lowerSizeBound", "upperSizeBound", "storageClasses", "tags",
];
const INDENT = "    ";
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

// DEL and C1 controls, bidi marks, embeddings, overrides and isolates, and U+2028/2029 (line ends in a comment).
const HIDDEN = /[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/** JSON.stringify, with every HIDDEN character written as a \u escape (same value, visible). */
function jsLiteral(value: unknown): string {
  const text = JSON.stringify(value) ?? "undefined";
  return text.replace(HIDDEN, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function rank(key: string): number {
  return ORDER.includes(key) ? ORDER.indexOf(key) : ORDER.length;
}

/** A TypeScript literal for plain data, nested objects one member per line. */
function literal(value: unknown, depth: number): string {
  if (Array.isArray(value)) {
    const items = value.map((v) => literal(v, depth + 1));
    const inline = `[${items.join(", ")}]`;
    if (inline.length <= 80 && !inline.includes("\n")) return inline;
    const pad = INDENT.repeat(depth + 1);
    return `[\n${items.map((i) => `${pad}${i},`).join("\n")}\n${INDENT.repeat(depth)}]`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return "{}";
    entries.sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
    const pad = INDENT.repeat(depth + 1);
    const lines = entries.map(([k, v]) => `${pad}${IDENTIFIER.test(k) ? k : jsLiteral(k)}: ${literal(v, depth + 1)},`);
    return `{\n${lines.join("\n")}\n${INDENT.repeat(depth)}}`;
  }
  return jsLiteral(value);
}

/**
 * A Pulumi resource name from vendor, bucket and id (OSS `photos/daily` and OBS `photos/daily` differ): letters,
 * digits, '-', '_', '.'; unique within `taken`.
 */
function resourceName(ref: BucketRef, id: string, taken: Set<string>): string {
  const base = `${ref.vendor}-${ref.bucket}-${id}`.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "inventory";
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
  taken.add(name);
  return name;
}

export interface RenderOptions {
  /** Module the program imports BucketInventory from. */
  importFrom?: string;
}

export interface BucketConfigurations {
  ref: BucketRef;
  configs: InventoryConfig[];
}

export interface RenderFileOptions extends RenderOptions {
  /** Resource names already in use (the stack's own): generated names avoid them. */
  taken?: Iterable<string>;
  /** What generated the file, for its header comment, e.g. "`bucket-inventory drift`". */
  generatedBy?: string;
}

const ADOPT_NOTE = "// adopt: true takes each one over as it is at the next `pulumi up`; later previews show any change you make here.";

/** One declaration per configuration of one bucket, in id order; names are unique within `taken` (updated). */
function declarations(ref: BucketRef, configs: InventoryConfig[], taken: Set<string>): string[] {
  const sorted = [...configs].sort((a, b) => a.id.localeCompare(b.id));
  return sorted.map((config) => {
    const identity = { vendor: ref.vendor, region: ref.region, bucket: ref.bucket, inventoryId: config.id } as BucketInventoryInputs;
    const { resourceId, ...args } = outputsOf(identity, config);
    void resourceId;
    // No endpoint: where the program's resources go is stack config's to say (see endpointNote), not a baked-in URL.
    const declared: Record<string, unknown> = { ...args, adopt: true };
    delete declared.endpoint;
    return `new BucketInventory(${jsLiteral(resourceName(ref, config.id, taken))}, ${literal(declared, 0)});`;
  });
}

const importLine = (options: RenderOptions) => `import { BucketInventory } from ${jsLiteral(options.importFrom ?? "pulumi-bucket-inventory")};`;
const where = (ref: BucketRef) => `${ref.vendor} bucket ${jsLiteral(ref.bucket)} in ${jsLiteral(ref.region).slice(1, -1)}`;

/** Where a bucket was read from, when not the vendor's public endpoint, and how the program gets there too. */
function endpointNote(ref: BucketRef): string[] {
  if (!ref.endpoint) return [];
  const url = jsLiteral(ref.endpoint).slice(1, -1);
  return [`// Read from ${url}: the program reaches it through stack config, e.g. \`pulumi config set bucket-inventory:endpoint ${url}\`.`];
}

/** The whole file for one bucket: one import line, then one declaration per configuration, in id order. */
export function renderDeclarations(ref: BucketRef, configs: InventoryConfig[], options: RenderOptions = {}): string {
  return renderDeclarationFile([{ ref, configs }], { ...options, generatedBy: "`bucket-inventory import`" });
}

/** One file for the configurations of many buckets: one import line, names unique across all of them. */
export function renderDeclarationFile(groups: BucketConfigurations[], options: RenderFileOptions = {}): string {
  const taken = new Set(options.taken ?? []);
  const total = groups.reduce((n, g) => n + g.configs.length, 0);
  const lines = [importLine(options), "", `// Generated by ${options.generatedBy ?? "`bucket-inventory`"}: ${total} configuration(s) on ${groups.length} bucket(s).`, ADOPT_NOTE];
  for (const group of groups) {
    lines.push("", `// ${where(group.ref)}`, ...endpointNote(group.ref));
    lines.push(...declarations(group.ref, group.configs, taken).flatMap((d, i) => (i === 0 ? [d] : ["", d])));
  }
  return `${lines.join("\n")}\n`;
}
