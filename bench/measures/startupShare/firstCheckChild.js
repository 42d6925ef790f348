"use strict";
/**
 * One start of the provider inside a process that has already loaded what Pulumi's dynamic-provider host loads
 * before it serves (its own requires, in its order), then our share: from requiring `pulumi-bucket-inventory/
 * provider` (the built package, as the shim does) until the first check (live checks against the fake cloud) has
 * answered. Prints one JSON line: CPU and wall ms of our share, the host's own CPU before it, and the module files
 * our share loaded. With `"nothing": true` in the request it requires nothing: the floor.
 *
 *   node firstCheckChild.js <projectRoot> <request.json>
 */
const fs = require("node:fs");
const path = require("node:path");
const { createRequire } = require("node:module");

const [projectRoot, requestFile] = process.argv.slice(2);
const request = JSON.parse(fs.readFileSync(requestFile, "utf8"));

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const hostCpu0 = cpu();
const hostRequire = createRequire(require.resolve("@pulumi/pulumi/cmd/dynamic-provider/index.js", { paths: [projectRoot] }));
for (const m of ["source-map-support/register", "@grpc/grpc-js", "../../metadata", "../../runtime/rpc", "../../version", "./config",
  "google-protobuf/google/protobuf/any_pb", "google-protobuf/google/protobuf/empty_pb", "google-protobuf/google/protobuf/struct_pb",
  "../../proto/plugin_pb", "../../proto/provider_grpc_pb", "../../proto/provider_pb", "../../proto/status_pb", "../../runtime", "require-from-string"]) {
  hostRequire(m);
}
const hostCpuMs = cpu() - hostCpu0;

const before = new Set(Object.keys(require.cache));
(async () => {
  if (request.nothing) {
    const cpu0 = cpu();
    const t0 = performance.now();
    process.stdout.write(`${JSON.stringify({ cpuMs: cpu() - cpu0, wallMs: performance.now() - t0, hostCpuMs, failures: [], modules: [] })}\n`);
    process.exit(0);
  }
  const cpu0 = cpu();
  const t0 = performance.now();
  const { defaultProvider } = require(path.join(projectRoot, "dist", "provider", "index.js"));
  const provider = defaultProvider();
  await provider.configure({ config: { get: (key) => request.config[key] } });
  const result = await provider.check({}, request.inputs);
  const wallMs = performance.now() - t0;
  const cpuMs = cpu() - cpu0;
  const loaded = Object.keys(require.cache).filter((file) => !before.has(file));
  process.stdout.write(`${JSON.stringify({ cpuMs, wallMs, hostCpuMs, failures: result.failures, modules: loaded.map((f) => path.relative(projectRoot, f)) })}\n`);
  process.exit(0);
})().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
