/**
 * scripts/check-clean-tree.sh, which .ci/run runs after `npm test` so that no test can write into the repository
 * again unnoticed: in a scratch git repository, it passes on a clean run and fails, naming each path, on a changed
 * tracked file, a new untracked file and a file written into an ignored folder; the build's own outputs
 * (node_modules/, dist/, .cache/node22/) and what was already dirty before the run are not the run's doing.
 */
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const SCRIPT = path.resolve(__dirname, "..", "..", "..", "scripts", "check-clean-tree.sh");

describe("scripts/check-clean-tree.sh", () => {
  let scratch: string;
  let repo: string;
  let before: string;

  const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], { cwd: repo, encoding: "utf8" });
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    fs.writeFileSync(path.join(repo, file), text);
  };
  /** The listing .ci/run takes before the tests, dated a little earlier so every later write is newer. */
  const startRun = () => {
    fs.writeFileSync(before, git("status", "--porcelain", "--untracked-files=all"));
    const earlier = new Date(Date.now() - 5_000);
    fs.utimesSync(before, earlier, earlier);
  };
  const check = () => spawnSync("sh", [path.join(repo, "scripts", "check-clean-tree.sh"), before], { encoding: "utf8" });

  beforeEach(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "bi-clean-tree-"));
    repo = path.join(scratch, "repo");
    before = path.join(scratch, "before");
    fs.mkdirSync(repo);
    git("init", "-q");
    write("scripts/check-clean-tree.sh", fs.readFileSync(SCRIPT, "utf8"));
    write(".gitignore", "node_modules/\ndist/\n.cache/\nout/\n");
    write("tracked.txt", "one\n");
    write("README.md", "readme\n");
    git("add", "-A");
    git("commit", "-q", "-m", "start");
  });
  afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it("passes when the run wrote only the build's outputs", () => {
    startRun();
    write("node_modules/x/index.js", "x");
    write("dist/index.js", "x");
    write(".cache/node22/bin/node", "x");
    const result = check();
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: "" });
    expect(result.stdout).toContain("wrote nothing into the repository");
  });

  it("fails naming a changed tracked file, a new file and a file in an ignored folder", () => {
    startRun();
    write("tracked.txt", "two\n");
    write("tests/program/Pulumi.dev.yaml", "config: {}\n");
    write(".cache/reliability/figures.json", "{}");
    write("out/result.md", "x");
    const result = check();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("left the working tree dirty");
    expect(result.stderr).toContain(" M tracked.txt");
    expect(result.stderr).toContain("?? tests/program/Pulumi.dev.yaml");
    expect(result.stderr).toContain("wrote into ignored folders");
    expect(result.stderr).toContain("  .cache/reliability/figures.json");
    expect(result.stderr).toContain("  out/result.md");
  });

  it("leaves out what was dirty before the run began", () => {
    write("README.md", "edited by the developer\n");
    startRun();
    expect(check().status).toBe(0);
  });
});
