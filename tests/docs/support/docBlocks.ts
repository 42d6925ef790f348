/**
 * The fenced code blocks of a markdown document, each with the marker that says how a test proves it: an HTML
 * comment on the line right above the fence, invisible when the document is rendered:
 *
 *   <!-- doc-test: compile -->
 *   ```ts
 *
 * The grammar is `doc-test: <kind> [<id>] [— <note>]`. The kind says which test runs the block (see KINDS); the id
 * names the scenario when a kind has several; `illustrative` blocks are not run and must say why in the note.
 * Every block must carry a marker: a block added without one fails tests/docs/docBlocks.test.ts, so the documents
 * cannot drift from the code again.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** Every kind, and what proves a block of that kind. */
export const KINDS = {
  repository: "its commands run in the repository (tests/docs/readme.test.ts)",
  install: "its npm install names exactly what the packed consumer project installs (tests/docs/readme.test.ts)",
  compile: "it type-checks in the consumer project against the installed package (tests/docs/*.test.ts)",
  run: "it compiles and runs in the consumer project (tests/docs/*.test.ts)",
  pulumi: "its commands run in the consumer project with the real pulumi CLI against the fake cloud (tests/docs/readme.test.ts)",
  usage: "its first line is what the command's --help prints (tests/docs/*.test.ts)",
  output: "its lines are exactly what the scenario named by its id prints (tests/docs/readme.test.ts)",
  layout: "every folder it lists exists (tests/docs/readme.test.ts)",
  "seed-format": "its members are exactly the seed format's (tests/docs/fakeReadme.test.ts)",
  fault: "the admin API accepts it as written and stores it unchanged (tests/docs/fakeReadme.test.ts)",
  cli: "run with the real pulumi CLI by the tests/cli tier (README section \"With the Pulumi CLI\")",
  drift: "run as written, with the real pulumi CLI, by tests/cli/scheduledDrift.test.ts (README section \"Scheduled drift detection\")",
  illustrative: "not run; the note says why",
} as const;

export type DocKind = keyof typeof KINDS;

export interface DocBlock {
  /** Repository-relative path of the document. */
  document: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The fence's language, e.g. "sh", "ts", "" for none. */
  lang: string;
  /** The nearest heading above the block. */
  heading: string;
  /** The block's text, without the fences. */
  text: string;
  /** From the marker; undefined when the block has none. */
  kind?: string;
  id?: string;
  note?: string;
}

export const ROOT = path.resolve(__dirname, "..", "..", "..");
const MARKER = /^\s*<!--\s*doc-test:\s*([a-z-]+)(?:\s+([A-Za-z0-9_.-]+))?(?:\s*[—-]+\s*(.*?))?\s*-->\s*$/;

/** Every fenced block of `document` (a path relative to the repository), in order. */
export function docBlocks(document: string, root: string = ROOT): DocBlock[] {
  const lines = fs.readFileSync(path.join(root, document), "utf8").split("\n");
  const blocks: DocBlock[] = [];
  let heading = "";
  for (let i = 0; i < lines.length; i++) {
    const heading_ = /^#{1,6}\s+(.*)$/.exec(lines[i]);
    if (heading_) heading = heading_[1].trim();
    const fence = /^(\s*)```(\S*)\s*$/.exec(lines[i]);
    if (!fence) continue;
    const indent = fence[1].length;
    const end = lines.findIndex((l, j) => j > i && /^\s*```\s*$/.test(l));
    if (end < 0) throw new Error(`${document}:${i + 1}: a code fence that is never closed`);
    const marker = MARKER.exec(lines[i - 1] ?? "");
    const block: DocBlock = {
      document, line: i + 1, lang: fence[2], heading,
      text: lines.slice(i + 1, end).map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length))).join("\n"),
    };
    if (marker) Object.assign(block, { kind: marker[1], id: marker[2], note: marker[3] });
    blocks.push(block);
    i = end;
  }
  return blocks;
}

/** The blocks of one kind (and id, when given). */
export function blocksOf(document: string, kind: DocKind, id?: string): DocBlock[] {
  return docBlocks(document).filter((b) => b.kind === kind && (id === undefined || b.id === id));
}

/** "README.md:36" for messages and test names. */
export const where = (b: DocBlock) => `${b.document}:${b.line}`;

/** The block's commands: lines without their trailing `# comments`, blank lines and comment-only lines left out. */
export function commandsOf(block: DocBlock): string[] {
  return block.text
    .split("\n")
    .map((l) => l.replace(/\s+#\s.*$/, "").trim())
    .filter((l) => l !== "" && !l.startsWith("#"));
}
