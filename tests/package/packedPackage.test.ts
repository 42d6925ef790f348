/**
 * The package as `npm pack` makes it and a user installs it (offline, from the npm cache, into a temp consumer
 * project): its license, its repository, no script run at install, every link of its documents alive, the default
 * seed where the README says, and its command working.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { defaultSeed } from "../fake/seed";
import { typeCheckProgram } from "../docs/support/consumerCode";
import { consumerProject, ROOT, type ConsumerProject } from "../support/consumerProject";

let consumer: ConsumerProject;
beforeAll(async () => {
  consumer = await consumerProject();
}, 600_000);

const installed = (file: string) => path.join(consumer.packageDir, file);
const manifest = () => JSON.parse(fs.readFileSync(installed("package.json"), "utf8"));

/** Relative link targets in a markdown file: `[text](target)`, without #fragments; absolute URLs left out. */
function relativeLinks(markdown: string): string[] {
  const links = [...markdown.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1].split("#")[0]);
  return links.filter((l) => l !== "" && !/^[a-z][a-z0-9+.-]*:/i.test(l));
}

describe("the packed package", () => {
  it("carries the Apache-2.0 license text its package.json declares", () => {
    expect(manifest().license).toBe("Apache-2.0");
    const text = fs.readFileSync(installed("LICENSE"), "utf8");
    expect(text).toMatch(/^\s*Apache License\s+Version 2\.0, January 2004\s+http:\/\/www\.apache\.org\/licenses\//);
    expect(text).toContain("TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION");
    expect(text).toContain("END OF TERMS AND CONDITIONS");
  });

  it("names its repository, home page and issue tracker", () => {
    const { repository, homepage, bugs } = manifest();
    expect(repository).toEqual({ type: "git", url: expect.stringMatching(/^git\+https:\/\/.+\.git$/) });
    expect(homepage).toMatch(/^https:\/\//);
    expect(bugs.url).toMatch(/^https:\/\//);
  });

  it("runs no script when installed (it is built at pack time, by prepack)", () => {
    const scripts = manifest().scripts ?? {};
    for (const hook of ["preinstall", "install", "postinstall", "prepare"]) expect([hook, scripts[hook]]).toEqual([hook, undefined]);
    expect(scripts.prepack).toBe("tsc -p tsconfig.build.json");
    expect(consumer.installOutput).not.toContain("pulumi-bucket-inventory@");
  });

  it("ships every file a link in its documents points at", () => {
    const documents = consumer.packedFiles.filter((f) => f.endsWith(".md"));
    expect(documents).toEqual(expect.arrayContaining(["README.md", "tests/fake/README.md", "docs/ARCHITECTURE.md"]));
    const dead: string[] = [];
    for (const doc of documents) {
      for (const link of relativeLinks(fs.readFileSync(installed(doc), "utf8"))) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(doc), link));
        if (!fs.existsSync(installed(target))) dead.push(`${doc} → ${link}`);
      }
    }
    expect(dead).toEqual([]);
  });

  it("has the default seed where the README says, the same one the fake cloud starts with", () => {
    const readme = fs.readFileSync(installed("README.md"), "utf8");
    const documented = /`node_modules\/pulumi-bucket-inventory\/([^`]*defaultSeed\.json)`/.exec(readme)?.[1];
    expect(documented).toBeDefined();
    const seed = JSON.parse(fs.readFileSync(installed(documented!), "utf8"));
    expect(seed).toEqual(defaultSeed());
    expect(fs.readFileSync(installed(documented!), "utf8")).toBe(fs.readFileSync(path.join(ROOT, "tests/fake/defaultSeed.json"), "utf8"));
  });
});

describe("its modules in a user's TypeScript", () => {
  it("type-check under a Pulumi project's compiler settings (classic node resolution), subpaths included", () => {
    const code = [
      'import { BucketInventory } from "pulumi-bucket-inventory";',
      'import { defaultProvider, MINIMUM_NODE_VERSION } from "pulumi-bucket-inventory/provider";',
      'import { startFakeCloud, defaultSeed } from "pulumi-bucket-inventory/fake-cloud";',
      "export const used = [BucketInventory, defaultProvider, MINIMUM_NODE_VERSION, startFakeCloud, defaultSeed];",
    ].join("\n");
    expect(typeCheckProgram(consumer.dir, "subpaths", code)).toEqual([]);
  });
});

describe("the installed bucket-inventory command", () => {
  const bin = () => path.join(consumer.dir, "node_modules/.bin/bucket-inventory");

  it("prints the import usage for import --help", async () => {
    const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) =>
      execFile(process.execPath, [bin(), "import", "--help"], { cwd: consumer.dir }, (error, out) => resolve({ code: error ? Number(error.code) : 0, stdout: out })),
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/^usage: bucket-inventory import /);
  });

  it("serves the fake cloud and prints its URL", async () => {
    const child = execFile(process.execPath, [bin(), "fake-cloud", "--port", "0"], { cwd: consumer.dir });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout!.on("data", (d) => {
          out += d;
          if (out.includes("\n")) resolve(out.slice(0, out.indexOf("\n")));
        });
        child.on("exit", (code) => reject(new Error(`exited ${code} before printing its URL`)));
      });
      expect(JSON.parse(line)).toEqual({ url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) });
    } finally {
      child.kill("SIGTERM");
    }
  });
});
