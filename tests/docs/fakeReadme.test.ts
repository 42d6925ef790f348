/**
 * tests/fake/README.md, block by block, run the way its marker says (tests/docs/support/docBlocks.ts).
 */
import { startFakeCloud, type FakeCloud } from "../fake/index";
import seed from "../fake/defaultSeed.json";
import { validateSeed } from "../fake/seed";
import { consumerProject, type ConsumerProject } from "../support/consumerProject";
import { runFakeCloudSnippet, usageLines } from "./support/commonBlocks";
import { blocksOf, docBlocks, where, type DocKind } from "./support/docBlocks";

const FAKE_README = "tests/fake/README.md";
const HANDLED: DocKind[] = ["usage", "run", "seed-format", "fault", "illustrative"];

let consumer: ConsumerProject;
beforeAll(async () => {
  consumer = await consumerProject();
}, 600_000);

const at = (kind: DocKind) => blocksOf(FAKE_README, kind).map((b) => [where(b), b] as const);
const keysOf = (items: object[]) => [...new Set(items.flatMap((i) => Object.keys(i)))].sort();

describe("tests/fake/README.md", () => {
  it("marks every block with a kind a test here runs", () => {
    expect(docBlocks(FAKE_README).filter((b) => !HANDLED.includes(b.kind as DocKind)).map(where)).toEqual([]);
  });

  describe.each(at("usage"))("%s (usage)", (_at, block) => {
    it("is the usage line the installed command prints for --help", async () => {
      const { documented, printed } = await usageLines(consumer, block);
      expect(documented).toBe(printed);
    });
  });

  describe.each(at("run"))("%s (run)", (_at, block) => {
    it("compiles as an ES module and runs in a project that installed the packed package", async () => {
      expect(await runFakeCloudSnippet(consumer, block)).toEqual([]);
    }, 60_000);
  });

  describe.each(at("seed-format"))("%s (seed-format)", (_at, block) => {
    it("names exactly the members of accounts and buckets the fake reads (all used by the default seed)", () => {
      const documented = JSON.parse(block.text) as { accounts: object[]; buckets: object[] };
      const read = validateSeed(seed);
      expect(Object.keys(documented).sort()).toEqual(["accounts", "buckets"]);
      expect(keysOf(documented.accounts)).toEqual(keysOf(read.accounts));
      expect(keysOf(documented.buckets)).toEqual(keysOf(read.buckets));
    });
  });

  describe.each(at("fault"))("%s (fault)", (_at, block) => {
    let fake: FakeCloud;
    beforeAll(async () => {
      fake = await startFakeCloud({ port: 0 });
    });
    afterAll(async () => fake?.close());

    it("is accepted by POST /__fake/faults as written and stored unchanged", async () => {
      const rule = JSON.parse(block.text);
      const response = await fetch(`${fake.url}/__fake/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: block.text });
      expect(response.status).toBe(200);
      const stored = await (await fetch(`${fake.url}/__fake/faults`)).json();
      expect(stored).toEqual([{ ...rule, id: expect.any(String), hits: 0 }]);
    });
  });
});
