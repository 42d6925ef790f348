/**
 * Node.js older than the package needs (undici 8: 22.19) is refused where each entry point starts, in one
 * sentence: found version, needed version, how to get it. Before, on Node 20 every live check was silently
 * skipped, create failed with "Cannot read properties of undefined (reading 'bind')" and `bucket-inventory
 * import --help` printed only that. The installed package is run with an older node when the machine has one
 * (this machine's /usr/bin/node is 20).
 */
import { execFile, execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { MINIMUM_NODE_VERSION, unsupportedNodeMessage } from "../../provider/runtime/supportedNode";
import { consumerProject, type ConsumerProject } from "../support/consumerProject";

describe("unsupportedNodeMessage", () => {
  it.each(["20.20.2", "v22.18.9", "22.9.0", "18.0.0"])("refuses Node %s, naming it, the version needed and how to get it", (version) => {
    const message = unsupportedNodeMessage(version, "/usr/bin/node");
    expect(message).toBe(
      `pulumi-bucket-inventory needs Node.js 22.19.0 or newer, but it is running on Node.js ${version.replace(/^v/, "")} (/usr/bin/node): ` +
        "install Node.js 22 or 24 (https://nodejs.org, or `nvm install 22`) and put it first on PATH.",
    );
  });

  it.each(["22.19.0", "22.23.3", "24.0.0", "v25.1.0"])("accepts Node %s", (version) => {
    expect(unsupportedNodeMessage(version, "node")).toBeUndefined();
  });

  it("asks for the version the HTTP client (undici) declares", () => {
    const undici = JSON.parse(fs.readFileSync(require.resolve("undici/package.json"), "utf8"));
    const ours = JSON.parse(fs.readFileSync(path.join(__dirname, "../../package.json"), "utf8"));
    expect(undici.engines.node).toBe(`>=${MINIMUM_NODE_VERSION}`);
    expect(ours.engines.node).toBe(`>=${MINIMUM_NODE_VERSION}`);
  });
});

/** A node executable older than the minimum on this machine, if there is one. */
function olderNode(): { bin: string; version: string } | undefined {
  const candidates = [...(process.env.PATH ?? "").split(path.delimiter).map((d) => path.join(d, "node")), "/usr/bin/node", "/usr/local/bin/node"];
  for (const bin of new Set(candidates)) {
    if (!fs.existsSync(bin)) continue;
    const version = execFileSync(bin, ["-p", "process.versions.node"], { encoding: "utf8" }).trim();
    if (unsupportedNodeMessage(version)) return { bin, version };
  }
  return undefined;
}

const old = olderNode();
if (!old) console.log(`no node older than ${MINIMUM_NODE_VERSION} on this machine: the installed package is not run on one`);

(old ? describe : describe.skip)(`the installed package on an older Node (${old?.bin})`, () => {
  let consumer: ConsumerProject;
  beforeAll(async () => {
    consumer = await consumerProject();
  }, 600_000);

  const expected = () => unsupportedNodeMessage(old!.version, old!.bin)!;
  const runOld = (args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(old!.bin, args, { cwd: consumer.dir, encoding: "utf8" }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr }));
    });

  it.each(["import --help", "--help", "fake-cloud --port 0"])("bucket-inventory %s prints the one sentence and exits 1", async (args) => {
    const { code, stdout, stderr } = await runOld([path.join(consumer.dir, "node_modules/.bin/bucket-inventory"), ...args.split(" ")]);
    expect({ code, stdout, stderr }).toEqual({ code: 1, stdout: "", stderr: `bucket-inventory: ${expected()}\n` });
  });

  it.each(["pulumi-bucket-inventory", "pulumi-bucket-inventory/provider"])("a program (or provider) requiring %s stops there with that sentence", async (module) => {
    const { code, stderr } = await runOld(["-e", `require(${JSON.stringify(module)})`]);
    expect(code).toBe(1);
    expect(stderr).toContain(`Error: ${expected()}\n`);
    expect(stderr).not.toContain("reading 'bind'");
  });
});
