/**
 * The scenarios' Pulumi program: one `BucketInventory` per entry of `spec.resources`, imported by package name
 * (the built package, as a user's program imports it), so `__provider` is the real shim's serialization.
 */
import type * as sdk from "../../../sdk";

interface ProgramSpec {
  resources?: { name: string; args: sdk.BucketInventoryArgs }[];
}

export function program(spec: ProgramSpec): void {
  // By name at run time (resolved through the package's `exports`), typed from the sources.
  const { BucketInventory } = require("pulumi-bucket-inventory") as typeof sdk;
  for (const r of spec.resources ?? []) new BucketInventory(r.name, r.args);
}
