/**
 * `pulumi-bucket-inventory/provider`: the provider's plain-TypeScript surface. The serialized shim in sdk/
 * requires this module at call time and delegates to `defaultProvider()`; the import command and tests use the
 * rest directly.
 */
import { requireSupportedNode } from "./runtime/supportedNode";

// First: the shim requires this module for every call, so each one on too old a Node fails with the reason.
requireSupportedNode();

import { enableCompileCache } from "./runtime/compileCache";

// Before the rest of the provider loads, so that it, too, comes from the cache from the second host start on.
enableCompileCache();

import { createBucketInventoryProvider, type BucketInventoryProvider } from "./resource/bucketInventoryProvider";

export { createBucketInventoryProvider } from "./resource/bucketInventoryProvider";
export type { BucketInventoryProvider, ProviderDependencies } from "./resource/bucketInventoryProvider";
export { checkInventory } from "./resource/check";
export { engineWarningSink } from "./host/engineWarnings";
export { createWarningSink, setWarningFallback } from "./resource/previewWarnings";
export type { WarningSink } from "./resource/previewWarnings";
export type { CheckResult } from "./resource/check";
export type { CheckFailure } from "./resource/checkFailures";
/* eslint-disable @typescript-eslint/no-require-imports -- loaded on first call: the first check needs neither */
export const diffInventory: typeof import("./resource/diff").diffInventory = (...args) => (require("./resource/diff") as typeof import("./resource/diff")).diffInventory(...args);
export type { InventoryDiff } from "./resource/diff";
export { normalizeArgs, parseResourceId } from "./resource/resourceArgs";
export type { BucketInventoryInputs, BucketInventoryOutputs } from "./resource/resourceArgs";
export { CONFIG_NAMESPACE, CREDENTIAL_KEYS } from "./resource/credentials";
export const renderDeclarations: typeof import("./resource/importCode").renderDeclarations = (...args) =>
  (require("./resource/importCode") as typeof import("./resource/importCode")).renderDeclarations(...args);
/* eslint-enable @typescript-eslint/no-require-imports */
export { normalizeConfig } from "./model/normalize";
export { VENDOR_RULES } from "./model/vendorRules";
export { UNKNOWN_VALUE } from "./model/unknownValue";
export { MINIMUM_NODE_VERSION, unsupportedNodeMessage } from "./runtime/supportedNode";
export * from "./model/inventoryConfig";
export * from "./errors";

let shared: BucketInventoryProvider | undefined;

/** The provider every resource in this process uses: one configuration, one client, one look-up cache. */
export function defaultProvider(): BucketInventoryProvider {
  shared ??= createBucketInventoryProvider();
  return shared;
}
