/**
 * The real Pulumi dynamic provider host, started and called through the engine harness (tests/engine/harness),
 * plus what it needs: the registrations (inputs with the serialized `__provider`) a program produces, and the
 * stack config with the seed's credentials. Used for start-up, per-call latency, round trips and memory.
 */
import * as path from "node:path";
import type { Vendor } from "../../provider/model/inventoryConfig";
import { EngineStub } from "../../tests/engine/harness/engineStub";
import { ProgramRunner, type Registration } from "../../tests/engine/harness/programRunner";
import { secret } from "../../tests/engine/harness/propertyValues";
import { ProviderHost, type ResourceAddress } from "../../tests/engine/harness/providerHost";
import type { PropertyMap } from "../../tests/engine/harness/pulumiRpc";
import { BENCH_VENDORS, CREDENTIAL_CONFIG_KEYS, credentialsOf } from "./benchVendors";
import { findChildPids } from "./processMemory";

export const PROJECT = "bench";
export const STACK = "bench";
export const PROGRAM = path.resolve(__dirname, "..", "programs", "inventories.js");

/** Stack config as the engine sends it in Configure: every vendor's main-account keys, as secrets. */
export function credentialConfig(vendors: readonly Vendor[] = BENCH_VENDORS): PropertyMap {
  const config: PropertyMap = {};
  for (const vendor of vendors) {
    const [idKey, secretKey] = CREDENTIAL_CONFIG_KEYS[vendor];
    const { accessKeyId, secretAccessKey } = credentialsOf(vendor);
    config[`bucket-inventory:${idKey}`] = secret(accessKeyId);
    config[`bucket-inventory:${secretKey}`] = secret(secretAccessKey);
  }
  return config;
}

export interface ResourceSpec {
  name: string;
  args: Record<string, unknown>;
}

/** Runs the benchmark program once and returns what the SDK registered (inputs incl. `__provider`). */
export async function register(runner: ProgramRunner, resources: ResourceSpec[], preview: boolean): Promise<Registration[]> {
  return runner.run({ module: PROGRAM, spec: { resources } }, { preview, project: PROJECT, stack: STACK, config: {}, secretKeys: [] });
}

export function addressOf(reg: { type: string; name: string }): ResourceAddress {
  return { urn: `urn:pulumi:${STACK}::${PROJECT}::${reg.type}::${reg.name}`, name: reg.name, type: reg.type };
}

/** One host process with timestamps of its start-up phases. */
export interface StartedHost {
  host: ProviderHost;
  pid?: number;
  /** ms from spawn to the port line (the host is serving gRPC). */
  spawnToPortMs: number;
  /** ms for GetPluginInfo + Configure after that. */
  configureMs: number;
}

export class HostSession {
  private constructor(
    readonly projectRoot: string,
    readonly engineStub: EngineStub,
    readonly runner: ProgramRunner,
  ) {}

  static async open(projectRoot: string): Promise<HostSession> {
    const stub = await EngineStub.start();
    return new HostSession(projectRoot, stub, ProgramRunner.start({ cwd: projectRoot }));
  }

  /** Spawns a host, configures it with the stack config, and finds its pid (for memory readings). */
  async startHost(config: PropertyMap = credentialConfig(), env?: NodeJS.ProcessEnv): Promise<StartedHost> {
    const before = new Set(findChildPids(process.pid, "dynamic-provider"));
    const t0 = performance.now();
    const host = await ProviderHost.start({ cwd: this.projectRoot, engineAddress: this.engineStub.address, env });
    const t1 = performance.now();
    await host.getPluginInfo();
    await host.configure(config);
    const t2 = performance.now();
    const pid = findChildPids(process.pid, "dynamic-provider").find((p) => !before.has(p));
    return { host, pid, spawnToPortMs: t1 - t0, configureMs: t2 - t1 };
  }

  register(resources: ResourceSpec[], preview: boolean): Promise<Registration[]> {
    return register(this.runner, resources, preview);
  }

  async close(): Promise<void> {
    await this.runner.close();
    await this.engineStub.close();
  }
}

/** Milliseconds a call takes, with its result. */
export async function timed<T>(call: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await call();
  return { ms: performance.now() - t0, value };
}
