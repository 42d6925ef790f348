/**
 * The engine's side of the plugin contract: a `pulumirpc.Engine` gRPC service on loopback whose address is the
 * first argument every provider plugin is launched with. The current dynamic provider host only checks that the
 * argument is present, but a host that logs through the engine finds a real service here; its log lines are kept
 * so tests can check that nothing secret was logged.
 */
import type { IEngineServer } from "@pulumi/pulumi/proto/engine_grpc_pb";
import { emptyPb, engineGrpc, enginePb, grpc } from "./pulumiRpc";

export interface EngineLogLine {
  severity: "debug" | "info" | "warning" | "error";
  message: string;
  urn: string;
}

const SEVERITIES: EngineLogLine["severity"][] = ["debug", "info", "warning", "error"];

export class EngineStub {
  readonly logs: EngineLogLine[] = [];
  private rootResource = "";

  private constructor(
    private readonly server: InstanceType<typeof grpc.Server>,
    /** `127.0.0.1:<port>`, as the engine passes it to plugins. */
    readonly address: string,
  ) {}

  static async start(): Promise<EngineStub> {
    const server = new grpc.Server();
    let stub: EngineStub | undefined;
    const service: IEngineServer = {
      log: (call, callback) => {
        const req = call.request;
        stub?.logs.push({ severity: SEVERITIES[req.getSeverity()] ?? "info", message: req.getMessage(), urn: req.getUrn() });
        callback(null, new emptyPb.Empty());
      },
      getRootResource: (_call, callback) => {
        const resp = new enginePb.GetRootResourceResponse();
        resp.setUrn(stub?.rootResource ?? "");
        callback(null, resp);
      },
      setRootResource: (call, callback) => {
        if (stub) stub.rootResource = call.request.getUrn();
        callback(null, new enginePb.SetRootResourceResponse());
      },
      startDebugging: (_call, callback) => callback(null, new emptyPb.Empty()),
      requirePulumiVersion: (_call, callback) => callback(null, new enginePb.RequirePulumiVersionResponse()),
    };
    server.addService(engineGrpc.EngineService, service);
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
    );
    stub = new EngineStub(server, `127.0.0.1:${port}`);
    return stub;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.tryShutdown(() => resolve()));
  }
}
