/**
 * How a failed provider call ends an engine step: the step keeps the provider's message and the operation stops,
 * as the engine stops an update at the first failed step. A partial create/update (the error carries the
 * resource's id and properties) is recorded before that, as the engine records it.
 */
import { ProviderCallError, type InitFailure } from "./providerHost";
import type { Step } from "./steps";

export class StepFailure extends Error {
  constructor(
    readonly step: Step,
    message: string,
  ) {
    super(message);
    this.name = "StepFailure";
  }
}

export async function stepCall<T>(step: Step, invoke: () => Promise<T>, recordPartial?: (failed: InitFailure) => void): Promise<T> {
  try {
    return await invoke();
  } catch (error) {
    if (!(error instanceof ProviderCallError)) throw error;
    if (error.initFailure && recordPartial) recordPartial(error.initFailure);
    step.error = error.details;
    throw new StepFailure(step, `${step.name}: ${error.method} failed: ${error.details}`);
  }
}
