"use strict";
// Run with plain `node`: constructs a BucketInventory under Pulumi's mocks and prints what the engine would be
// sent (the registered inputs, incl. __provider) and the outputs the resource exposes, as one JSON line.
// argv[2]: the built package directory.
const path = require("node:path");
const pulumi = require("@pulumi/pulumi");
const seen = [];
pulumi.runtime.setMocks(
  {
    newResource: (args) => {
      seen.push({ type: args.type, name: args.name, inputs: args.inputs });
      return { id: "oss:cn-hangzhou:photos:daily", state: { ...args.inputs, resourceId: "oss:cn-hangzhou:photos:daily" } };
    },
    call: () => ({}),
  },
  "project",
  "stack",
  false,
);
const { BucketInventory } = require(path.join(process.argv[2], "dist", "sdk", "index.js"));
const resource = new BucketInventory("photos-daily", {
  vendor: "oss",
  region: "cn-hangzhou",
  bucket: "photos",
  inventoryId: "daily",
  destination: { bucket: "reports", accountId: "1000000000000001", roleArn: "acs:ram::1000000000000001:role/r" },
  schedule: { frequency: "Daily" },
});
pulumi
  .all([resource.resourceId, resource.bucket, resource.destination, resource.urn])
  .apply(([resourceId, bucket, destination, urn]) => {
    setTimeout(() => process.stdout.write(`${JSON.stringify({ seen, outputs: { resourceId, bucket, destination, urn } })}\n`), 50);
  });
