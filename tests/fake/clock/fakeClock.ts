/**
 * The fake's sense of time. `now()` is the world time: Date headers, object and report timestamps, the inventory
 * schedule. The admin API moves it forward (tests never sleep). `wallNow()` is the clock it started from, which
 * signatures are checked against: clients sign with their own, unadvanced clock.
 */
export class FakeClock {
  private offsetMs = 0;

  constructor(private readonly base: () => Date = () => new Date()) {}

  now(): Date {
    return new Date(this.base().getTime() + this.offsetMs);
  }

  wallNow(): Date {
    return this.base();
  }

  /** How far the world time is ahead of the wall clock, in milliseconds. */
  get advancedMs(): number {
    return this.offsetMs;
  }

  /** Moves the world time forward; time never goes back. */
  advance(ms: number): Date {
    if (!Number.isFinite(ms) || ms < 0) {
      throw new RangeError(`clock advance ${JSON.stringify(ms)}: must be a number of milliseconds >= 0`);
    }
    this.offsetMs += ms;
    return this.now();
  }
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** "90s", "36h", "2d", "1w", "1h30m" (or a plain number of seconds) as milliseconds; undefined when unreadable. */
export function parseDuration(text: string | number): number | undefined {
  if (typeof text === "number") return Number.isFinite(text) && text >= 0 ? text * 1000 : undefined;
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join("") !== trimmed) return undefined;
  return parts.reduce((sum, [, n, unit]) => sum + Number(n) * UNIT_MS[unit], 0);
}
