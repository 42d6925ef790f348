"use strict";
// Run with plain `node`: runs compiled example programs one after another under Pulumi's mocks, with stack config
// from PULUMI_CONFIG as the language host passes it, and prints, per program, the inputs of every resource it
// registers (one JSON line: {"<program>": [{type, name, inputs, hasProvider}]}).
// argv[2..]: the compiled examples' index.js files.
const pulumi = require("@pulumi/pulumi");
let current = [];
pulumi.runtime.setMocks(
  {
    newResource: (args) => {
      const { __provider, ...inputs } = args.inputs;
      current.push({ type: args.type, name: args.name, inputs, hasProvider: typeof __provider === "string" });
      return { id: `${args.name}-id`, state: args.inputs };
    },
    call: () => ({}),
  },
  "example",
  "dev",
  false,
);
const settle = () => new Promise((resolve) => setTimeout(resolve, 250));
(async () => {
  const result = {};
  for (const program of process.argv.slice(2)) {
    current = [];
    require(program);
    await settle();
    result[program] = current;
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
