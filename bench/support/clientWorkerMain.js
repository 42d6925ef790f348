"use strict";
/** Entry of a client worker process (bench/support/clientWorker.ts), loading the TypeScript sources directly. */
require("../../tests/engine/harness/registerTypeScript");
require("./clientWorker.ts");
