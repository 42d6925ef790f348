/**
 * provider/host/engineWarnings.ts: inside Pulumi's dynamic-provider host a warning line becomes a Log call with
 * severity WARNING on the engine's gRPC service (what `pulumi preview` prints as "warning: ..."); anywhere else,
 * and when the engine does not answer, it stays a line on stderr.
 */
import * as path from "node:path";
import { engineLogWriter, engineWarningSink } from "../../../provider/host/engineWarnings";
import { EngineStub } from "../../engine/harness/engineStub";

const HOST_SCRIPT = path.resolve(__dirname, "..", "..", "..", "node_modules", "@pulumi", "pulumi", "cmd", "dynamic-provider", "index.js");

describe("engine warnings", () => {
  let engine: EngineStub;
  beforeAll(async () => {
    engine = await EngineStub.start();
  });
  afterAll(async () => engine.close());

  it("inside the dynamic-provider host: a WARNING on the engine's Log service, without the line's own prefix", async () => {
    const stderr: string[] = [];
    const writer = engineLogWriter({ argv: [process.execPath, HOST_SCRIPT, engine.address], stderr: (t) => stderr.push(t) });
    writer.write("warning: live checks skipped for oss:cn-hangzhou:photos:daily\n");
    await writer.settled();
    expect(engine.logs).toEqual([{ severity: "warning", message: "live checks skipped for oss:cn-hangzhou:photos:daily", urn: "" }]);
    expect(stderr).toEqual([]);
  });

  it("the default sink says each text once per process", () => {
    const stderr: string[] = [];
    const warn = engineWarningSink({ argv: [process.execPath, "/usr/lib/node_modules/bucket-inventory.js", "import"], stderr: (t) => stderr.push(t) });
    warn("something to know");
    warn("something to know");
    expect(stderr).toEqual(["warning: something to know\n"]);
  });

  it("falls back to stderr when the engine cannot be reached, without waiting long", async () => {
    const stderr: string[] = [];
    const gone = await EngineStub.start();
    await gone.close();
    const writer = engineLogWriter({ argv: [process.execPath, HOST_SCRIPT, gone.address], stderr: (t) => stderr.push(t) });
    writer.write("warning: nobody listens\n");
    await writer.settled();
    expect(stderr).toEqual(["warning: nobody listens\n"]);
  });
});
