"use strict";
// Run with plain `node` in a Pulumi program's directory: loads a serialized provider exactly as the dynamic
// provider host does (require-from-string, then `.handler()`), configures it and calls check and diff.
// argv[2]: a JSON file {text, configure, news, olds}. Prints {check, diff} as one JSON line.
const fs = require("node:fs");
const requireFromString = require("require-from-string");
const input = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const provider = requireFromString(input.text).handler();
(async () => {
  await provider.configure({ config: { get: (key) => input.configure[key] } });
  const check = await provider.check({}, input.news);
  const diff = await provider.diff("id", input.olds, check.inputs);
  process.stdout.write(`${JSON.stringify({ check, diff })}\n`);
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
