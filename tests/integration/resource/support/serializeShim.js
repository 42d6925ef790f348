"use strict";
// Run with plain `node` (the closure serializer behaves differently under jest): serializes the provider shim the
// way @pulumi/pulumi's dynamic.Resource does and prints {text, containsSecrets} as one JSON line.
// argv[2]: the built package directory (its dist/sdk/providerShim.js).
const path = require("node:path");
const pulumi = require("@pulumi/pulumi");
const { bucketInventoryProviderShim: provider } = require(path.join(process.argv[2], "dist", "sdk", "providerShim.js"));
pulumi.runtime
  .serializeFunction(() => provider, { allowSecrets: true })
  .then((sf) => process.stdout.write(`${JSON.stringify({ text: sf.text, containsSecrets: sf.containsSecrets })}\n`))
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
