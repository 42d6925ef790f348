/**
 * Documentation code as a user's project meets it: type-checked in the consumer project (the package installed
 * from `npm pack`) with the compiler settings a Pulumi TypeScript project uses, and ES-module snippets (top-level
 * await) compiled and run with node there.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { runCommand } from "../../support/consumerProject";

/** `pulumi new typescript`'s tsconfig: CommonJS, classic node module resolution, strict. */
const PULUMI_PROJECT: ts.CompilerOptions = {
  strict: true, target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10,
  noImplicitReturns: true, noFallthroughCasesInSwitch: true, forceConsistentCasingInFileNames: true, noEmit: true, types: ["node"],
};
/** A Node ES-module project (what top-level await needs). */
const NODE_MODULE: ts.CompilerOptions = {
  strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16,
  types: ["node"], outDir: undefined,
};

function diagnostics(program: ts.Program): string[] {
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${path.basename(d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1} ` : "";
    return `${where}${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
}

/** A fresh folder inside the consumer project, so its node_modules resolve as in the user's own project. */
function scratch(consumerDir: string, name: string): string {
  const dir = path.join(consumerDir, "doc-blocks", name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Diagnostics of `code` as a Pulumi program's index.ts (none: it compiles). */
export function typeCheckProgram(consumerDir: string, name: string, code: string): string[] {
  const file = path.join(scratch(consumerDir, name), "index.ts");
  fs.writeFileSync(file, code);
  return diagnostics(ts.createProgram([file], { ...PULUMI_PROJECT, typeRoots: [path.join(consumerDir, "node_modules", "@types")] }));
}

/**
 * Compiles `code` as an ES module (index.mts) and runs it with node in the consumer project; `files` are written
 * beside it first (a seed the snippet names, say). Resolves with the diagnostics, or with node's output once it ran.
 */
export async function runModule(consumerDir: string, name: string, code: string, files: Record<string, string> = {}): Promise<{ diagnostics: string[]; stdout?: string }> {
  const dir = scratch(consumerDir, name);
  for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), text);
  const source = path.join(dir, "index.mts");
  fs.writeFileSync(source, code);
  const program = ts.createProgram([source], { ...NODE_MODULE, outDir: dir, typeRoots: [path.join(consumerDir, "node_modules", "@types")] });
  const found = diagnostics(program);
  if (found.length > 0) return { diagnostics: found };
  program.emit();
  const { stdout } = await runCommand(process.execPath, [path.join(dir, "index.mjs")], dir);
  return { diagnostics: [], stdout };
}
