import type { CloudState } from "../handleCloudRequest";
import type { Vendor } from "../seed";
import { textAt } from "../vendors/inventorySchema";
import { dueSlots, FIRST_REPORT_WINDOW_MS, REPORT_PERIOD_MS, type ScheduleState } from "./inventorySchedule";
import { incrementalEnabled, runIncrementalInventory } from "./runIncrementalInventory";
import { runStoredInventory, type RunResult } from "./runStoredInventory";

/** The runs the scheduler keeps for the admin API, newest last. */
const MAX_LOGGED_RUNS = 1_000;

/**
 * Requests tick at most this often (world time): no slot is closer than 10 minutes to the put that made it, so a
 * due run is late by at most this much, and a busy fake does not walk every configuration on every request.
 */
const REQUEST_TICK_INTERVAL_MS = 1_000;

/**
 * Runs every configuration on its vendor's schedule against the fake's world clock: the first report at the end of
 * the vendor's first-report window, then one per Daily or Weekly period. `tick()` catches up with the clock (the
 * fake calls it before each request and after the clock moves); slots of a disabled configuration, or one whose
 * destination refuses it, pass with nothing written. A configuration put again keeps its schedule; one deleted
 * loses it. The schedule lives in memory: after a restart, configurations are scheduled from the restart.
 */
export class InventoryScheduler {
  private readonly schedules = new Map<string, ScheduleState>();
  /** OSS incremental inventory: how far each configuration's change log has been reported. */
  private readonly incremental = new Map<string, { baseMs: number; doneUntil: number }>();
  private readonly log: RunResult[] = [];
  private readonly startedAt: number;
  private lastTick = Number.NEGATIVE_INFINITY;

  constructor(private readonly state: CloudState) {
    this.startedAt = state.now().getTime();
  }

  /** Before a request: a tick unless one ran less than a second (world time) ago. */
  tickForRequest(): void {
    if (this.state.now().getTime() - this.lastTick >= REQUEST_TICK_INTERVAL_MS) this.tick();
  }

  /** Runs whatever is due up to the world clock's now; returns the runs made, oldest first. */
  tick(): RunResult[] {
    const now = this.state.now().getTime();
    this.lastTick = now;
    const due: { at: number; run: () => RunResult }[] = [];
    const seen = new Set<string>();
    for (const bucket of this.state.store.seed.buckets) {
      for (const stored of this.state.store.inventories(bucket.vendor, bucket.name)) {
        const key = scheduleKey(bucket.vendor, bucket.name, stored.id);
        seen.add(key);
        const schedule = this.scheduleFor(key, bucket.vendor, stored.createdAt, textAt(stored.config, "Schedule", "Frequency"));
        for (const at of dueSlots(schedule, now)) {
          due.push({ at, run: () => runStoredInventory(this.state, bucket, stored, new Date(at)) });
          schedule.lastSlot = at;
        }
        if (incrementalEnabled(bucket, stored)) {
          const inc = this.incremental.get(key) ?? { baseMs: schedule.firstDue - FIRST_REPORT_WINDOW_MS.oss, doneUntil: schedule.firstDue - FIRST_REPORT_WINDOW_MS.oss };
          this.incremental.set(key, inc);
          const from = inc.doneUntil;
          for (const run of runIncrementalInventory(this.state, bucket, stored, inc.baseMs, from, now)) due.push({ at: Date.parse(run.time), run: () => run });
          inc.doneUntil = inc.baseMs + Math.floor((now - inc.baseMs) / 600_000) * 600_000;
        }
      }
    }
    for (const key of this.schedules.keys()) if (!seen.has(key)) this.schedules.delete(key);
    for (const key of this.incremental.keys()) if (!seen.has(key)) this.incremental.delete(key);
    const runs = due.sort((a, b) => a.at - b.at).map(({ run }) => run());
    this.remember(runs);
    return runs;
  }

  /** Runs made so far (immediate runs through the admin API included), oldest first. */
  runs(): RunResult[] {
    return [...this.log];
  }

  /** The next report time of each configuration, for the admin API. */
  upcoming(): { vendor: Vendor; bucket: string; id: string; nextRun: string }[] {
    return [...this.schedules.entries()].map(([key, s]) => {
      const [vendor, bucket, id] = JSON.parse(key) as [Vendor, string, string];
      const next = s.lastSlot === undefined ? s.firstDue : s.lastSlot + s.periodMs;
      return { vendor, bucket, id, nextRun: new Date(next).toISOString() };
    });
  }

  remember(runs: RunResult[]): void {
    this.log.push(...runs);
    if (this.log.length > MAX_LOGGED_RUNS) this.log.splice(0, this.log.length - MAX_LOGGED_RUNS);
  }

  /** Forgets every schedule and run (the fake's reset). */
  clear(): void {
    this.schedules.clear();
    this.incremental.clear();
    this.log.length = 0;
  }

  private scheduleFor(key: string, vendor: Vendor, createdAt: string, frequency: string | undefined): ScheduleState {
    const periodMs = REPORT_PERIOD_MS[frequency ?? ""] ?? REPORT_PERIOD_MS.Daily;
    const existing = this.schedules.get(key);
    if (existing) {
      existing.periodMs = periodMs;
      return existing;
    }
    const configuredAt = Math.max(Date.parse(createdAt) || this.startedAt, this.startedAt);
    const created: ScheduleState = { firstDue: configuredAt + FIRST_REPORT_WINDOW_MS[vendor], periodMs };
    this.schedules.set(key, created);
    return created;
  }
}

function scheduleKey(vendor: Vendor, bucket: string, id: string): string {
  return JSON.stringify([vendor, bucket, id]);
}
