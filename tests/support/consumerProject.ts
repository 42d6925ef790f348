/**
 * The package as a user gets it: `npm pack` of this repository (its `prepack` builds dist/), installed into a
 * temp consumer project with `npm install --offline` from the npm cache, next to the `@pulumi/pulumi` our lock
 * pins. Nothing is downloaded: the consumer's lock is this repository's lock cut down to the production
 * dependencies (npm would otherwise ask the registry for full package documents, which `npm ci` never caches).
 *
 * Packing and installing take a while, so one consumer is shared by every test file of a run and by later runs
 * while the sources are unchanged: it is kept under <system temp>/bucket-inventory-consumer/<hash of everything that
 * goes into the package>, built by one process at a time (a lock directory); builds unused for a day are removed. It
 * lives outside the repository so that node's module resolution, walking up from the consumer, can never reach
 * this repository's node_modules: a dependency missing from the package's package.json fails as it would for a
 * user. TypeScript is installed beside @pulumi/pulumi, as in a Pulumi TypeScript project (the tests/cli tier runs
 * TypeScript programs in it).
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");
const CACHE = path.join(os.tmpdir(), "bucket-inventory-consumer");
const UNUSED_FOR_MS = 24 * 3_600_000;
/** What goes into the package or decides how it is built. */
const INPUTS = ["package.json", "package-lock.json", "tsconfig.json", "tsconfig.build.json", "README.md", "LICENSE", "BENCHMARKS.md", "bin", "provider", "sdk", "cli", "tests/fake", "docs"];

export interface ConsumerProject {
  /** The consumer project (package.json, node_modules). */
  dir: string;
  /** node_modules/pulumi-bucket-inventory inside it. */
  packageDir: string;
  /** The tarball `npm pack` wrote. */
  tarball: string;
  /** Every path in the tarball, relative to the package root. */
  packedFiles: string[];
  /** What `npm install` printed (stdout and stderr), e.g. its warnings about install scripts. */
  installOutput: string;
}

function filesUnder(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (!fs.existsSync(full)) return [];
  if (!fs.statSync(full).isDirectory()) return [entry];
  return fs.readdirSync(full).sort().flatMap((name) => filesUnder(path.join(entry, name)));
}

function sourceHash(): string {
  const hash = createHash("sha256");
  for (const file of INPUTS.flatMap(filesUnder)) hash.update(`${file}\0`).update(fs.readFileSync(path.join(ROOT, file))).update("\0");
  return hash.digest("hex").slice(0, 16);
}

/** Runs a command with this process's node first on PATH (npm's shebang and the prepack build use it). */
export function runCommand(command: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ stdout: string; stderr: string }> {
  const PATH = `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ""}`;
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, env: { ...process.env, PATH, ...env }, maxBuffer: 64 * 1024 * 1024, timeout: 300_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(" ")} failed in ${cwd}: ${error.message}\n${stderr}`));
      else resolve({ stdout, stderr });
    });
  });
}

/** package.json and a lock for a consumer beside `tarballName`: our lock's production packages, ours from the tarball. */
function consumerManifests(tarballName: string): { manifest: object; lock: object } {
  const ours = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8"));
  const resolved = `file:../${tarballName}`;
  const dependencies = {
    [ours.name]: resolved,
    "@pulumi/pulumi": lock.packages["node_modules/@pulumi/pulumi"].version,
    typescript: lock.packages["node_modules/typescript"].version,
  };
  const packages: Record<string, unknown> = { "": { name: "consumer", version: "1.0.0", dependencies } };
  for (const [key, entry] of Object.entries<Record<string, unknown>>(lock.packages)) {
    if (key.startsWith("node_modules/") && !entry.dev) packages[key] = entry;
  }
  packages[`node_modules/${ours.name}`] = { version: ours.version, resolved, license: ours.license, dependencies: ours.dependencies, bin: ours.bin, engines: ours.engines };
  return {
    manifest: { name: "consumer", version: "1.0.0", private: true, dependencies },
    lock: { name: "consumer", version: "1.0.0", lockfileVersion: 3, requires: true, packages },
  };
}

async function build(target: string): Promise<ConsumerProject> {
  const work = `${target}.tmp-${process.pid}`;
  fs.rmSync(work, { recursive: true, force: true });
  const dir = path.join(work, "x");
  fs.mkdirSync(dir, { recursive: true });
  const { stdout } = await runCommand("npm", ["pack", "--json", "--pack-destination", work], ROOT);
  const [packed] = JSON.parse(stdout.slice(stdout.indexOf("["))) as { filename: string; files: { path: string }[] }[];
  const { manifest, lock } = consumerManifests(packed.filename);
  fs.writeFileSync(path.join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, "package-lock.json"), `${JSON.stringify(lock, null, 2)}\n`);
  const installed = await runCommand("npm", ["install", "--offline", "--no-audit", "--no-fund"], dir);
  fs.rmSync(target, { recursive: true, force: true });
  fs.renameSync(work, target);
  const project: ConsumerProject = {
    dir: path.join(target, "x"),
    packageDir: path.join(target, "x", "node_modules", "pulumi-bucket-inventory"),
    tarball: path.join(target, packed.filename),
    packedFiles: packed.files.map((f) => f.path).sort(),
    installOutput: installed.stdout + installed.stderr,
  };
  fs.writeFileSync(path.join(target, "ready.json"), JSON.stringify(project));
  return project;
}

async function withLock<T>(body: () => Promise<T>): Promise<T> {
  const lock = path.join(CACHE, ".lock");
  fs.mkdirSync(CACHE, { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // Another process is building; a lock left by a killed run is taken over after ten minutes.
      const since = fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - since > 600_000) fs.rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    return await body();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** The shared consumer project for the current sources, packed and installed on first use. */
export async function consumerProject(): Promise<ConsumerProject> {
  const target = path.join(CACHE, sourceHash());
  const ready = path.join(target, "ready.json");
  if (fs.existsSync(ready)) return markUsed(ready);
  return withLock(async () => {
    if (fs.existsSync(ready)) return markUsed(ready);
    const project = await build(target);
    pruneUnused(path.basename(target));
    return project;
  });
}

/** Reads a ready build and stamps it as in use, so that no other checkout's test run prunes it from under us. */
function markUsed(ready: string): ConsumerProject {
  const now = new Date();
  fs.utimesSync(ready, now, now);
  return JSON.parse(fs.readFileSync(ready, "utf8"));
}

/**
 * Removes builds nobody used for a day. Builds of other sources may belong to a test run still going in another
 * checkout of this repository (a worktree, a second clone): removing those made its installed packages vanish mid-run.
 */
function pruneUnused(keep: string): void {
  for (const old of fs.readdirSync(CACHE)) {
    if (old === keep || old === ".lock") continue;
    const dir = path.join(CACHE, old);
    const stamp = fs.statSync(path.join(dir, "ready.json"), { throwIfNoEntry: false }) ?? fs.statSync(dir, { throwIfNoEntry: false });
    if (stamp && Date.now() - stamp.mtimeMs > UNUSED_FOR_MS) fs.rmSync(dir, { recursive: true, force: true });
  }
}
