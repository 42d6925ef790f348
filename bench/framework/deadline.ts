/**
 * Bounds for every benchmark loop: a count and a time, whichever comes first, so a slow machine gives fewer
 * samples instead of a run that never ends.
 */

export class Deadline {
  private readonly endsAt: number;

  constructor(readonly budgetMs: number, private readonly now: () => number = Date.now) {
    this.endsAt = now() + budgetMs;
  }

  remainingMs(): number {
    return Math.max(0, this.endsAt - this.now());
  }

  expired(): boolean {
    return this.remainingMs() === 0;
  }

  /** A deadline inside this one: `fraction` of what remains, never past this one's end. */
  slice(fraction: number): Deadline {
    return new Deadline(Math.max(0, this.remainingMs() * fraction), this.now);
  }
}

export interface LoopBounds {
  /** Stop after this many iterations. */
  maxCount: number;
  /** Or when this deadline expires (checked before each iteration); at least `minCount` run regardless. */
  deadline: Deadline;
  minCount?: number;
}

/** Runs `body(i)` until a bound is hit; returns how many iterations ran. */
export async function boundedLoop(bounds: LoopBounds, body: (i: number) => Promise<void>): Promise<number> {
  const min = bounds.minCount ?? 1;
  let i = 0;
  while (i < bounds.maxCount && (i < min || !bounds.deadline.expired())) {
    await body(i);
    i++;
  }
  return i;
}
