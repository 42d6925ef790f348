/**
 * The gRPC runtime and protobuf classes the engine speaks, loaded from the @pulumi/pulumi folder itself.
 *
 * Why from there: the generated `*_pb.js` classes check message arguments with `instanceof`, so requests must be
 * built from the very module instances the generated service stubs use. A `createRequire` rooted at
 * @pulumi/pulumi resolves `@grpc/grpc-js` and `google-protobuf` as the SDK does, and (under jest too) loads them
 * through node's own module system, so every class below comes from one copy.
 */
import { createRequire } from "node:module";
import * as path from "node:path";
import type * as GrpcModule from "@grpc/grpc-js";
import type * as ProviderPb from "@pulumi/pulumi/proto/provider_pb";
import type * as ProviderGrpcPb from "@pulumi/pulumi/proto/provider_grpc_pb";
import type * as EnginePb from "@pulumi/pulumi/proto/engine_pb";
import type * as EngineGrpcPb from "@pulumi/pulumi/proto/engine_grpc_pb";
import type * as PluginPb from "@pulumi/pulumi/proto/plugin_pb";
import type * as StatusPb from "@pulumi/pulumi/proto/status_pb";
import type * as StructPb from "google-protobuf/google/protobuf/struct_pb";
import type * as EmptyPb from "google-protobuf/google/protobuf/empty_pb";

/** Absolute folder of the installed @pulumi/pulumi package. */
export const pulumiPackageDir = path.dirname(require.resolve("@pulumi/pulumi/package.json"));

const pulumiRequire = createRequire(path.join(pulumiPackageDir, "package.json"));

export const grpc = pulumiRequire("@grpc/grpc-js") as typeof GrpcModule;
export const providerPb = pulumiRequire("./proto/provider_pb") as typeof ProviderPb;
export const providerGrpc = pulumiRequire("./proto/provider_grpc_pb") as typeof ProviderGrpcPb;
export const enginePb = pulumiRequire("./proto/engine_pb") as typeof EnginePb;
export const engineGrpc = pulumiRequire("./proto/engine_grpc_pb") as typeof EngineGrpcPb;
export const pluginPb = pulumiRequire("./proto/plugin_pb") as typeof PluginPb;
export const statusPb = pulumiRequire("./proto/status_pb") as typeof StatusPb;
export const structPb = pulumiRequire("google-protobuf/google/protobuf/struct_pb") as typeof StructPb;
export const emptyPb = pulumiRequire("google-protobuf/google/protobuf/empty_pb") as typeof EmptyPb;

/** The dynamic provider host script the `pulumi-resource-pulumi-nodejs` plugin launcher runs. */
export const dynamicProviderHostScript = pulumiRequire.resolve("./cmd/dynamic-provider/index.js");

/** Plain JSON-like property values as they travel in a `google.protobuf.Struct`. */
export type PropertyMap = Record<string, unknown>;

export function toStruct(value: PropertyMap): StructPb.Struct {
  return structPb.Struct.fromJavaScript(value as Parameters<typeof structPb.Struct.fromJavaScript>[0]);
}

export function fromStruct(struct: StructPb.Struct | undefined): PropertyMap {
  return struct ? (struct.toJavaScript() as PropertyMap) : {};
}
