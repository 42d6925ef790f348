import { alternateAB } from "../framework/alternateAB";
import { alternateRounds, roundRatio } from "../framework/alternateRounds";
import { guardLimit } from "../framework/guard";
import { boundedLoop, Deadline } from "../framework/deadline";
import { bytes, ms, msSpread, sig, verdict } from "../framework/format";
import { renderTable } from "../framework/markdownTable";
import { clock, drawBar, Progress } from "../framework/progress";
import { summarize } from "../framework/stats";

describe("benchmark framework", () => {
  test("A/B runs alternate A B, B A, … after warm-up, and pair samples by round", async () => {
    const order: string[] = [];
    const side = (name: string) => ({ name, run: async (round: number) => (order.push(`${name}${round}`), round) });
    const result = await alternateAB(side("A"), side("B"), { rounds: 3, deadline: new Deadline(60_000) });
    expect(order).toEqual(["A-1", "B-1", "A0", "B0", "B1", "A1", "A2", "B2"]);
    expect(result.order).toEqual(["A", "B", "B", "A", "A", "B"]);
    expect(result.a).toEqual([0, 1, 2]);
    expect(result.b).toEqual([0, 1, 2]);
  });

  test("A/B runs stop at the deadline once the minimum rounds ran", async () => {
    let t = 0;
    const deadline = new Deadline(10, () => t);
    const side = { name: "x", run: async () => ((t += 4), 1) };
    const result = await alternateAB(side, side, { rounds: 100, deadline, warmupRounds: 0, minRounds: 1 });
    expect(result.a.length).toBe(2);
  });

  test("rounds of several contenders run forward, then in reverse, after one warm-up batch each", async () => {
    const order: string[] = [];
    const side = (name: string) => ({ name, run: async (round: number) => (order.push(`${name}${round}`), round + 1) });
    const samples = await alternateRounds([side("F"), side("O"), side("S")], { rounds: 2, deadline: new Deadline(60_000) });
    expect(order).toEqual(["F-1", "O-1", "S-1", "F0", "O0", "S0", "S1", "O1", "F1"]);
    expect(samples).toEqual({ F: [1, 2], O: [1, 2], S: [1, 2] });
  });

  test("a ratio to the floor is the median of per-round ratios, skipping rounds the floor has no sample for", () => {
    expect(roundRatio([12, 30, 22], [10, 20, 20])).toMatchObject({ median: 1.2, pairs: 3 });
    expect(roundRatio([5, 6], [0, 3]).pairs).toBe(1);
  });

  test("the guard allows twice the target, or twice where a missed target stands", () => {
    expect(guardLimit(1.15)).toBeCloseTo(2.3);
    expect(guardLimit(2, 4.5)).toBe(9);
    expect(guardLimit(2, 1.5)).toBe(4);
  });

  test("a bounded loop stops at its count or its deadline, whichever is first", async () => {
    let t = 0;
    expect(await boundedLoop({ maxCount: 5, deadline: new Deadline(1000, () => t) }, async () => {})).toBe(5);
    const count = await boundedLoop({ maxCount: 100, deadline: new Deadline(10, () => t), minCount: 2 }, async () => void (t += 3));
    expect(count).toBe(4);
    expect(new Deadline(100, () => 0).slice(0.5).budgetMs).toBe(50);
  });

  test("numbers are shown with units and few digits", () => {
    expect(sig(1234.5)).toBe("1235");
    expect(sig(0.012345)).toBe("0.0123");
    expect(ms(0.5)).toBe("0.500 ms");
    expect(ms(1500)).toBe("1.50 s");
    expect(bytes(2048)).toBe("2.00 KiB");
    expect(bytes(100)).toBe("100 B");
    expect(msSpread(summarize([1, 2, 3]))).toBe("2.00 ms (1.50 ms–2.50 ms, n=3)");
    expect(verdict(false)).toContain("missed");
    expect(verdict(undefined)).toBe("not measured");
  });

  test("a Markdown table escapes pipes and right-aligns number columns", () => {
    const text = renderTable({ headers: ["a", "b"], rows: [["x|y", "1"]], align: ["l", "r"] });
    expect(text).toBe("| a | b |\n|---|---:|\n| x\\|y | 1 |");
  });

  test("progress writes plain lines when not on a terminal, throttling repeats of one step", () => {
    const lines: string[] = [];
    const progress = new Progress(2, { write: (t: string) => lines.push(t), isTTY: false });
    progress.beginMeasure(1, "Round trips");
    progress.step("oss", 1, 4);
    progress.step("oss", 2, 4);
    progress.step("oss", 4, 4);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^\[0:00\] \(1\/2\) Round trips\n$/);
    expect(lines[2]).toContain("oss [################] 4/4");
    expect(drawBar(1, 4)).toBe("[####............]");
    expect(clock(61_000)).toBe("1:01");
  });
});
