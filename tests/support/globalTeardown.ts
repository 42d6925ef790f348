/**
 * Jest globalTeardown: the run fails when a process a test started is still running after every test file ended
 * (a pulumi plugin host orphaned by a killed CLI, an Automation API run a timed-out test left behind, a fake cloud
 * never stopped). Each one is named (pid, age, folder, command line), then killed so nothing outlives the run.
 * Processes get a few seconds to finish exiting first: a test may stop one without waiting for its exit.
 */
import { describeProcesses, killAllWith, waitForNone, type ProcessInfo } from "./markedProcesses";
import { RUN_VARIABLE } from "./globalSetup";

const GRACE_MS = 15_000;

/** Jest itself and its workers carry the mark too. */
const isJest = (p: ProcessInfo) => p.pid === process.pid || /[\\/]jest-worker[\\/]/.test(p.args);

/** Throws, naming them, when processes marked with `run` outlive `graceMs` (they are killed first). */
export async function failOnLeftovers(run: string, graceMs: number): Promise<void> {
  const left = await waitForNone(RUN_VARIABLE, run, graceMs, isJest);
  if (left.length === 0) return;
  await killAllWith(RUN_VARIABLE, run, isJest);
  throw new Error(
    `the test run left ${left.length} process(es) running ${graceMs / 1000} s after its last test (now killed):` +
      `${describeProcesses(left)}\nA test must stop, and wait for, every process it starts, its children included.`,
  );
}

export default async function globalTeardown(): Promise<void> {
  const run = process.env[RUN_VARIABLE];
  if (run) await failOnLeftovers(run, GRACE_MS);
}
