"use strict";
// Runs cli/main.ts the way bin/bucket-inventory.js runs dist/cli/main.js, compiling TypeScript on load
// (transpile only) so the CLI test needs no build of the whole project.
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
const ts = require("typescript");

require.extensions[".ts"] = function compileTs(module, filename) {
  const output = ts.transpileModule(readFileSync(filename, "utf8"), {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, resolveJsonModule: true },
  });
  module._compile(output.outputText, filename);
};

require(join(__dirname, "../../../../cli/main.ts"))
  .main(process.argv.slice(2))
  .then((code) => { if (code !== undefined) process.exitCode = code; })
  .catch((error) => { console.error(error instanceof Error ? error.message : String(error)); process.exitCode = 1; });
