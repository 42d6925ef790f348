"use strict";
/**
 * The benchmark's Pulumi program: one BucketInventory per entry of `spec.resources` ([{name, args}]), imported
 * from the package by name exactly as a user's program does (the package references itself through "exports").
 * Plain JS: it is loaded by the engine harness's program runner in a plain node process.
 */
const { BucketInventory } = require("pulumi-bucket-inventory");

exports.program = (spec) => {
  for (const r of spec.resources || []) new BucketInventory(r.name, r.args);
};
