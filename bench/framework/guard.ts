/**
 * The regression guard (`npm run bench -- --guard`, run by `npm test` after jest): a few small measures whose ratios
 * to their floors are checked with a wide margin. Ratios of batches that ran next to each other stay put on a
 * loaded machine, absolute times do not, so the guard never judges a time, and the margin is wide enough that only
 * a real regression fails it (a cost that grew by half again or more), not the noise of a busy CI machine.
 */

/** How far above its target a ratio may be before the guard fails. */
export const GUARD_MARGIN = 2;

/**
 * The guard's limit: twice the target, or twice where the measure stands today when its target is missed (the fake
 * cloud): the guard keeps what was reached from slipping, it does not pretend a miss is met.
 */
export function guardLimit(target: number, standsAt?: number): number {
  return Math.max(target, standsAt ?? 0) * GUARD_MARGIN;
}
