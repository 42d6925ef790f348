/**
 * `npm run bench [-- --quick] [-- --only id,id] [-- --guard]`: runs every measure in turn with a progress display,
 * each inside its own time budget, and writes BENCHMARKS.md with the SVG plots and results.json in bench/results/.
 * A measure that fails is reported as not measured; the others still run, and the exit code is 1.
 * `--guard` is the regression guard `npm test` runs: the measures that take part, small, judged against their
 * guard limits; it prints its verdicts, writes nothing, and exits 1 when a ratio is past its limit.
 */
import * as os from "node:os";
import * as path from "node:path";
import { Deadline } from "./framework/deadline";
import { ms } from "./framework/format";
import { machineFacts } from "./framework/machineFacts";
import type { Measure } from "./framework/measure";
import { Progress } from "./framework/progress";
import { writeReport, type MeasureOutcome } from "./framework/reportWriter";
import { GENERAL_METHOD } from "./generalMethod";
import { MEASURES } from "./measures";

/** The whole run's budget (the Pulumi CLI runs of 1000 resources take about half of it on a loaded machine). */
const TOTAL_BUDGET_MS = 30 * 60_000;
/** The guard's: `npm test` runs it after jest, and it must stay well under a minute. */
const GUARD_BUDGET_MS = 50_000;

interface Options {
  quick: boolean;
  guard: boolean;
  only?: string[];
  out: string;
}

export function parseArgs(argv: string[], projectRoot: string): Options {
  const options: Options = { quick: false, guard: false, out: path.join(projectRoot, "BENCHMARKS.md") };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--quick") options.quick = true;
    else if (arg === "--guard") options.guard = true;
    else if (arg === "--only") options.only = (argv[++i] ?? "").split(",").filter(Boolean);
    else if (arg.startsWith("--only=")) options.only = arg.slice(7).split(",").filter(Boolean);
    else if (arg === "--out") options.out = path.resolve(argv[++i] ?? options.out);
    else throw new Error(`bench: unknown argument "${arg}" (use --quick, --guard, --only <ids>, --out <file>)`);
  }
  return options;
}

interface RunContext {
  projectRoot: string;
  progress: Progress;
  total: Deadline;
  quick: boolean;
  guard: boolean;
}

function budgetOf(measure: Measure, ctx: RunContext): number {
  const own = ctx.guard ? (measure.guardBudgetMs ?? 0) : ctx.quick ? measure.budgetMs / 4 : measure.budgetMs;
  return Math.min(own, ctx.total.remainingMs());
}

async function runMeasure(measure: Measure, index: number, ctx: RunContext): Promise<MeasureOutcome> {
  ctx.progress.beginMeasure(index + 1, measure.title);
  const started = Date.now();
  try {
    const deadline = new Deadline(budgetOf(measure, ctx));
    const result = await measure.run({ projectRoot: ctx.projectRoot, progress: ctx.progress, deadline, quick: ctx.quick, guard: ctx.guard });
    const missed = result.targets.filter((t) => t.met === false).length;
    ctx.progress.endMeasure(`done in ${ms(Date.now() - started)}${missed ? `, ${missed} target(s) missed` : ""}`);
    return { id: measure.id, title: measure.title, durationMs: Date.now() - started, result };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    ctx.progress.endMeasure(`FAILED: ${message}`);
    if (process.env.BENCH_DEBUG && error instanceof Error) ctx.progress.line(error.stack ?? "");
    return { id: measure.id, title: measure.title, durationMs: Date.now() - started, error: message.split("\n")[0] };
  }
}

function selectMeasures(options: Options): Measure[] {
  const pool = options.guard ? MEASURES.filter((m) => m.guardBudgetMs !== undefined) : MEASURES;
  const selected = options.only ? pool.filter((m) => options.only!.includes(m.id)) : pool;
  if (selected.length === 0) throw new Error(`bench: --only matched none of ${pool.map((m) => m.id).join(", ")}`);
  return selected;
}

/** The guard's verdicts, one line each; true when every ratio is within its limit. */
function guardVerdict(outcomes: MeasureOutcome[], progress: Progress): boolean {
  let passed = true;
  for (const o of outcomes) {
    if (o.error) {
      passed = false;
      progress.line(`guard: ${o.title}: not measured: ${o.error}`);
      continue;
    }
    for (const t of o.result?.targets ?? []) {
      if (t.informational) continue;
      if (t.met === false) passed = false;
      progress.line(`guard: ${t.met === false ? "FAILED" : t.met ? "ok" : "not measured"}: ${t.what}: ${t.current} (limit ${t.target})`);
    }
  }
  return passed;
}

export async function main(argv: string[]): Promise<number> {
  const projectRoot = path.resolve(__dirname, "..");
  const options = parseArgs(argv, projectRoot);
  const selected = selectMeasures(options);
  const progress = new Progress(selected.length);
  const total = new Deadline(options.guard ? GUARD_BUDGET_MS : TOTAL_BUDGET_MS);
  const machine = machineFacts(projectRoot);
  const mode = options.guard ? " (guard)" : options.quick ? " (quick)" : "";
  progress.line(`bench: ${selected.length} measures on ${machine.cores} cores, node ${machine.node}, load ${machine.loadAverage.map((l) => l.toFixed(1)).join(" ")}${mode}`);
  const outcomes: MeasureOutcome[] = [];
  const ctx: RunContext = { projectRoot, progress, total, quick: options.quick, guard: options.guard };
  for (const [i, measure] of selected.entries()) outcomes.push(await runMeasure(measure, i, ctx));
  if (options.guard) {
    const passed = guardVerdict(outcomes, progress);
    progress.finish(passed ? "guard: every ratio within its limit" : "guard: FAILED (a ratio past its limit, or not measured)");
    return passed ? 0 : 1;
  }
  const command = `npm run bench${argv.length ? ` -- ${argv.join(" ")}` : ""}`;
  const resultsDir = path.join(projectRoot, "bench", "results");
  const report = { machine, loadAverageAtEnd: os.loadavg(), durationMs: progress.elapsedMs(), command, generalMethod: GENERAL_METHOD, outcomes };
  writeReport(report, options.out, resultsDir);
  const failed = outcomes.filter((o) => o.error).length;
  progress.finish(`wrote ${path.relative(projectRoot, options.out)}${failed ? `; ${failed} measure(s) not measured` : ""}`);
  return failed ? 1 : 0;
}
