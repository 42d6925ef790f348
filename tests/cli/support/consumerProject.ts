/**
 * A user's project with this package installed as users get it: `npm pack` of the built repository, installed with
 * `npm ci --offline` beside @pulumi/pulumi and TypeScript (the lock comes from consumerLock.ts: no network). One
 * install per packed content, shared by every test file of a run (and later runs) under the system's temp folder;
 * the first file to need it installs it while the others wait.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { consumerManifests, type PackageManifest, type RepositoryLock } from "./consumerLock";

export const REPOSITORY_ROOT = path.resolve(__dirname, "..", "..", "..");
const CONSUMERS = path.join(os.tmpdir(), "bucket-inventory-cli-consumers");
const INSTALL_WAIT_MS = 5 * 60_000;
const KEEP_OLD_INSTALLS_MS = 24 * 3600_000;

function run(command: string, args: string[], cwd: string): string {
  try {
    return execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: INSTALL_WAIT_MS });
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`${command} ${args.join(" ")} failed in ${cwd}: ${e.stderr?.trim() || e.message}`);
  }
}

/** `npm pack` of the repository as built (dist/ must exist: `npm test` and `npm run build` make it). */
function pack(into: string): string {
  if (!fs.existsSync(path.join(REPOSITORY_ROOT, "dist", "sdk", "index.js"))) {
    throw new Error("dist/ is missing: run `npm run build` (npm test builds first)");
  }
  const out = JSON.parse(run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", into], REPOSITORY_ROOT)) as { filename: string }[];
  return path.join(into, out[0].filename);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Takes the install lock (a directory: mkdir is atomic); a lock older than the install timeout is stale. */
async function lock(lockDir: string, ready: string): Promise<boolean> {
  const started = Date.now();
  for (;;) {
    if (fs.existsSync(ready)) return false;
    try {
      fs.mkdirSync(lockDir);
      return true;
    } catch {
      const age = Date.now() - (fs.statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > INSTALL_WAIT_MS) fs.rmSync(lockDir, { recursive: true, force: true });
      if (Date.now() - started > INSTALL_WAIT_MS) throw new Error(`waited ${INSTALL_WAIT_MS / 1000} s for ${lockDir}`);
      await sleep(250);
    }
  }
}

function install(dir: string, tarball: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const name = path.basename(tarball);
  fs.copyFileSync(tarball, path.join(dir, name));
  const lockFile = JSON.parse(fs.readFileSync(path.join(REPOSITORY_ROOT, "package-lock.json"), "utf8")) as RepositoryLock;
  const manifest = JSON.parse(fs.readFileSync(path.join(REPOSITORY_ROOT, "package.json"), "utf8")) as PackageManifest;
  const integrity = `sha512-${createHash("sha512").update(fs.readFileSync(tarball)).digest("base64")}`;
  const { packageJson, packageLock } = consumerManifests(lockFile, manifest, name, integrity);
  fs.writeFileSync(path.join(dir, "package.json"), `${JSON.stringify(packageJson, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, "package-lock.json"), `${JSON.stringify(packageLock, null, 2)}\n`);
  run("npm", ["ci", "--offline", "--no-audit", "--no-fund", "--loglevel=error"], dir);
}

function removeOldInstalls(keep: string): void {
  for (const entry of fs.readdirSync(CONSUMERS)) {
    const full = path.join(CONSUMERS, entry);
    if (full === keep || full === `${keep}.lock`) continue;
    const age = Date.now() - (fs.statSync(full, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > KEEP_OLD_INSTALLS_MS) fs.rmSync(full, { recursive: true, force: true });
  }
}

/** The directory of an installed consumer project (package.json, node_modules) for the repository as built now. */
export async function consumerProject(): Promise<string> {
  fs.mkdirSync(CONSUMERS, { recursive: true });
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "bucket-inventory-pack-"));
  try {
    const tarball = pack(scratch);
    const digest = createHash("sha256").update(fs.readFileSync(tarball)).digest("hex").slice(0, 16);
    const dir = path.join(CONSUMERS, digest);
    const ready = path.join(dir, ".installed");
    if (await lock(`${dir}.lock`, ready)) {
      try {
        // Another file may have finished between our look and our lock.
        if (fs.existsSync(ready)) return dir;
        install(dir, tarball);
        fs.writeFileSync(ready, new Date().toISOString());
        removeOldInstalls(dir);
      } finally {
        fs.rmSync(`${dir}.lock`, { recursive: true, force: true });
      }
    }
    return dir;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
