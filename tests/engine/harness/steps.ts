/**
 * What one engine operation did or would do, resource by resource: the shapes the harness returns and the plan
 * printer shows. Mirrors the engine's step kinds (same, create, update, replace, delete).
 */
import type { CallRecord, CheckFailure } from "./providerHost";
import type { FieldChange } from "./propertyValues";
import type { PropertyMap } from "./pulumiRpc";

export type OperationKind = "preview" | "up" | "refresh" | "destroy";
export type StepOp = "same" | "create" | "update" | "replace" | "delete";

export interface Step {
  op: StepOp;
  urn: string;
  name: string;
  type: string;
  /** The resource's id: the existing one, or the new one once created. */
  id?: string;
  /** Field by field: inputs for preview/up (old inputs → new checked inputs), outputs for refresh. */
  changes: FieldChange[];
  /** Properties the provider's Diff said force a replacement. */
  replaces: string[];
  deleteBeforeReplace: boolean;
  /** Check failures: the step was refused before any change. */
  failures: CheckFailure[];
  /** The provider call that failed, with the provider's message. */
  error?: string;
  /** State after the step (up, refresh). */
  outputs?: PropertyMap;
}

export interface OperationResult {
  kind: OperationKind;
  ok: boolean;
  steps: Step[];
  /** Every provider call of this operation, in the order the host received them. */
  calls: CallRecord[];
  /** Why the operation stopped, when it did. */
  error?: string;
}

export function newStep(op: StepOp, at: { urn: string; name: string; type: string }, id?: string): Step {
  return { op, urn: at.urn, name: at.name, type: at.type, id, changes: [], replaces: [], deleteBeforeReplace: false, failures: [] };
}

/** Counts per kind, e.g. `{create: 2, same: 1}`: the engine's closing summary. */
export function summarize(steps: readonly Step[]): Partial<Record<StepOp, number>> {
  const counts: Partial<Record<StepOp, number>> = {};
  for (const step of steps) counts[step.op] = (counts[step.op] ?? 0) + 1;
  return counts;
}
