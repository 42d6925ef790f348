#!/usr/bin/env node
"use strict";
// The package's command: `bucket-inventory <fake-cloud|import> ...`. The work lives in dist/cli (built by `npm run build`).
require("../dist/cli/main.js")
  .main(process.argv.slice(2))
  .then((code) => { if (code !== undefined) process.exitCode = code; })
  .catch((error) => { console.error(error instanceof Error ? error.message : String(error)); process.exitCode = 1; });
