/**
 * One test file's world: the fake cloud (default seed, in this process), the engine harness with the stack config
 * a user would set (credentials as secrets), and a program that declares BucketInventory resources. Each test
 * starts clean: `fresh()` resets the fake and selects a new, empty stack.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startFakeCloud, type FakeCloud } from "../../fake";
import { Engine } from "../harness/engine";
import type { Program } from "../harness/programRunner";
import type { PropertyMap } from "../harness/pulumiRpc";
import type { Vendor } from "../../../provider/model/inventoryConfig";
import { credentialConfig, inventoryArgs, VENDOR_LIST } from "./vendorCases";

export const projectRoot = path.resolve(__dirname, "..", "..", "..");
const programModule = path.resolve(__dirname, "..", "programs", "inventoryProgram.ts");

export interface ScenarioStack {
  engine: Engine;
  fake: FakeCloud;
  /** The stack config the engine started with (credentials as secrets). */
  config: PropertyMap;
  /** A program declaring these resources. */
  program(...resources: { name: string; args: Record<string, unknown> }[]): Program;
  /** A program with one `<vendor>-daily` inventory per vendor, each vendor's arguments adjusted by `overrides`. */
  allVendors(overrides?: Record<string, unknown> | ((vendor: Vendor) => Record<string, unknown>)): Program;
  /** Empty fake (seed only) and a new empty stack. */
  fresh(): void;
  close(): Promise<void>;
}

export async function startScenarioStack(options: { extraConfig?: PropertyMap } = {}): Promise<ScenarioStack> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "engine-scenario-"));
  const fake = await startFakeCloud({ port: 0 });
  // One attempt per request: a fault injected for one request must not be retried away.
  const config = credentialConfig({ "bucket-inventory:maxAttempts": "1", ...options.extraConfig });
  const engine = await Engine.start({ projectRoot, project: "inventory-scenarios", stack: "s0", stateDir: dir, config });
  let stacks = 0;
  const program: ScenarioStack["program"] = (...resources) => ({ module: programModule, spec: { resources } });
  return {
    engine,
    fake,
    config,
    program,
    allVendors: (overrides = {}) =>
      program(...VENDOR_LIST.map((v) => ({ name: `${v}-daily`, args: inventoryArgs(v, fake.url, typeof overrides === "function" ? overrides(v) : overrides) }))),
    fresh: () => {
      fake.admin.reset();
      engine.selectStack(`s${++stacks}`);
    },
    close: async () => {
      await engine.close();
      await fake.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * One stack per test file: started before the tests (each operation launches the real host process, so they get a
 * generous timeout), a fresh fake and empty stack before each test, closed after. Fields are filled in beforeAll.
 */
export function useScenarioStack(options: { extraConfig?: PropertyMap } = {}): ScenarioStack {
  jest.setTimeout(180_000);
  const stack = {} as ScenarioStack;
  beforeAll(async () => {
    Object.assign(stack, await startScenarioStack(options));
  });
  afterAll(async () => stack.close?.());
  beforeEach(() => stack.fresh());
  return stack;
}
