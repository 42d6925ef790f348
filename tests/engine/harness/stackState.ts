/**
 * The stack's state as a JSON file, shaped like the resources of a Pulumi checkpoint (`pulumi stack export`): per
 * resource its URN, type, id, the inputs Check returned and the outputs the provider returned, `__provider`
 * included in both. Written after every step, as the engine checkpoints after every step.
 *
 * Secret outputs (those whose input was secret) are stored in Pulumi's secret wrapper with the value in
 * `plaintext`: this harness does not encrypt. Credentials never belong here in any form, and tests check that.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { PropertyMap } from "./pulumiRpc";
import { SECRET_SIG, SIG_KEY, isSecret } from "./propertyValues";

export interface ResourceState {
  urn: string;
  type: string;
  name: string;
  id: string;
  custom: true;
  inputs: PropertyMap;
  outputs: PropertyMap;
}

export interface StackStateFile {
  version: 1;
  project: string;
  stack: string;
  resources: ResourceState[];
}

export class StackState {
  private constructor(
    readonly file: string,
    private data: StackStateFile,
  ) {}

  static open(file: string, project: string, stack: string): StackState {
    const data = fs.existsSync(file)
      ? (JSON.parse(fs.readFileSync(file, "utf8")) as StackStateFile)
      : { version: 1 as const, project, stack, resources: [] };
    return new StackState(file, data);
  }

  get resources(): readonly ResourceState[] {
    return this.data.resources;
  }

  find(urn: string): ResourceState | undefined {
    return this.data.resources.find((r) => r.urn === urn);
  }

  /** Replaces the entry with the same URN in place (keeping order), or appends. */
  put(resource: ResourceState): void {
    const at = this.data.resources.findIndex((r) => r.urn === resource.urn);
    if (at >= 0) this.data.resources[at] = resource;
    else this.data.resources.push(resource);
    this.save();
  }

  remove(urn: string): void {
    this.data.resources = this.data.resources.filter((r) => r.urn !== urn);
    this.save();
  }

  /** The raw file text, exactly what is on disk. */
  text(): string {
    return fs.existsSync(this.file) ? fs.readFileSync(this.file, "utf8") : "";
  }

  private save(): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(this.data, null, 2) + "\n");
    fs.renameSync(tmp, this.file);
  }
}

/** Wraps the named top-level properties as secrets for storage (the engine re-marks outputs of secret inputs). */
export function markSecrets(props: PropertyMap, secretKeys: readonly string[]): PropertyMap {
  const out: PropertyMap = { ...props };
  for (const key of secretKeys) {
    if (key in out && !isSecret(out[key])) out[key] = { [SIG_KEY]: SECRET_SIG, plaintext: JSON.stringify(out[key]) };
  }
  return out;
}

/** Undoes markSecrets: what the engine decrypts before sending state back to a provider. */
export function unmarkSecrets(props: PropertyMap): PropertyMap {
  const out: PropertyMap = {};
  for (const [key, value] of Object.entries(props)) {
    const wrapped = value as { plaintext?: string } | undefined;
    out[key] = isSecret(value) && typeof wrapped?.plaintext === "string" ? JSON.parse(wrapped.plaintext) : value;
  }
  return out;
}
