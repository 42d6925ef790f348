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

/** One timed command on a fresh stack: preview, preview with credentials (live checks), or up (then forgotten). */
async function once(project: CliProject, fake: FakeCloudProcess, kind: ProgramKind, step: Step, resources: ReturnType<typeof spreadResources>): Promise<CommandCost> {
  if (step === "up") await fake.reset();
  project.declare(kind, resources);
  const stack = await project.newStack();
  try {
    if (step === "up") return await project.pulumi(["up", "--yes", "--skip-preview"], true);
    return await project.pulumi(["preview"], step === "preview-live");
  } finally {
    await project.removeStack(stack);
  }
}

export const pulumiCliMeasure: Measure = {
  id: "pulumi-cli",
  title: "pulumi preview and up with the real CLI against a no-op dynamic resource",
  budgetMs: 9 * 60_000,
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
      const total = plan.sizes.length * steps.length;
      let done = 0;
      for (const n of plan.sizes) {
        const resources = spreadResources(n, fake.url);
        for (const step of steps) {
          const entry: CliRuns = { n, step, ours: [], noop: [] };
          runs.push(entry);
          const deadline = ctx.deadline.slice(1 / (total - done++));
          for (let pair = 0; pair < plan.pairs(n, step) && (pair === 0 || !deadline.expired()); pair++) {
            ctx.progress.step(`${step} of ${n}${step === "preview-live" ? "" : ": ours / no-op"}`, pair, plan.pairs(n, step));
            // The live-check preview has no floor of its own: it is compared with ours without credentials.
            const order: ProgramKind[] = step === "preview-live" ? ["ours"] : pair % 2 === 0 ? ["ours", "noop"] : ["noop", "ours"];
            for (const kind of order) entry[kind].push(await once(project, fake, kind, step, resources));
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
