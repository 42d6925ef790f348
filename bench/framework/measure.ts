/** The contract between the runner and each measure: what a measure gets, and what it hands back for the report. */
import type { Deadline } from "./deadline";
import type { Table } from "./markdownTable";
import type { Progress } from "./progress";

/** One target from the issue with the number measured against it. */
export interface TargetCheck {
  what: string;
  target: string;
  current: string;
  /** undefined: could not be measured this run (or, with `informational`, there is nothing to meet). */
  met?: boolean;
  /** A number the issue asks to report without a target. */
  informational?: boolean;
}

export interface Plot {
  /** File name under the results folder, e.g. "check-latency-vs-n.svg". */
  file: string;
  title: string;
  svg: string;
}

export interface MeasureResult {
  /** How it was measured, as Markdown paragraphs or bullet lines. */
  method: string[];
  tables: Table[];
  plots: Plot[];
  targets: TargetCheck[];
  /** Observations and, for every missed target, why. */
  notes: string[];
  /** Everything measured, for results.json (machine-readable, for comparing runs). */
  raw: unknown;
}

export interface MeasureContext {
  projectRoot: string;
  progress: Progress;
  /** This measure's share of the run's time. */
  deadline: Deadline;
  /** Fewer samples everywhere: a smoke run of the benchmark itself. */
  quick: boolean;
  /**
   * The regression guard (`--guard`): small batches, no SDKs, and every target checked against its guard limit
   * (framework/guard.ts) instead of the target itself.
   */
  guard: boolean;
}

export interface Measure {
  id: string;
  title: string;
  /** Time this measure may take at most, in normal (not quick) mode. */
  budgetMs: number;
  /** Set by measures that take part in the guard: their time budget there. */
  guardBudgetMs?: number;
  run(ctx: MeasureContext): Promise<MeasureResult>;
}

export function emptyResult(): MeasureResult {
  return { method: [], tables: [], plots: [], targets: [], notes: [], raw: {} };
}
