/**
 * Alternating rounds for any number of contenders measured against one floor: in round r every contender runs one
 * batch, in forward order on even rounds and in reverse on odd ones (F O S, S O F, …), so drift in the machine falls
 * on all alike and no side always follows the same neighbour. A contender's ratio to the floor is the median of
 * its per-round ratios: batches that ran next to each other are compared.
 */
import type { Deadline } from "./deadline";
import { summarize } from "./stats";

export interface RoundContender {
  name: string;
  /** One timed batch; returns its sample (e.g. µs of CPU per operation). */
  run(round: number): Promise<number>;
}

export interface RoundsOptions {
  rounds: number;
  /** Rounds stop early when it expires (a round in progress completes); at least `minRounds` run. */
  deadline: Deadline;
  minRounds?: number;
  /** Untimed batches of every contender first (modules, connections, JIT). */
  warmupRounds?: number;
  onRound?: (round: number, rounds: number) => void;
}

/** Samples per contender name, index = round. */
export type RoundSamples = Record<string, number[]>;

export async function alternateRounds(contenders: RoundContender[], options: RoundsOptions): Promise<RoundSamples> {
  for (let w = 0; w < (options.warmupRounds ?? 1); w++) {
    for (const c of contenders) await c.run(-1 - w);
  }
  const samples: RoundSamples = Object.fromEntries(contenders.map((c) => [c.name, []]));
  const minRounds = options.minRounds ?? 2;
  for (let round = 0; round < options.rounds; round++) {
    if (round >= minRounds && options.deadline.expired()) break;
    options.onRound?.(round, options.rounds);
    const order = round % 2 === 0 ? contenders : [...contenders].reverse();
    for (const c of order) samples[c.name].push(await c.run(round));
  }
  return samples;
}

export interface RoundRatio {
  median: number;
  p25: number;
  p75: number;
  pairs: number;
}

/** `of` ÷ `to` round by round: the median and spread of those ratios. */
export function roundRatio(of: readonly number[], to: readonly number[]): RoundRatio {
  const ratios: number[] = [];
  for (let i = 0; i < Math.min(of.length, to.length); i++) if (to[i] > 0 && Number.isFinite(of[i])) ratios.push(of[i] / to[i]);
  const s = summarize(ratios);
  return { median: s.median, p25: s.p25, p75: s.p75, pairs: s.n };
}
