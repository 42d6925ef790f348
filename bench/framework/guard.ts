/**
 * The regression guard (`npm run bench -- --guard`, run by `npm test`): a few small measures whose ratios to their
 * floors are checked against the targets with a wide margin. Ratios of batches that ran next to each other
 * stay put on a loaded machine, absolute times do not, so the guard never judges a time, and the margin is wide
 * enough that only a real regression (a cost that grew by half again or more) fails it.
 */

/** How far above its target a ratio may be before the guard fails. */
export const GUARD_MARGIN = 1.5;

export function guardLimit(target: number): number {
  return target * GUARD_MARGIN;
}
