import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { renderReport, writeReport } from "../framework/reportWriter";
import type { MachineFacts } from "../framework/machineFacts";

const machine: MachineFacts = {
  date: "2026-01-01T00:00:00.000Z", cpuModel: "cpu", cores: 2, availableParallelism: 2, memoryBytes: 8 * 1024 ** 3,
  os: "Linux", node: "v22.0.0", v8: "12", pulumi: "3.270.0", commit: "abc", loadAverage: [0.5, 0.5, 0.5],
};

describe("BENCHMARKS.md writer", () => {
  test("a missed target says so in the summary; a failed measure is reported as not measured", () => {
    const text = renderReport(
      {
        machine, loadAverageAtEnd: [0.4, 0.4, 0.4], durationMs: 1234, command: "npm run bench", generalMethod: ["- general"],
        outcomes: [
          {
            id: "a", title: "Alpha", durationMs: 10,
            result: {
              method: ["how"], tables: [{ headers: ["x"], rows: [["1"]] }], notes: ["why"], raw: {},
              plots: [{ file: "a.svg", title: "A plot", svg: "<svg/>" }],
              targets: [{ what: "speed", target: "≥ 2×", current: "1.5×", met: false }],
            },
          },
          { id: "b", title: "Beta", durationMs: 5, error: "fake cloud CLI is not built" },
        ],
      },
      "bench/results",
    );
    expect(text).toContain("| 1. Alpha | speed | ≥ 2× | 1.5× | ❌ **missed** |");
    expect(text).toContain("| 2. Beta | — | — | not measured: fake cloud CLI is not built | not measured |");
    expect(text).toContain("![A plot](bench/results/a.svg)");
    expect(text).toContain("## 2. Beta\n\n**Not measured this run:** fake cloud CLI is not built");
    expect(text).toContain("- why");
    expect(text).not.toContain("⚠️");
  });

  test("a load average at the start above the core count is flagged; one at the end (our own processes) is not", () => {
    const ours = renderReport({ machine, loadAverageAtEnd: [4, 3, 2], durationMs: 1, command: "c", generalMethod: [], outcomes: [] }, "r");
    expect(ours).not.toContain("⚠️");
    const text = renderReport({ machine: { ...machine, loadAverage: [6, 5, 4] }, loadAverageAtEnd: [1, 1, 1], durationMs: 1, command: "c", generalMethod: [], outcomes: [] }, "r");
    expect(text).toContain("⚠️ The machine was already busy when this run started");
  });
});

describe("outcomes kept by commands of their own (bench/reportCheck.js)", () => {
  const report = {
    machine, loadAverageAtEnd: [0.4, 0.4, 0.4], durationMs: 1, command: "npm run bench", generalMethod: [],
    outcomes: [{ id: "a", title: "Alpha", durationMs: 1, result: { method: ["how"], tables: [], plots: [], notes: [], raw: {}, targets: [{ what: "speed", target: "1", current: "1", met: true }] } }],
  };
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-writer-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("are numbered after the run's measures, in the summary and in results.json", () => {
    const kept = { id: "report-check", title: "Reports", durationMs: 9, result: { method: ["measured elsewhere"], tables: [], plots: [], notes: [], raw: [{ rows: 10 }], targets: [{ what: "flat", target: "≤ 1.5×", current: "1.3×", met: true }] } };
    fs.writeFileSync(path.join(dir, "report-check.json"), JSON.stringify(kept));
    writeReport(report, path.join(dir, "BENCH.md"), dir);
    const text = fs.readFileSync(path.join(dir, "BENCH.md"), "utf8");
    expect(text).toContain("| 2. Reports | flat | ≤ 1.5× | 1.3× | ✅ met |");
    expect(text).toContain("## 2. Reports\n\n**Method.**\n\nmeasured elsewhere");
    const results = JSON.parse(fs.readFileSync(path.join(dir, "results.json"), "utf8"));
    expect(results.measures.map((m: { id: string }) => m.id)).toEqual(["a", "report-check"]);
  });

  test("one that does not parse is reported as not measured, naming the file", () => {
    fs.writeFileSync(path.join(dir, "report-check.json"), "{ half");
    writeReport(report, path.join(dir, "BENCH.md"), dir);
    expect(fs.readFileSync(path.join(dir, "BENCH.md"), "utf8")).toMatch(/\| 2\. report-check\.json \| — \| — \| not measured: report-check\.json does not parse \(.+\): run its command again \|/);
  });

  test("none kept: only the run's measures", () => {
    writeReport(report, path.join(dir, "BENCH.md"), dir);
    expect(fs.readFileSync(path.join(dir, "BENCH.md"), "utf8")).not.toContain("## 2.");
  });
});
