/**
 * A throwaway install of this package for tests that must run outside jest: sdk/ and provider/ transpiled to
 * `<dir>/package/dist` with the package.json `exports` the shim resolves through, and a Pulumi-program directory
 * `<dir>/program` whose node_modules holds the package, as `npm install pulumi-bucket-inventory` would leave it.
 * Dependencies resolve from this repository's node_modules through NODE_PATH.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as ts from "typescript";

const ROOT = path.resolve(__dirname, "..", "..", "..", "..");

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return e.name.endsWith(".ts") && !e.name.endsWith(".d.ts") ? [full] : [];
  });
}

export interface BuiltPackage {
  dir: string;
  packageDir: string;
  programDir: string;
  /** Runs `node <script> ...args` with the package's dependencies resolvable; resolves with stdout. */
  node(script: string, args: string[], options?: { cwd?: string; env?: Record<string, string> }): Promise<string>;
  remove(): void;
}

export function buildPackage(): BuiltPackage {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bucket-inventory-pkg-"));
  const packageDir = path.join(dir, "package");
  const programDir = path.join(dir, "program");
  // examples/ too: their `../../sdk` imports resolve inside dist/ just as in the repository.
  for (const file of [...sources(path.join(ROOT, "sdk")), ...sources(path.join(ROOT, "provider")), ...sources(path.join(ROOT, "examples"))]) {
    const { outputText } = ts.transpileModule(fs.readFileSync(file, "utf8"), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      fileName: file,
    });
    const out = path.join(packageDir, "dist", path.relative(ROOT, file).replace(/\.ts$/, ".js"));
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, outputText);
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
  fs.writeFileSync(path.join(packageDir, "package.json"), JSON.stringify({ name: manifest.name, version: manifest.version, main: manifest.main, exports: manifest.exports }));
  fs.mkdirSync(path.join(programDir, "node_modules"), { recursive: true });
  fs.symlinkSync(packageDir, path.join(programDir, "node_modules", manifest.name), "dir");
  return {
    dir,
    packageDir,
    programDir,
    node: (script, args, options = {}) =>
      new Promise((resolve, reject) => {
        const env = { PATH: process.env.PATH ?? "", NODE_PATH: path.join(ROOT, "node_modules"), ...options.env };
        execFile(process.execPath, [script, ...args], { cwd: options.cwd ?? dir, env, timeout: 60_000 }, (error, stdout, stderr) => {
          if (error) reject(new Error(`${path.basename(script)} failed: ${error.message}\n${stderr}`));
          else resolve(stdout);
        });
      }),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
