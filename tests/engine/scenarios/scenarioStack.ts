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
import { credentialConfig } from "./vendorCases";

export const projectRoot = path.resolve(__dirname, "..", "..", "..");
const programModule = path.resolve(__dirname, "..", "programs", "inventoryProgram.ts");

export interface ScenarioStack {
  engine: Engine;
  fake: FakeCloud;
  /** The stack config the engine started with (credentials as secrets). */
  config: PropertyMap;
  /** A program declaring these resources. */
  program(...resources: { name: string; args: Record<string, unknown> }[]): Program;
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
  return {
    engine,
    fake,
    config,
    program: (...resources) => ({ module: programModule, spec: { resources } }),
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
