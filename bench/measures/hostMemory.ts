/**
 * Measure 6: resident memory of the dynamic provider host while it serves 1000 resources' worth of calls in one
 * process: check + create each (an `up`), read each (a `refresh`), delete each (a `destroy`). Read from
 * /proc/<pid>/status: VmRSS after each phase and VmHWM, the kernel's record of the peak.
 */
import { boundedLoop } from "../framework/deadline";
import { bytes, ms, NONE } from "../framework/format";
import type { Measure, MeasureContext, MeasureResult } from "../framework/measure";
import { writeBenchSeed } from "../support/benchSeed";
import { FakeCloudProcess } from "../support/fakeCloudProcess";
import { addressOf, HostSession } from "../support/hostSession";
import { readMemory, type MemoryReading } from "../support/processMemory";
import { spreadResources } from "../support/resourceSpread";

const RESOURCES = 1000;

interface Phase {
  name: string;
  resources: number;
  ms: number;
  memory?: MemoryReading;
}

type Created = { id: string; properties: Record<string, unknown>; inputs: Record<string, unknown> };

async function phases(ctx: MeasureContext, session: HostSession, url: string, count: number): Promise<Phase[]> {
  const regs = await session.register(spreadResources(count, url, "mem"), false);
  const { host, pid } = await session.startHost();
  if (pid === undefined) throw new Error("could not find the host's process id (memory is read from /proc on Linux)");
  const out: Phase[] = [{ name: "started and configured", resources: 0, ms: 0, memory: readMemory(pid) }];
  const created: Created[] = [];
  const phase = async (name: string, total: number, body: (i: number) => Promise<void>) => {
    const t0 = performance.now();
    const done = await boundedLoop({ maxCount: total, deadline: ctx.deadline, minCount: 1 }, async (i) => {
      if (i % 50 === 0) ctx.progress.step(name, i, total);
      await body(i);
    });
    out.push({ name, resources: done, ms: performance.now() - t0, memory: readMemory(pid) });
  };
  try {
    await phase("check + create each (up)", regs.length, async (i) => {
      const at = addressOf(regs[i]);
      const checked = await host.check(at, {}, regs[i].inputs);
      if (checked.failures.length) throw new Error(`check ${regs[i].name}: ${checked.failures.map((f) => f.reason).join("; ")}`);
      const made = await host.create(at, checked.inputs);
      created.push({ ...made, inputs: checked.inputs });
    });
    await phase("read each (refresh)", created.length, async (i) => {
      await host.read(addressOf(regs[i]), created[i].id, created[i].properties, created[i].inputs);
    });
    await phase("delete each (destroy)", created.length, async (i) => {
      await host.delete(addressOf(regs[i]), created[i].id, created[i].properties, created[i].inputs);
    });
  } finally {
    await host.close();
  }
  return out;
}

function notes(list: Phase[]): string[] {
  const start = list[0]?.memory;
  const up = list.find((p) => p.name.startsWith("check + create"));
  const end = list[list.length - 1]?.memory;
  if (!start || !up?.memory || !end || up.resources === 0) return [];
  const growth = (up.memory.rssBytes - start.rssBytes) / up.resources;
  return [
    `The host starts at ${bytes(start.rssBytes)} (node, \`@pulumi/pulumi\` and gRPC, before the provider is loaded). Over the ` +
      `${up.resources} creates RSS grew by ${bytes(up.memory.rssBytes - start.rssBytes)}, about ${bytes(growth)} per resource ` +
      `(the provider, its client and its connections load once; per resource the provider remembers only the id and ` +
      `prefix it checked, for the limit checks; the rest is garbage not yet collected). Peak over the whole run: ${bytes(end.peakRssBytes)}.`,
  ];
}

function report(list: Phase[]): MeasureResult {
  const peak = Math.max(...list.map((p) => p.memory?.peakRssBytes ?? Number.NaN).filter(Number.isFinite));
  const rows = list.map((p) => [
    p.name,
    String(p.resources),
    p.resources ? `${ms(p.ms)} (${ms(p.ms / p.resources)} per resource)` : NONE,
    p.memory ? bytes(p.memory.rssBytes) : NONE,
    p.memory ? bytes(p.memory.peakRssBytes) : NONE,
  ]);
  const base = list[0]?.memory?.rssBytes;
  return {
    method: [
      `${RESOURCES} resources (vendors in turn, spread over the bench seed's buckets) are registered by the real SDK, then`,
      "one host process serves, in order: Check and Create for each, Read for each, Delete for each: the calls of an",
      "`up`, a `refresh` and a `destroy` of the whole stack, in one process (the CLI would start a host per operation,",
      "so this is the worst case). Memory is the kernel's count for the host process: VmRSS now, VmHWM the peak so far.",
    ],
    tables: [{ headers: ["phase", "resources", "duration", "RSS after", "peak RSS so far (VmHWM)"], rows, align: ["l", "r", "r", "r", "r"] }],
    plots: [],
    targets: [{
      what: `host peak RSS over ${RESOURCES} resources' worth of calls`,
      target: "none (reported)",
      current: Number.isFinite(peak) ? `${bytes(peak)}${base ? ` (${bytes(base)} after start)` : ""}` : "not measured",
      informational: true,
    }],
    notes: notes(list),
    raw: list,
  };
}

export const hostMemoryMeasure: Measure = {
  id: "host-memory",
  title: "Memory of the provider host",
  budgetMs: 100_000,
  async run(ctx) {
    const seed = writeBenchSeed();
    const fake = await FakeCloudProcess.start(ctx.projectRoot, { seedFile: seed.file });
    const session = await HostSession.open(ctx.projectRoot);
    try {
      return report(await phases(ctx, session, fake.url, ctx.quick ? 100 : RESOURCES));
    } finally {
      await session.close();
      await fake.close();
      seed.remove();
    }
  },
};
