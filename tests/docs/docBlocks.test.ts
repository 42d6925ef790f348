/**
 * The mechanism that keeps the documents honest: every fenced block of README.md and tests/fake/README.md carries
 * a marker naming a known kind, so a test runs it (or, for `illustrative`, says why not). A block added without a
 * marker fails here.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { commandsOf, docBlocks, KINDS, where } from "./support/docBlocks";

const DOCUMENTS = ["README.md", "tests/fake/README.md"];

describe.each(DOCUMENTS)("%s", (document) => {
  const blocks = docBlocks(document);

  it("has blocks, each marked with a known kind", () => {
    expect(blocks.length).toBeGreaterThan(3);
    const unmarked = blocks.filter((b) => !(b.kind && b.kind in KINDS)).map((b) => `${where(b)}: ${b.kind ?? "no doc-test marker"}`);
    expect(unmarked).toEqual([]);
  });

  it("says why an illustrative block is not run", () => {
    expect(blocks.filter((b) => b.kind === "illustrative" && !b.note).map(where)).toEqual([]);
  });

  it("leaves to tests/cli/scheduledDrift.test.ts only the blocks of its section, \"Scheduled drift detection\"", () => {
    expect(blocks.filter((b) => b.kind === "drift" && !/^Scheduled drift detection/.test(b.heading)).map(where)).toEqual([]);
  });

  it("leaves to the tests/cli tier only the blocks of its section, \"With the Pulumi CLI\"", () => {
    expect(blocks.filter((b) => b.kind === "cli" && !/^With the Pulumi CLI/.test(b.heading)).map(where)).toEqual([]);
  });
});

describe("docBlocks", () => {
  const sample = [
    "# Title",
    "<!-- doc-test: output colocation — what preview prints -->",
    "  ```",
    "  line one",
    "  ```",
    "## Section",
    "```sh",
    "npx tool --port 9000 &   # starts it",
    "# a comment line",
    "",
    "tool call",
    "```",
  ].join("\n");

  it("reads fence, language, heading, indent and marker; lists commands without comments", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "doc-blocks-"));
    fs.writeFileSync(path.join(dir, "doc.md"), sample);
    const [first, second] = docBlocks("doc.md", dir);
    expect(first).toEqual({ document: "doc.md", line: 3, lang: "", heading: "Title", text: "line one", kind: "output", id: "colocation", note: "what preview prints" });
    expect(second).toMatchObject({ line: 7, lang: "sh", heading: "Section" });
    expect(second.kind).toBeUndefined();
    expect(commandsOf(second)).toEqual(["npx tool --port 9000 &", "tool call"]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("refuses a fence that is never closed", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "doc-blocks-"));
    fs.writeFileSync(path.join(dir, "doc.md"), "```sh\nnever closed\n");
    expect(() => docBlocks("doc.md", dir)).toThrow("doc.md:1: a code fence that is never closed");
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
