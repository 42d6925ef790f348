/**
 * A small stand-in for the Pulumi engine: `preview`, `up`, `refresh` and `destroy` over a JSON state file, driving
 * the real dynamic provider host with the calls and properties the engine sends.
 *
 * - preview/up run the program (plain node child) and, per registered resource in order: Check(old inputs, new
 *   inputs) → Diff(id, old outputs, checked inputs, old inputs) → for a replacement a second Check(no old inputs,
 *   new inputs) → the step. Preview stops there: the host reports
 *   supportsPreview=false, so the engine never calls Create/Update during a preview. Up executes: Create,
 *   Update(id, old outputs, checked inputs, old inputs), replace (Delete then Create when Diff asks for
 *   delete-before-replace, else Create now and Delete the old one at the end), and deletes resources the program
 *   no longer declares, last first.
 * - refresh: Read(id, old outputs, old inputs) per resource, then Diff(id, read outputs, old inputs, read inputs);
 *   an empty id means gone.
 * - destroy: Delete(id, outputs, inputs), last first.
 * Like the CLI, each operation launches its own host process (Configure once, with the stack config), so caches a
 * provider keeps per process never leak from one operation into the next.
 */
import * as path from "node:path";
import { EngineStub } from "./engineStub";
import { ProgramRunner, type Program, type Registration } from "./programRunner";
import { ProviderHost, type ResourceAddress } from "./providerHost";
import { changedFields, revealSecrets } from "./propertyValues";
import type { PropertyMap } from "./pulumiRpc";
import { StackState, markSecrets, unmarkSecrets, type ResourceState } from "./stackState";
import { StepFailure, stepCall } from "./stepCall";
import { planStep } from "./stepPlanner";
import { newStep, type OperationKind, type OperationResult, type Step } from "./steps";

export interface EngineOptions {
  /** The project directory: where the host and the program run (module resolution starts there). */
  projectRoot: string;
  project: string;
  stack: string;
  /** Where stack state files live: `<stateDir>/<stack>.json` (like the CLI's local file backend). */
  stateDir: string;
  /** Stack config, `<namespace>:<key>` → value; wrap secrets with `secret()` from propertyValues. */
  config: PropertyMap;
}

export class Engine {
  state: StackState;
  stack: string;
  /** What every host printed (provider diagnostics), across operations. */
  hostOutput = "";
  /** What the host answered to Configure: the engine skips Create/Update at preview and unwraps secrets because of it. */
  hostCapabilities?: { acceptSecrets: boolean; supportsPreview: boolean };
  private spareHost?: Promise<ProviderHost>;

  private constructor(
    private readonly options: EngineOptions,
    readonly engineStub: EngineStub,
    private readonly runner: ProgramRunner,
  ) {
    this.stack = options.stack;
    this.state = this.openState();
  }

  static async start(options: EngineOptions): Promise<Engine> {
    const stub = await EngineStub.start();
    const runner = ProgramRunner.start({ cwd: options.projectRoot });
    return new Engine(options, stub, runner);
  }

  /**
   * Like the engine, a preview stops at the first resource whose Check fails (the other resources are not
   * checked). `checkEveryResource` goes on instead: a harness-only convenience for tests that compare the failure
   * texts of several resources in one run; the engine's own stop is what tests/cli shows.
   */
  async preview(program: Program, options: { checkEveryResource?: boolean } = {}): Promise<OperationResult> {
    const registrations = await this.runProgram(program, true);
    return this.operation("preview", async (host, result) => {
      for (const reg of registrations) {
        const at = this.addressOf(reg);
        const { step } = await planStep(host, at, this.state.find(at.urn), reg.inputs);
        result.steps.push(step);
        if (step.failures.length === 0) continue;
        result.ok = false;
        if (!options.checkEveryResource) return;
      }
      for (const old of this.removed(registrations)) result.steps.push(newStep("delete", old, old.id));
    });
  }

  async up(program: Program): Promise<OperationResult> {
    const registrations = await this.runProgram(program, false);
    return this.operation("up", async (host, result) => {
      const deferredDeletes: ResourceState[] = [];
      for (const reg of registrations) {
        const at = this.addressOf(reg);
        const { step, checked, secretKeys } = await planStep(host, at, this.state.find(at.urn), reg.inputs);
        result.steps.push(step);
        if (step.failures.length > 0) throw new StepFailure(step, `${step.name}: check failed`);
        await this.apply(host, step, reg, checked, secretKeys, deferredDeletes);
      }
      for (const old of [...deferredDeletes, ...this.removed(registrations)].reverse()) {
        const step = newStep("delete", old, old.id);
        result.steps.push(step);
        await this.deleteResource(host, step, old);
      }
    });
  }

  async refresh(): Promise<OperationResult> {
    return this.operation("refresh", async (host, result) => {
      for (const old of [...this.state.resources]) {
        const step = newStep("same", old, old.id);
        result.steps.push(step);
        const [outputs, inputs] = [unmarkSecrets(old.outputs), unmarkSecrets(old.inputs)];
        const read = await stepCall(step, () => host.read(old, old.id, outputs, inputs));
        if (!read.id) {
          step.op = "delete";
          this.state.remove(old.urn);
          continue;
        }
        // As the engine does (RefreshStep): Diff what Read returned against the old inputs, as if an up of the
        // unchanged program followed; the CLI shows that diff inverted (what changed out of band).
        await stepCall(step, () => host.diff(old, read.id, read.properties, inputs, read.inputs ?? inputs));
        step.changes = changedFields(outputs, read.properties);
        step.op = step.changes.length > 0 ? "update" : "same";
        step.outputs = read.properties;
        this.state.put({ ...old, id: read.id, outputs: read.properties, inputs: read.inputs ?? old.inputs });
      }
    });
  }

  async destroy(): Promise<OperationResult> {
    return this.operation("destroy", async (host, result) => {
      for (const old of [...this.state.resources].reverse()) {
        const step = newStep("delete", old, old.id);
        result.steps.push(step);
        await this.deleteResource(host, step, old);
      }
    });
  }

  /** Replaces the stack config used from the next operation on, like `pulumi config set` / `rm` between runs. */
  setConfig(config: PropertyMap): void {
    this.options.config = config;
  }

  /** Switches to another stack (its own state file), like `pulumi stack select`. */
  selectStack(stack: string): void {
    this.stack = stack;
    this.state = this.openState();
  }

  async close(): Promise<void> {
    const spare = this.spareHost;
    this.spareHost = undefined;
    await spare?.then((host) => host.close(), () => undefined);
    await this.runner.close();
    await this.engineStub.close();
  }

  private async apply(host: ProviderHost, step: Step, reg: Registration, checked: PropertyMap, secretKeys: string[], deferred: ResourceState[]): Promise<void> {
    const at = this.addressOf(reg);
    const old = this.state.find(at.urn);
    const record = (id: string, outputs: PropertyMap) => {
      step.id = id;
      step.outputs = outputs;
      this.state.put({ ...at, id, custom: true, inputs: markSecrets(checked, secretKeys), outputs: markSecrets(outputs, secretKeys) });
    };
    if (step.op === "same" && old) {
      this.state.put({ ...old, inputs: markSecrets(checked, secretKeys) });
      return;
    }
    if (step.op === "update" && old) {
      const update = () => host.update(at, old.id, unmarkSecrets(old.outputs), checked, unmarkSecrets(old.inputs));
      return record(old.id, await stepCall(step, update, (failed) => record(old.id, failed.properties)));
    }
    if (step.op === "replace" && old) {
      if (step.deleteBeforeReplace) {
        await stepCall(step, () => host.delete(at, old.id, unmarkSecrets(old.outputs), unmarkSecrets(old.inputs)));
        this.state.remove(old.urn);
      } else {
        deferred.push(old);
      }
    }
    const created = await stepCall(step, () => host.create(at, checked), (failed) => record(failed.id, failed.properties));
    record(created.id, created.properties);
  }

  private async deleteResource(host: ProviderHost, step: Step, old: ResourceState): Promise<void> {
    await stepCall(step, () => host.delete(old, old.id, unmarkSecrets(old.outputs), unmarkSecrets(old.inputs)));
    if (this.state.find(old.urn)?.id === old.id) this.state.remove(old.urn);
  }

  /**
   * One operation on a fresh host: GetPluginInfo, Configure with the stack config, then `body`. The next host is
   * launched in the background meanwhile (it knows nothing until Configure), so its start-up overlaps this work.
   */
  private async operation(kind: OperationKind, body: (host: ProviderHost, result: OperationResult) => Promise<void>): Promise<OperationResult> {
    const host = await (this.spareHost ?? this.launchHost());
    this.spareHost = this.launchHost();
    this.spareHost.catch(() => undefined);
    const result: OperationResult = { kind, ok: true, steps: [], calls: host.calls };
    try {
      await host.getPluginInfo();
      this.hostCapabilities = await host.configure(this.options.config);
      await body(host, result);
    } catch (error) {
      if (!(error instanceof StepFailure)) throw error;
      result.ok = false;
      result.error = error.message;
    } finally {
      await host.close();
      this.hostOutput += host.output;
    }
    return result;
  }

  private launchHost(): Promise<ProviderHost> {
    return ProviderHost.start({ cwd: this.options.projectRoot, engineAddress: this.engineStub.address });
  }

  private async runProgram(program: Program, preview: boolean): Promise<Registration[]> {
    const { plain: config, secretKeys } = revealSecrets(this.options.config);
    return this.runner.run(program, { preview, project: this.options.project, stack: this.stack, config, secretKeys });
  }

  private removed(registrations: readonly Registration[]): ResourceState[] {
    const declared = new Set(registrations.map((r) => this.addressOf(r).urn));
    return this.state.resources.filter((r) => !declared.has(r.urn));
  }

  private addressOf(reg: { type: string; name: string }): ResourceAddress {
    return { urn: `urn:pulumi:${this.stack}::${this.options.project}::${reg.type}::${reg.name}`, name: reg.name, type: reg.type };
  }

  private openState(): StackState {
    return StackState.open(path.join(this.options.stateDir, `${this.stack}.json`), this.options.project, this.stack);
  }
}
