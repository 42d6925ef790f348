/**
 * `pulumi preview` and `pulumi up` of 100 and 1000 BucketInventory resources with the real CLI, against the same
 * count of a no-op dynamic resource through the same CLI (issue 13): alternating pairs, wall time and the CPU of
 * the whole process tree; the live checks' cost per resource; the provider host's peak memory over 1000.
 */
import type { Measure, MeasureContext } from "../../framework/measure";
import { writeBenchSeed } from "../../support/benchSeed";
import { FakeCloudProcess } from "../../support/fakeCloudProcess";
import { spreadResources } from "../../support/resourceSpread";
import { CliProject, findPulumiCli, type CommandCost, type ProgramKind } from "./cliProject";
import { cliReport, type CliRuns } from "./cliReport";

type Step = "preview" | "preview-live" | "up";

interface Plan {
  sizes: number[];
  pairs(n: number, step: Step): number;
}

function planOf(ctx: MeasureContext): Plan {
  if (ctx.quick) return { sizes: [100], pairs: () => 1 };
  return { sizes: [100, 1000], pairs: (n, step) => (n >= 1000 ? 1 : step === "preview" ? 3 : 2) };
}

/** The bytes of one resource's `__provider` in the state ours' up left, for the heavy no-op's extra argument. */
let providerBytes = 0;

/** One timed command on a fresh stack: preview, preview with credentials (live checks), or up (then forgotten). */
async function once(project: CliProject, fake: FakeCloudProcess, kind: ProgramKind, step: Step, resources: ReturnType<typeof spreadResources>): Promise<CommandCost> {
  if (step === "up") await fake.reset();
  project.declare(kind, resources, providerBytes);
  const stack = await project.newStack();
  try {
    if (step !== "up") return await project.pulumi(["preview"], step === "preview-live");
    const cost = await project.pulumi(["up", "--yes", "--skip-preview"], true);
    if (kind === "ours" && providerBytes === 0) providerBytes = await project.providerBytes();
    return cost;
  } finally {
    await project.removeStack(stack);
  }
}

/** Up of the smallest size also runs the heavy no-op (after ours, whose state tells how heavy). */
function sidesOf(step: Step, n: number, smallest: number, pair: number): ProgramKind[] {
  if (step === "preview-live") return ["ours"];
  const sides: ProgramKind[] = step === "up" && n === smallest ? ["ours", "noop", "heavy"] : ["ours", "noop"];
  return pair % 2 === 0 ? sides : sides.reverse();
}

export const pulumiCliMeasure: Measure = {
  id: "pulumi-cli",
  title: "pulumi preview and up with the real CLI against a no-op dynamic resource",
  budgetMs: 15 * 60_000,
  async run(ctx) {
    const cli = findPulumiCli(ctx.projectRoot);
    if (!cli) throw new Error("no pulumi CLI: `sh scripts/pulumi-cli.sh --check` found none (run `sh scripts/pulumi-cli.sh` once to build it)");
    const seed = writeBenchSeed();
    const fake = await FakeCloudProcess.start(ctx.projectRoot, { seedFile: seed.file });
    const project = CliProject.create(ctx.projectRoot, cli);
    const plan = planOf(ctx);
    const runs: CliRuns[] = [];
    try {
      const steps: Step[] = ["preview", "preview-live", "up"];
      const total = plan.sizes.length * steps.length - (plan.sizes.length - 1);
      let done = 0;
      for (const n of plan.sizes) {
        const resources = spreadResources(n, fake.url);
        // The live checks' cost per resource is read at the smallest size; at 1000 it would add minutes, not news.
        for (const step of steps.filter((s) => s !== "preview-live" || n === plan.sizes[0])) {
          const entry: CliRuns = { n, step, ours: [], noop: [], heavy: [] };
          runs.push(entry);
          const deadline = ctx.deadline.slice(1 / (total - done++));
          for (let pair = 0; pair < plan.pairs(n, step) && (pair === 0 || !deadline.expired()); pair++) {
            ctx.progress.step(`${step} of ${n}${step === "preview-live" ? "" : ": ours / no-op"}`, pair, plan.pairs(n, step));
            // The live-check preview has no floor of its own: it is compared with ours without credentials.
            for (const kind of sidesOf(step, n, plan.sizes[0], pair)) entry[kind].push(await once(project, fake, kind, step, resources));
          }
        }
      }
    } finally {
      project.remove();
      await fake.close();
      seed.remove();
    }
    return cliReport(runs);
  },
};
