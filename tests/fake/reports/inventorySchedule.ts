import type { FakeVendor } from "../objects/objectRecord";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long after a configuration is first put its vendor says the first report comes; the fake writes it at the
 * end of that window, so a test that advances the clock by the window always sees it.
 * - OSS: "starts the inventory within 30 minutes" (When do inventories take effect?, OSS user guide).
 * - OBS: "generated within one hour after it is configured for the first time" (seed 002, Frequency).
 * - S3: "It may take up to 48 hours to deliver the first report" (Configuring Amazon S3 Inventory).
 * - COS: its docs give no figure; 48 hours, as S3, whose inventory COS's follows (our choice).
 */
export const FIRST_REPORT_WINDOW_MS: Readonly<Record<FakeVendor, number>> = {
  oss: 30 * MINUTE,
  cos: 48 * HOUR,
  obs: HOUR,
  s3: 48 * HOUR,
};

/** Daily and Weekly, counted from the first report (OSS: "on the same day of the week as the initial configuration"). */
export const REPORT_PERIOD_MS: Readonly<Record<string, number>> = { Daily: DAY, Weekly: 7 * DAY };

/** OSS incremental inventory: "a fixed period of 600 seconds" (seed 004). */
export const INCREMENTAL_PERIOD_MS = 600_000;

/** At most this many runs of one configuration are written in one catch-up: the newest ones. */
export const MAX_CATCH_UP_RUNS = 31;

export interface ScheduleState {
  /** When the first report is due. */
  firstDue: number;
  periodMs: number;
  /** The last slot that was run (written or skipped), if any. */
  lastSlot?: number;
}

/**
 * The report slots due in (lastSlot, now]: the first at `firstDue`, then one every period. Older slots beyond
 * MAX_CATCH_UP_RUNS are dropped (their time has passed unseen).
 */
export function dueSlots(state: ScheduleState, now: number): number[] {
  const next = state.lastSlot === undefined ? state.firstDue : state.lastSlot + state.periodMs;
  if (next > now) return [];
  const count = Math.floor((now - next) / state.periodMs) + 1;
  const skip = Math.max(0, count - MAX_CATCH_UP_RUNS);
  const slots: number[] = [];
  for (let i = skip; i < count; i++) slots.push(next + i * state.periodMs);
  return slots;
}
