"use strict";
/**
 * Plain `node` child that runs a Pulumi program the way the language host does and reports what it registers.
 *
 * Why a child: Pulumi's closure serializer (used by `dynamic.Resource` to produce `__provider`) behaves differently
 * under jest's module system, so the program must run in an ordinary node process. The SDK runs against its own
 * mock resource monitor; we read the raw RegisterResourceRequest it sends (the message the engine would receive),
 * so `__provider`, unknown sentinels and secret wrappers are exactly what the engine sees.
 *
 * Stack config reaches the program as the language host passes it (plain values plus the list of secret keys), so
 * `new pulumi.Config().get("endpoint")` works in programs such as examples/quickstart.
 *
 * Protocol: one JSON request per stdin line `{seq, program, spec, preview, project, stack, config, secretKeys}`;
 * one reply per run on
 * stdout, on a line starting with REPLY_MARK (anything else the program prints is passed through untouched).
 */
const path = require("node:path");
const readline = require("node:readline");

require("./registerTypeScript");

const REPLY_MARK = "@@program-runner@@ ";
const pulumi = require("@pulumi/pulumi");
const pulumiDir = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
const settings = require(path.join(pulumiDir, "runtime", "settings"));
const runtimeState = require(path.join(pulumiDir, "runtime", "state"));

let runErrors = [];
process.on("unhandledRejection", (error) => runErrors.push(describe(error)));
process.on("uncaughtException", (error) => runErrors.push(describe(error)));

function describe(error) {
  return error instanceof Error ? error.message : String(error);
}

/** `{"$unknown": true}` → an output unknown during preview; `{"$secret": v}` → pulumi.secret(v). */
function materialize(value, preview) {
  if (Array.isArray(value)) return value.map((v) => materialize(v, preview));
  if (value === null || typeof value !== "object") return value;
  if (value.$unknown === true) {
    const known = Promise.resolve(!preview);
    return new pulumi.Output(new Set(), Promise.resolve(preview ? undefined : value.value), known, Promise.resolve(false), Promise.resolve(new Set()));
  }
  if ("$secret" in value) return pulumi.secret(materialize(value.$secret, preview));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, materialize(v, preview)]));
}

/** Installs mocks for one run and captures each RegisterResourceRequest as the engine would receive it. */
async function installMonitor(request, registrations) {
  const mocks = {
    newResource: (args) => ({ id: request.preview ? undefined : `${args.name}-mock-id`, state: args.inputs }),
    call: (args) => args.inputs,
  };
  await pulumi.runtime.setMocks(mocks, request.project, request.stack, request.preview);
  const monitor = runtimeState.getStore().settings.monitor;
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, callback) => {
    registrations.push({
      type: req.getType(),
      name: req.getName(),
      custom: req.getCustom(),
      inputs: req.getObject() ? req.getObject().toJavaScript() : {},
    });
    return register(req, callback);
  };
}

/**
 * Each run executes the program afresh, as `pulumi` does in a new process: the program file and the modules beside
 * it (a program may import another, e.g. a pull request's program re-exporting the quick start) are forgotten.
 * Packages and the SDK stay loaded: they register nothing by themselves.
 */
function forgetProgramModules(file) {
  const programs = path.dirname(path.dirname(file)) + path.sep;
  for (const key of Object.keys(require.cache)) {
    if (key === file || (key.startsWith(programs) && !key.includes(`${path.sep}node_modules${path.sep}`) && !key.startsWith(__dirname))) {
      delete require.cache[key];
    }
  }
}

async function run(request) {
  runErrors = [];
  const registrations = [];
  await installMonitor(request, registrations);
  pulumi.runtime.setAllConfig(request.config || {}, request.secretKeys || []);
  const file = path.resolve(request.program);
  forgetProgramModules(file);
  const exported = require(file);
  const main = typeof exported.program === "function" ? exported.program : typeof exported.default === "function" ? exported.default : undefined;
  if (main) await main(materialize(request.spec, request.preview));
  await settings.waitForRPCs();
  return { resources: registrations.filter((r) => r.custom), errors: runErrors };
}

const lines = readline.createInterface({ input: process.stdin });
let queue = Promise.resolve();
lines.on("line", (line) => {
  if (!line.trim()) return;
  const request = JSON.parse(line);
  queue = queue.then(async () => {
    let reply;
    try {
      reply = { seq: request.seq, ok: true, ...(await run(request)) };
    } catch (error) {
      reply = { seq: request.seq, ok: false, errors: [...runErrors, describe(error)] };
    }
    process.stdout.write(REPLY_MARK + JSON.stringify(reply) + "\n");
  });
});
lines.on("close", () => queue.then(() => process.exit(0)));
