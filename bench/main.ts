/**
 * `npm run bench [-- --quick] [-- --only id,id]`: runs every measure of issue 6 in turn with a progress display,
 * each inside its own time budget (the whole run stays under 10 minutes on 2 cores), and writes BENCHMARKS.md with
 * the SVG plots and results.json in bench/results/. A measure that fails is reported as not measured; the others
 * still run, and the exit code is 1.
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

/** The whole run's budget: well under the issue's 10 minutes, leaving room for the build before it. */
const TOTAL_BUDGET_MS = 8.5 * 60_000;

interface Options {
  quick: boolean;
  only?: string[];
  out: string;
}

export function parseArgs(argv: string[], projectRoot: string): Options {
  const options: Options = { quick: false, out: path.join(projectRoot, "BENCHMARKS.md") };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--quick") options.quick = true;
    else if (arg === "--only") options.only = (argv[++i] ?? "").split(",").filter(Boolean);
    else if (arg.startsWith("--only=")) options.only = arg.slice(7).split(",").filter(Boolean);
    else if (arg === "--out") options.out = path.resolve(argv[++i] ?? options.out);
    else throw new Error(`bench: unknown argument "${arg}" (use --quick, --only <ids>, --out <file>)`);
  }
  return options;
}

async function runMeasure(measure: Measure, index: number, ctx: { projectRoot: string; progress: Progress; total: Deadline; quick: boolean }): Promise<MeasureOutcome> {
  ctx.progress.beginMeasure(index + 1, measure.title);
  const started = Date.now();
  const budget = Math.min(ctx.quick ? measure.budgetMs / 4 : measure.budgetMs, ctx.total.remainingMs());
  try {
    const result = await measure.run({ projectRoot: ctx.projectRoot, progress: ctx.progress, deadline: new Deadline(budget), quick: ctx.quick });
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

export async function main(argv: string[]): Promise<number> {
  const projectRoot = path.resolve(__dirname, "..");
  const options = parseArgs(argv, projectRoot);
  const selected = options.only ? MEASURES.filter((m) => options.only!.includes(m.id)) : MEASURES;
  if (selected.length === 0) throw new Error(`bench: --only matched none of ${MEASURES.map((m) => m.id).join(", ")}`);
  const progress = new Progress(selected.length);
  const total = new Deadline(TOTAL_BUDGET_MS);
  const machine = machineFacts(projectRoot);
  progress.line(`bench: ${selected.length} measures on ${machine.cores} cores, node ${machine.node}${options.quick ? " (quick)" : ""}`);
  const outcomes: MeasureOutcome[] = [];
  for (const [i, measure] of selected.entries()) {
    outcomes.push(await runMeasure(measure, i, { projectRoot, progress, total, quick: options.quick }));
  }
  const command = `npm run bench${argv.length ? ` -- ${argv.join(" ")}` : ""}`;
  const resultsDir = path.join(projectRoot, "bench", "results");
  const report = { machine, loadAverageAtEnd: os.loadavg(), durationMs: progress.elapsedMs(), command, generalMethod: GENERAL_METHOD, outcomes };
  writeReport(report, options.out, resultsDir);
  const failed = outcomes.filter((o) => o.error).length;
  progress.finish(`wrote ${path.relative(projectRoot, options.out)}${failed ? `; ${failed} measure(s) not measured` : ""}`);
  return failed ? 1 : 0;
}
