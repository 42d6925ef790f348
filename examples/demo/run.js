#!/usr/bin/env node
"use strict";
// `npm run demo`: loads the TypeScript demo (transpiled on load, as the engine harness does) and exits with its code.
require("../../tests/engine/harness/registerTypeScript");
require("./demo.ts")
  .main()
  .then((code) => process.exit(code))
  .catch((error) => {
    console.error(`demo failed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  });
