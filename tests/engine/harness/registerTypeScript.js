"use strict";
/**
 * Lets a plain `node` process `require()` TypeScript files (programs, the demo, the harness) by transpiling them on
 * load with the project's own TypeScript compiler: transpile only, no type check (`npm run typecheck` does that).
 * Why not ts-node or Node's type stripping: neither is a dependency here, and stripping cannot handle every
 * construct our sources use (parameter properties, enums).
 */
const fs = require("node:fs");
const ts = require("typescript");

const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  resolveJsonModule: true,
  sourceMap: false,
  inlineSourceMap: true,
};

if (!require.extensions[".ts"]) {
  require.extensions[".ts"] = (module, filename) => {
    const source = fs.readFileSync(filename, "utf8");
    const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: filename });
    module._compile(outputText, filename);
  };
}
