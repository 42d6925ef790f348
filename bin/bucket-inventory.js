#!/usr/bin/env node
"use strict";
// The package's command: `bucket-inventory <fake-cloud|import|drift> ...`. The work lives in dist/cli (built at pack time).
// The Node.js version is checked before anything else loads: on too old a Node the reason is the only output.
var tooOld = require("../dist/provider/runtime/supportedNode.js").unsupportedNodeMessage();
if (tooOld) {
  console.error("bucket-inventory: " + tooOld);
  process.exit(1);
}
require("../dist/cli/main.js")
  .main(process.argv.slice(2))
  .then((code) => { if (code !== undefined) process.exitCode = code; })
  .catch((error) => { console.error(error instanceof Error ? error.message : String(error)); process.exitCode = 1; });
