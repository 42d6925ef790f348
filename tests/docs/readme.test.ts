/**
 * README.md, block by block, run the way its marker says (tests/docs/support/docBlocks.ts): so a command or a
 * snippet that stops working, or a printed message that changes, fails here instead of misleading the next user.
 * Blocks of the section "With the Pulumi CLI" (kind `cli`) are run by the tests/cli tier.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as ts from "typescript";
import { consumerProject, type ConsumerProject } from "../support/consumerProject";
import { fakeArgs, failuresText, refOf, startHarness, type Harness } from "../integration/resource/fakeCloudSetup";
import { blocksOf, commandsOf, docBlocks, ROOT, where, type DocBlock, type DocKind } from "./support/docBlocks";
import { typeCheckProgram } from "./support/consumerCode";
import { runFakeCloudSnippet, usageLines } from "./support/commonBlocks";
import { pulumiCliPath, runPulumiBlock } from "./support/pulumiBlock";
import seed from "../fake/defaultSeed.json";

const README = "README.md";
const HANDLED: DocKind[] = ["repository", "install", "compile", "run", "pulumi", "usage", "output", "layout", "cli", "drift", "illustrative"];

let consumer: ConsumerProject;
beforeAll(async () => {
  consumer = await consumerProject();
}, 600_000);

/** The README's program: its one `compile` block (the example a new user copies first). */
const program = () => blocksOf(README, "compile")[0].text;

/** The arguments each `new BucketInventory(name, args)` of a program passes, the program run against a stand-in. */
function argsOfProgram(text: string): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const js = ts.transpileModule(text.replace(/^import .*$/gm, ""), { compilerOptions: { module: ts.ModuleKind.CommonJS } }).outputText;
  new Function("BucketInventory", js)(class { constructor(_name: string, args: Record<string, unknown>) { found.push(args); } });
  return found;
}

function run(command: string, args: string[], cwd: string, extraEnv: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`, ...extraEnv };
    execFile(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024, timeout: 600_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
  });
}

describe("README.md", () => {
  it("marks every block with a kind a test here (or the tests/cli tier) runs", () => {
    const unhandled = docBlocks(README).filter((b) => !HANDLED.includes(b.kind as DocKind)).map(where);
    expect(unhandled).toEqual([]);
  });

  describe.each(blocksOf(README, "compile").map((b) => [where(b), b] as const))("%s (compile)", (_at, block) => {
    it("type-checks as a Pulumi program in a project that installed the packed package", () => {
      expect(typeCheckProgram(consumer.dir, `compile-${block.line}`, block.text)).toEqual([]);
    });
  });

  describe.each(blocksOf(README, "run").map((b) => [where(b), b] as const))("%s (run)", (_at, block) => {
    it("compiles as an ES module and runs in that project (the fake it starts is closed after)", async () => {
      expect(await runFakeCloudSnippet(consumer, block)).toEqual([]);
    }, 60_000);
  });

  describe.each(blocksOf(README, "install").map((b) => [where(b), b] as const))("%s (install)", (_at, block) => {
    it("names the packages the consumer project installed, ours from the packed tarball", () => {
      const named = commandsOf(block).flatMap((c) => c.replace(/^npm install\s+/, "").split(/\s+/));
      const manifest = JSON.parse(fs.readFileSync(path.join(consumer.dir, "package.json"), "utf8"));
      expect(Object.keys(manifest.dependencies)).toEqual(expect.arrayContaining(named));
      expect(manifest.dependencies["pulumi-bucket-inventory"]).toMatch(/^file:.*\.tgz$/);
    });
  });

  describe.each(blocksOf(README, "usage").map((b) => [where(b), b] as const))("%s (usage)", (_at, block) => {
    it("is the usage line the installed command prints for --help", async () => {
      const { documented, printed } = await usageLines(consumer, block);
      expect(documented).toBe(printed);
    });
  });

  describe.each(blocksOf(README, "layout").map((b) => [where(b), b] as const))("%s (layout)", (_at, block) => {
    it("lists folders that exist", () => {
      const folders = block.text.split("\n").map((l) => /^(\S+\/)/.exec(l)?.[1]).filter((f): f is string => f !== undefined);
      expect(folders.length).toBeGreaterThan(3);
      expect(folders.filter((f) => !fs.existsSync(path.join(ROOT, f)))).toEqual([]);
    });
  });

  describe("output blocks", () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness();
    });
    afterAll(async () => h?.close());

    it.each(blocksOf(README, "output", "colocation").map((b) => [where(b), b] as const))(
      "%s: the README's program with region cn-beijing and destination reports-beijing fails preview with exactly these lines",
      async (_at, block) => {
        const [args] = argsOfProgram(program());
        const destination = { ...(args.destination as object), bucket: "reports-beijing" };
        const checked = await h.provider.check({}, { ...args, region: "cn-beijing", destination, endpoint: h.fake.url });
        expect(failuresText(checked.failures)).toEqual(block.text.split("\n").map((l) => l.trim()).filter(Boolean));
      },
    );

    it.each(blocksOf(README, "output", "versioning").map((b) => [where(b), b] as const))(
      "%s: the README's program on photos-qingdao (versioning off) with includedObjectVersions All warns exactly this line",
      async (_at, block) => {
        const [args] = argsOfProgram(program());
        const qingdao = {
          ...args, region: "cn-qingdao", bucket: "photos-qingdao", inventoryId: "all-versions", includedObjectVersions: "All",
          destination: { ...(args.destination as object), bucket: "reports-qingdao" }, endpoint: h.fake.url,
        };
        h.warnings.length = 0;
        expect(failuresText((await h.provider.check({}, qingdao)).failures)).toEqual([]);
        const documented = block.text.split("\n").map((l) => l.trim()).filter((l) => l.startsWith("warning: "));
        expect(h.warnings.map((w) => `warning: ${w}`)).toEqual(documented);
      },
    );

    it("the program is the quick start's OSS inventory (the same arguments pass every check)", async () => {
      const [args] = argsOfProgram(program());
      expect(failuresText((await h.provider.check({}, { ...args, endpoint: h.fake.url })).failures)).toEqual([]);
      expect(args).toEqual(expect.objectContaining({ vendor: "oss", bucket: fakeArgs(h.fake, "oss").bucket }));
    });

    // The section "With the Pulumi CLI" (its fake-cloud commands included) is the tests/cli tier's: tests/cli/readme.test.ts.
    describe("pulumi blocks, with the real CLI", () => {
      const cliPath = pulumiCliPath();
      const ossKeys = seed.accounts.find((a) => a.vendor === "oss")!;
      if (!cliPath && process.env.CI === "true") it("has a pulumi CLI (CI)", () => expect(cliPath).toBeDefined());
      if (!cliPath) console.log("no pulumi CLI ready (sh scripts/pulumi-cli.sh builds one): README's pulumi blocks not run");

      (cliPath ? it : it.skip)("install-and-use: the stack config commands, preview and up create the inventory (on the fake cloud the stack config names)", async () => {
        const [block] = blocksOf(README, "pulumi", "install-and-use");
        h.fake.admin.reset();
        await runPulumiBlock({
          consumerDir: consumer.dir, name: "install-and-use", program: program(), cliPath: cliPath!, commands: commandsOf(block),
          prepare: [`pulumi config set bucket-inventory:endpoint ${h.fake.url}`],
          substitutions: { "<id>": ossKeys.accessKeyId, "<secret>": ossKeys.secretAccessKey },
        });
        expect((await h.other.getInventory(refOf(h.fake, "oss"), "daily"))?.id).toBe("daily");
      }, 300_000);
    });
  });

  describe.each(blocksOf(README, "repository").map((b) => [where(b), b] as const))("%s (repository)", (_at, block: DocBlock) => {
    it("runs each command in the repository (npm ci is what CI ran before this suite; npm test is this suite)", async () => {
      const commands = commandsOf(block).map((c) => c.replace(/^npm ci && /, "")).filter((c) => c !== "npm test");
      expect(commands).toEqual(["npm run demo"]);
      // The demo keeps its project and state in a temp folder here (by default .cache/ in the repository, for the
      // user to look at): no test writes into the repository.
      const workRoot = fs.mkdtempSync(path.join(os.tmpdir(), "bucket-inventory-demo-"));
      try {
        const demo = await run("npm", ["run", "demo"], ROOT, { BUCKET_INVENTORY_DEMO_DIR: workRoot });
        expect({ code: demo.code, stderr: demo.code === 0 ? "" : demo.stderr }).toEqual({ code: 0, stderr: "" });
        expect(demo.stdout).toContain("The review preview failed as intended");
        expect(fs.readdirSync(workRoot).length).toBeGreaterThan(0);
      } finally {
        fs.rmSync(workRoot, { recursive: true, force: true });
      }
    }, 600_000);
  });
});
