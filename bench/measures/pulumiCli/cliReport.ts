/** The pulumi-cli measure's section of BENCHMARKS.md. */
import { bytes, ms, NONE, ratio, sig } from "../../framework/format";
import type { MeasureResult, TargetCheck } from "../../framework/measure";
import { summarize } from "../../framework/stats";
import type { CommandCost } from "./cliProject";

export interface CliRuns {
  n: number;
  step: "preview" | "preview-live" | "up";
  ours: CommandCost[];
  noop: CommandCost[];
  /** The no-op with one more argument as long as our `__provider`: its state is as large as ours. */
  heavy: CommandCost[];
}

const PREVIEW_TARGET = 1.2;
const MEMORY_TARGET = 1.2;

const METHOD = [
  "The real `pulumi` CLI (`scripts/pulumi-cli.sh --check`: v3.276.0 built on this machine, nodejs language host,",
  "our dynamic-provider plugin), a local file backend, no network. The project (`bench/out/cli-*`, plain JS, run by",
  "`bench/programs/cliProgram.js`) declares N resources: **ours**, N BucketInventory spread over the bench seed's",
  "buckets, vendors in turn, against the fake cloud; **floor**, N `pulumi.dynamic.Resource` with the same arguments",
  "and a provider whose only method is a `create` that returns its inputs. Each command runs on a fresh stack:",
  "`pulumi preview` without credentials (the provider skips its live checks), `pulumi preview` with every vendor's",
  "credentials in the environment (live checks: bucket look-ups and a list per bucket, ours only), `pulumi up --yes",
  "--skip-preview` with credentials on an empty fake cloud. Ours and the floor alternate (ours first, then the floor",
  "first). Cost: wall time, and the CPU of the whole process tree (CLI, language host, program, provider host: the",
  "bench process's children times). The provider host's peak RSS (VmHWM) is polled from /proc during each command.",
];

const cpu = (runs: CommandCost[]) => summarize(runs.map((r) => r.cpuSeconds ?? Number.NaN)).median;
const wall = (runs: CommandCost[]) => summarize(runs.map((r) => r.wallMs)).median;
const peak = (runs: CommandCost[]) => summarize(runs.map((r) => r.hostPeakRssBytes ?? Number.NaN)).median;

/** Per pair, ours ÷ floor. */
function pairRatios(r: CliRuns, pick: (c: CommandCost) => number | undefined): number[] {
  const out: number[] = [];
  for (let i = 0; i < Math.min(r.ours.length, r.noop.length); i++) {
    const a = pick(r.ours[i]);
    const b = pick(r.noop[i]);
    if (a !== undefined && b !== undefined && b > 0) out.push(a / b);
  }
  return out;
}

function cost(runs: CommandCost[]): string {
  if (runs.length === 0) return NONE;
  return `${ms(wall(runs))} wall, ${sig(cpu(runs))} s CPU (n=${runs.length})`;
}

export function cliReport(runs: CliRuns[]): MeasureResult {
  const rows: string[][] = [];
  const targets: TargetCheck[] = [];
  const notes: string[] = [];
  for (const r of runs.filter((x) => x.step !== "preview-live")) {
    const cpuRatio = summarize(pairRatios(r, (c) => c.cpuSeconds)).median;
    const wallRatio = summarize(pairRatios(r, (c) => c.wallMs)).median;
    const judged = r.step === "preview";
    const met = judged && Number.isFinite(cpuRatio) ? cpuRatio <= PREVIEW_TARGET : undefined;
    rows.push([
      `${r.step === "up" ? "up" : "preview (no live checks)"}`, String(r.n), cost(r.noop), cost(r.ours), `${ratio(cpuRatio)} CPU, ${ratio(wallRatio)} wall`,
      judged ? `≤ ${PREVIEW_TARGET}× (CPU)` : "reported",
      judged ? (met === undefined ? "not measured" : met ? "✅ met" : `❌ **missed** by ${sig((cpuRatio / PREVIEW_TARGET - 1) * 100, 2)} %`) : "",
    ]);
    if (r.heavy.length > 0) {
      const heavyRatios = (pick: (c: CommandCost) => number | undefined) => {
        const out: number[] = [];
        for (let i = 0; i < Math.min(r.ours.length, r.heavy.length); i++) {
          const a = pick(r.ours[i]);
          const b = pick(r.heavy[i]);
          if (a !== undefined && b !== undefined && b > 0) out.push(a / b);
        }
        return summarize(out).median;
      };
      rows.push([
        "up, against a no-op with ours' state size", String(r.n), cost(r.heavy), cost(r.ours),
        `${ratio(heavyRatios((c) => c.cpuSeconds))} CPU, ${ratio(heavyRatios((c) => c.wallMs))} wall`, "reported", "",
      ]);
    }
    if (judged) targets.push({ what: `pulumi preview of ${r.n} (no live checks): ours ÷ no-op dynamic resource, CPU`, target: `≤ ${PREVIEW_TARGET}×`, current: `${ratio(cpuRatio)} (wall ${ratio(wallRatio)})`, met });
    else targets.push({ what: `pulumi up of ${r.n}: ours ÷ no-op dynamic resource, CPU`, target: "reported", current: `${ratio(cpuRatio)} (wall ${ratio(wallRatio)})`, informational: true });
    if (r.step === "up" && r.n >= 1000) {
      const memRatio = peak(r.ours) / peak(r.noop);
      const memMet = Number.isFinite(memRatio) ? memRatio <= MEMORY_TARGET : undefined;
      targets.push({ what: `provider host peak memory over an up of ${r.n}: ours ÷ no-op host`, target: `≤ ${MEMORY_TARGET}×`, current: `${ratio(memRatio)} (${bytes(peak(r.ours))} / ${bytes(peak(r.noop))})`, met: memMet });
      rows.push(["provider host peak RSS during up", String(r.n), bytes(peak(r.noop)), bytes(peak(r.ours)), ratio(memRatio), `≤ ${MEMORY_TARGET}×`, memMet === undefined ? "not measured" : memMet ? "✅ met" : `❌ **missed** by ${sig((memRatio / MEMORY_TARGET - 1) * 100, 2)} %`]);
    }
  }
  for (const live of runs.filter((x) => x.step === "preview-live")) {
    const plain = runs.find((x) => x.step === "preview" && x.n === live.n);
    if (!plain || live.ours.length === 0) continue;
    const perResourceMs = (wall(live.ours) - wall(plain.ours)) / live.n;
    const perResourceCpuMs = ((cpu(live.ours) - cpu(plain.ours)) * 1000) / live.n;
    rows.push(["preview with live checks", String(live.n), NONE, cost(live.ours), `${ms(perResourceCpuMs)} CPU per resource more than without (wall ${ms(perResourceMs)})`, "reported", ""]);
    targets.push({ what: `live checks at preview, ${live.n} resources: CPU per resource`, target: "reported", current: `${ms(perResourceCpuMs)} (wall ${ms(perResourceMs)}, noisy on a shared machine)`, informational: true });
  }
  for (const r of runs.filter((x) => x.step === "up")) notes.push(cpuSplit(r));
  notes.push(
    "The floor runs the same CLI, language host, program process and provider host with a provider that does nothing: " +
      "what ours adds is the SDK's argument checks in the program, `__provider` (3.6 KiB serialized per resource) on the wire " +
      "and in the checkpoint, the provider's check (normalize and the static rules) and diff, and at up its requests.",
  );
  return {
    method: METHOD,
    tables: [{
      headers: ["command", "resources", "floor: no-op dynamic resource", "ours", "ours ÷ floor (median of pairs)", "target", "verdict"],
      rows,
      align: ["l", "r", "r", "r", "r", "l", "l"],
    }],
    plots: [],
    targets,
    notes,
    raw: runs,
  };
}

const KINDS = ["pulumi CLI", "language host", "program", "provider host"];

/** Where each side's CPU went at up, by process, and what the heavy no-op says about the CLI's share. */
function cpuSplit(r: CliRuns): string {
  const split = (runs: CommandCost[]) =>
    KINDS.map((k) => `${k} ${sig(summarize(runs.map((c) => c.cpuByProcess?.[k] ?? Number.NaN)).median)} s`).join(", ");
  let text = `up of ${r.n}, CPU by process (median): ours: ${split(r.ours)}; no-op: ${split(r.noop)}`;
  if (r.heavy.length > 0) {
    const cli = (runs: CommandCost[]) => summarize(runs.map((c) => c.cpuByProcess?.["pulumi CLI"] ?? Number.NaN)).median;
    text +=
      `; the no-op given one more argument as long as our \`__provider\` (so its state is as large as ours): ${split(r.heavy)}. ` +
      `The CLI's CPU follows the state's size (it writes a checkpoint after every step): ${sig(cli(r.noop))} s for the no-op, ` +
      `${sig(cli(r.heavy))} s for the heavy no-op, ${sig(cli(r.ours))} s for ours. What is ours alone is the provider host's share.`;
  }
  return text.endsWith(".") ? text : `${text}.`;
}
