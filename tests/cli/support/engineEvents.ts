/**
 * The engine's own account of an operation, from the events Automation API streams (`onEvent`): the steps it
 * planned or took per resource (op, changed keys, replacing keys) and the diagnostics it printed.
 */
import type { EngineEvent, StepEventMetadata } from "@pulumi/pulumi/automation";

export const INVENTORY_TYPE = "pulumi-nodejs:dynamic/bucket-inventory:BucketInventory";

export interface Step {
  op: string;
  name: string;
  type: string;
  /** Top-level keys that changed, as the engine computed them. */
  diffs: string[];
  /** Keys that force a replacement. */
  keys: string[];
  /** Property paths with their kind, where the engine has a detailed diff. */
  detailedDiff: Record<string, string>;
  metadata: StepEventMetadata;
}

export interface Diagnostic {
  severity: string;
  message: string;
  urn?: string;
}

const nameOf = (urn: string) => urn.slice(urn.lastIndexOf("::") + 2);

function stepOf(m: StepEventMetadata): Step {
  const detailedDiff = Object.fromEntries(Object.entries(m.detailedDiff ?? {}).map(([k, v]) => [k, String(v.diffKind)]));
  return { op: m.op, name: nameOf(m.urn), type: m.type, diffs: m.diffs ?? [], keys: m.keys ?? [], detailedDiff, metadata: m };
}

export class EngineEvents {
  readonly all: EngineEvent[] = [];

  /** Pass as `onEvent`. */
  readonly record = (event: EngineEvent): void => {
    this.all.push(event);
  };

  clear(): void {
    this.all.length = 0;
  }

  /** Steps as announced before they run (resourcePreEvent), in order; a refresh's diff is not known yet here. */
  steps(type = INVENTORY_TYPE): Step[] {
    return this.all.flatMap((e) => (e.resourcePreEvent?.metadata.type === type ? [stepOf(e.resourcePreEvent.metadata)] : []));
  }

  /** Steps as they completed (resOutputsEvent), in the order they finished, with the engine's diff. */
  results(type = INVENTORY_TYPE): Step[] {
    return this.all.flatMap((e) => (e.resOutputsEvent?.metadata.type === type ? [stepOf(e.resOutputsEvent.metadata)] : []));
  }

  /** `op name` for each step announced, e.g. "create oss-daily". */
  plan(type = INVENTORY_TYPE): string[] {
    return this.steps(type).map((s) => `${s.op} ${s.name}`);
  }

  diagnostics(severity?: Diagnostic["severity"]): Diagnostic[] {
    return this.all.flatMap((e) => {
      const d = e.diagnosticEvent;
      if (!d || (severity && d.severity !== severity)) return [];
      return [{ severity: d.severity, message: d.message, urn: d.urn }];
    });
  }
}
