/**
 * The real dynamic provider host from @pulumi/pulumi, launched and called the way the engine does it.
 *
 * Launch: the engine runs the `pulumi-resource-pulumi-nodejs` plugin (a shell script that runs
 * `node <@pulumi/pulumi>/cmd/dynamic-provider <engine-address>`) in the project directory and reads the port from
 * the first line the process prints. We run the same script with the same argument; the working directory matters
 * because the host loads each `__provider` with require-from-string, which resolves modules from there.
 * Calls: one `pulumirpc.ResourceProvider` message per engine step; every call is recorded in `calls` in order.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { dynamicProviderHostScript, emptyPb, fromStruct, grpc, providerGrpc, providerPb, statusPb, toStruct, type PropertyMap } from "./pulumiRpc";
import type { ServiceError } from "@grpc/grpc-js";
import type * as Pb from "@pulumi/pulumi/proto/provider_pb";
import type { PluginInfo } from "@pulumi/pulumi/proto/plugin_pb";
import type { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { hermeticEnv } from "../../support/hermeticEnv";

export interface ResourceAddress {
  urn: string;
  name: string;
  type: string;
}

export interface CallRecord {
  method: "Configure" | "Check" | "Diff" | "Create" | "Read" | "Update" | "Delete";
  urn?: string;
  id?: string;
  preview?: boolean;
}

export interface CheckFailure {
  property: string;
  reason: string;
}

export interface DiffResult {
  changes: "none" | "some" | "unknown";
  replaces: string[];
  deleteBeforeReplace: boolean;
}

/**
 * The resource exists although the call failed (a partial create or update): the provider threw an error carrying
 * the id and properties, which the host sends as `pulumirpc.ErrorResourceInitFailed` in the status details. The
 * engine then records the resource in state with these properties instead of losing it.
 */
export interface InitFailure {
  id: string;
  properties: PropertyMap;
  reasons: string[];
}

/** A provider call the host answered with a gRPC error; `details` is the provider's own message. */
export class ProviderCallError extends Error {
  constructor(
    readonly method: string,
    readonly details: string,
    readonly grpcCode: number,
    readonly initFailure?: InitFailure,
  ) {
    super(`${method}: ${details}`);
    this.name = "ProviderCallError";
  }
}

const DIFF_CHANGES: Record<number, DiffResult["changes"]> = { 0: "unknown", 1: "none", 2: "some" };

export class ProviderHost {
  readonly calls: CallRecord[] = [];
  /** Everything the host printed after its port line: what the engine would show as provider diagnostics. */
  output = "";

  private constructor(
    private readonly child: ChildProcess,
    private readonly client: InstanceType<typeof providerGrpc.ResourceProviderClient>,
  ) {
    const keep = (chunk: Buffer) => (this.output += chunk.toString("utf8"));
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
  }

  static async start(options: { cwd: string; engineAddress: string; env?: NodeJS.ProcessEnv }): Promise<ProviderHost> {
    const child = spawn(process.execPath, [dynamicProviderHostScript, options.engineAddress], {
      cwd: options.cwd,
      env: hermeticEnv(options.env),
      stdio: ["ignore", "pipe", "pipe"],
    });
    const port = await readPort(child);
    const client = new providerGrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    return new ProviderHost(child, client);
  }

  async getPluginInfo(): Promise<string> {
    const info = await this.unary<PluginInfo>("GetPluginInfo", (cb) => this.client.getPluginInfo(new emptyPb.Empty(), cb));
    return info.getVersion();
  }

  /**
   * `args`: the whole stack config as `<namespace>:<key>` → value with secrets in their wire wrapper, which is what
   * the engine sends a dynamic provider (pulumi/pulumi#17229); the host unwraps them. The deprecated `variables`
   * map is left empty: the host does not read it.
   */
  async configure(args: PropertyMap): Promise<{ acceptSecrets: boolean; supportsPreview: boolean }> {
    this.calls.push({ method: "Configure" });
    const req = new providerPb.ConfigureRequest();
    req.setArgs(toStruct(args));
    req.setAcceptsecrets(true);
    req.setAcceptresources(true);
    req.setSendsOldInputs(true);
    req.setSendsOldInputsToDelete(true);
    const resp = await this.unary<Pb.ConfigureResponse>("Configure", (cb) => this.client.configure(req, cb));
    return { acceptSecrets: resp.getAcceptsecrets(), supportsPreview: resp.getSupportspreview() };
  }

  async check(at: ResourceAddress, olds: PropertyMap, news: PropertyMap): Promise<{ inputs: PropertyMap; failures: CheckFailure[] }> {
    this.calls.push({ method: "Check", urn: at.urn });
    const req = new providerPb.CheckRequest();
    address(req, at);
    req.setOlds(toStruct(olds));
    req.setNews(toStruct(news));
    req.setRandomseed(new Uint8Array(32));
    const resp = await this.unary<Pb.CheckResponse>("Check", (cb) => this.client.check(req, cb));
    const failures = resp.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() }));
    return { inputs: fromStruct(resp.getInputs()), failures };
  }

  async diff(at: ResourceAddress, id: string, olds: PropertyMap, news: PropertyMap, oldInputs: PropertyMap): Promise<DiffResult> {
    this.calls.push({ method: "Diff", urn: at.urn, id });
    const req = new providerPb.DiffRequest();
    address(req, at);
    req.setId(id);
    req.setOlds(toStruct(olds));
    req.setNews(toStruct(news));
    req.setOldInputs(toStruct(oldInputs));
    const resp = await this.unary<Pb.DiffResponse>("Diff", (cb) => this.client.diff(req, cb));
    return {
      changes: DIFF_CHANGES[resp.getChanges()] ?? "unknown",
      replaces: resp.getReplacesList(),
      deleteBeforeReplace: resp.getDeletebeforereplace(),
    };
  }

  async create(at: ResourceAddress, properties: PropertyMap): Promise<{ id: string; properties: PropertyMap }> {
    this.calls.push({ method: "Create", urn: at.urn });
    const req = new providerPb.CreateRequest();
    address(req, at);
    req.setProperties(toStruct(properties));
    req.setPreview(false);
    const resp = await this.unary<Pb.CreateResponse>("Create", (cb) => this.client.create(req, cb));
    return { id: resp.getId(), properties: fromStruct(resp.getProperties()) };
  }

  async read(at: ResourceAddress, id: string, properties: PropertyMap, inputs: PropertyMap): Promise<{ id: string; properties: PropertyMap; inputs?: PropertyMap }> {
    this.calls.push({ method: "Read", urn: at.urn, id });
    const req = new providerPb.ReadRequest();
    address(req, at);
    req.setId(id);
    req.setProperties(toStruct(properties));
    req.setInputs(toStruct(inputs));
    const resp = await this.unary<Pb.ReadResponse>("Read", (cb) => this.client.read(req, cb));
    return { id: resp.getId(), properties: fromStruct(resp.getProperties()), inputs: resp.hasInputs() ? fromStruct(resp.getInputs()) : undefined };
  }

  async update(at: ResourceAddress, id: string, olds: PropertyMap, news: PropertyMap, oldInputs: PropertyMap): Promise<PropertyMap> {
    this.calls.push({ method: "Update", urn: at.urn, id });
    const req = new providerPb.UpdateRequest();
    address(req, at);
    req.setId(id);
    req.setOlds(toStruct(olds));
    req.setNews(toStruct(news));
    req.setOldInputs(toStruct(oldInputs));
    req.setPreview(false);
    const resp = await this.unary<Pb.UpdateResponse>("Update", (cb) => this.client.update(req, cb));
    return fromStruct(resp.getProperties());
  }

  async delete(at: ResourceAddress, id: string, properties: PropertyMap, oldInputs: PropertyMap): Promise<void> {
    this.calls.push({ method: "Delete", urn: at.urn, id });
    const req = new providerPb.DeleteRequest();
    address(req, at);
    req.setId(id);
    req.setProperties(toStruct(properties));
    req.setOldInputs(toStruct(oldInputs));
    await this.unary<Empty>("Delete", (cb) => this.client.delete(req, cb));
  }

  /** Closes the channel and stops the host, as the engine does at the end of an operation. */
  async close(): Promise<void> {
    this.client.close();
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    this.child.kill("SIGTERM");
    await exited;
  }

  private unary<T>(method: string, invoke: (cb: (err: ServiceError | null, resp: T) => void) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      invoke((err, resp) => (err ? reject(new ProviderCallError(method, err.details || err.message, err.code, initFailureOf(err))) : resolve(resp)));
    });
  }
}

function address(req: { setUrn(v: string): unknown; setName(v: string): unknown; setType(v: string): unknown }, at: ResourceAddress): void {
  req.setUrn(at.urn);
  req.setName(at.name);
  req.setType(at.type);
}

/** The ErrorResourceInitFailed detail of a failed Create/Update, when the host attached one. */
function initFailureOf(err: ServiceError): InitFailure | undefined {
  const [raw] = err.metadata?.get("grpc-status-details-bin") ?? [];
  if (!raw) return undefined;
  const status = statusPb.Status.deserializeBinary(Buffer.isBuffer(raw) ? raw : Buffer.from(raw));
  for (const detail of status.getDetailsList()) {
    const failed = detail.unpack(providerPb.ErrorResourceInitFailed.deserializeBinary, "pulumirpc.ErrorResourceInitFailed");
    if (failed) return { id: failed.getId(), properties: fromStruct(failed.getProperties()), reasons: failed.getReasonsList() };
  }
  return undefined;
}

function readPort(child: ChildProcess): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => fail(new Error("dynamic provider host printed no port within 60 s")), 60_000);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString("utf8");
      const newline = seen.indexOf("\n");
      if (newline < 0) return;
      const port = Number(seen.slice(0, newline).trim());
      if (Number.isInteger(port) && port > 0) done(port);
      else fail(new Error(`dynamic provider host printed ${JSON.stringify(seen.slice(0, newline))} instead of its port`));
    };
    const onExit = (code: number | null) => fail(new Error(`dynamic provider host exited (${code}) before printing its port: ${seen}`));
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      child.off("exit", onExit);
    };
    const done = (port: number) => (cleanup(), resolve(port));
    const fail = (error: Error) => (cleanup(), child.kill("SIGTERM"), reject(error));
    child.stdout?.on("data", onData);
    child.once("exit", onExit);
  });
}
