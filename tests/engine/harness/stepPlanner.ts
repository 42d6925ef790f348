/**
 * The engine's decision for one registered resource: Check(old inputs, new inputs), then for an existing resource
 * Diff(id, old outputs, checked inputs, old inputs), giving the step (same, create, update, replace with or
 * without delete-before-replace) and its per-field changes; a replacement gets a second Check without old inputs.
 */
import type { ProviderHost, ResourceAddress } from "./providerHost";
import { changedFields, revealSecrets, type FieldChange } from "./propertyValues";
import type { PropertyMap } from "./pulumiRpc";
import { unmarkSecrets, type ResourceState } from "./stackState";
import { stepCall } from "./stepCall";
import { newStep, type Step } from "./steps";

export interface PlannedStep {
  step: Step;
  /** The inputs Check returned: what Create/Update receive and the state records. */
  checked: PropertyMap;
  /** Top-level inputs that were secret in the program. */
  secretKeys: string[];
}

export async function planStep(host: ProviderHost, at: ResourceAddress, old: ResourceState | undefined, inputs: PropertyMap): Promise<PlannedStep> {
  const { plain: news, secretKeys } = revealSecrets(inputs);
  const oldInputs = old ? unmarkSecrets(old.inputs) : {};
  const step = newStep(old ? "same" : "create", at, old?.id);
  const { inputs: checked, failures } = await stepCall(step, () => host.check(at, oldInputs, news));
  step.failures = failures;
  if (failures.length > 0 || !old) {
    step.changes = changedFields({}, checked);
    return { step, checked, secretKeys };
  }
  const oldOutputs = unmarkSecrets(old.outputs);
  step.changes = plannedChanges(oldOutputs, oldInputs, checked);
  const diff = await stepCall(step, () => host.diff(at, old.id, oldOutputs, checked, oldInputs));
  if (diff.changes === "unknown") {
    // The provider gave no answer: the engine falls back to comparing old and new inputs itself.
    step.changes = changedFields(oldInputs, checked);
    step.op = step.changes.length > 0 ? "update" : "same";
  } else if (diff.changes === "none") {
    step.op = "same";
    step.changes = [];
  } else {
    step.op = diff.replaces.length > 0 ? "replace" : "update";
    step.replaces = diff.replaces;
    step.deleteBeforeReplace = diff.replaces.length > 0 && diff.deleteBeforeReplace;
    if (step.op === "replace") {
      // As the engine does (step_generator.go): a replacement is checked again, as a new resource (no old
      // inputs), and what that Check returns is what Create gets.
      const again = await stepCall(step, () => host.check(at, {}, news));
      step.failures = again.failures;
      return { step, checked: again.inputs, secretKeys };
    }
  }
  return { step, checked, secretKeys };
}

/**
 * What a step will change, as the CLI shows it: a provider without preview support gets its new inputs back as
 * the planned outputs, and the display compares old outputs with those. Output-only properties (never an input,
 * like a computed id) are left out: the program does not manage them.
 */
function plannedChanges(oldOutputs: PropertyMap, oldInputs: PropertyMap, news: PropertyMap): FieldChange[] {
  const managed = new Set([...Object.keys(oldInputs), ...Object.keys(news)]);
  const before = Object.fromEntries(Object.entries(oldOutputs).filter(([key]) => managed.has(key)));
  return changedFields(before, news);
}
