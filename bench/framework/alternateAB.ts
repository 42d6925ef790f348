/**
 * Alternating A/B runs: two contenders measured in turns (A B, B A, A B, …) in the same process tree, so drift in
 * the machine (CPU frequency, a neighbour's load, a heap that grows) falls on both alike. Each run returns one
 * sample (e.g. ops/s of one batch); sample i of A and sample i of B ran next to each other and form a pair.
 */
import type { Deadline } from "./deadline";

export interface Contender {
  name: string;
  /** One timed batch; returns its sample. */
  run(round: number): Promise<number>;
}

export interface AlternateOptions {
  rounds: number;
  /** Rounds stop early when it expires (a round in progress completes); at least `minRounds` run. */
  deadline: Deadline;
  minRounds?: number;
  /** Untimed runs of each side first, to load modules, open connections and warm the JIT. */
  warmupRounds?: number;
  onRound?: (round: number, rounds: number) => void;
}

export interface AlternateResult {
  a: number[];
  b: number[];
  /** The order runs happened in, e.g. ["A", "B", "B", "A"]: kept for the method section. */
  order: ("A" | "B")[];
}

export async function alternateAB(a: Contender, b: Contender, options: AlternateOptions): Promise<AlternateResult> {
  for (let w = 0; w < (options.warmupRounds ?? 1); w++) {
    await a.run(-1 - w);
    await b.run(-1 - w);
  }
  const result: AlternateResult = { a: [], b: [], order: [] };
  const minRounds = options.minRounds ?? 2;
  for (let round = 0; round < options.rounds; round++) {
    if (round >= minRounds && options.deadline.expired()) break;
    options.onRound?.(round, options.rounds);
    const first = round % 2 === 0 ? "A" : "B";
    for (const side of first === "A" ? (["A", "B"] as const) : (["B", "A"] as const)) {
      const sample = await (side === "A" ? a : b).run(round);
      (side === "A" ? result.a : result.b).push(sample);
      result.order.push(side);
    }
  }
  return result;
}
