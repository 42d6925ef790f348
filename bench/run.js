#!/usr/bin/env node
"use strict";
/**
 * Entry of `npm run bench`: lets node load the TypeScript sources directly (the engine harness's transpile-only
 * loader, so the harness's own files and child scripts resolve from where they live), then runs bench/main.ts.
 * `npm run bench` builds dist/ first: the dynamic provider host loads the provider from the built package.
 */
require("../tests/engine/harness/registerTypeScript");

require("./main.ts")
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      console.error(error instanceof Error ? error.stack : error);
      process.exitCode = 1;
    },
  );
