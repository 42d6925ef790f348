"use strict";
/**
 * The Pulumi program the pulumi-cli measure runs with the real CLI: `spec.json` beside the project's Pulumi.yaml
 * lists the resources ([{name, args}]). `kind` "ours" declares BucketInventory resources, imported by name as a
 * user's program does; "noop" declares the same count of dynamic resources with the same arguments and a provider
 * that does nothing but answer create: the floor any dynamic resource pays through the same CLI and host.
 */
const fs = require("node:fs");
const path = require("node:path");

exports.run = (projectDir) => {
  const spec = JSON.parse(fs.readFileSync(path.join(projectDir, "spec.json"), "utf8"));
  if (spec.kind === "noop") {
    const pulumi = require("@pulumi/pulumi");
    const noop = {
      async create(inputs) {
        return { id: String(inputs.inventoryId), outs: inputs };
      },
    };
    for (const r of spec.resources) new pulumi.dynamic.Resource(noop, r.name, r.args);
    return;
  }
  const { BucketInventory } = require("pulumi-bucket-inventory");
  for (const r of spec.resources) new BucketInventory(r.name, r.args);
};
