import { barChart, lineChart } from "../framework/charts";
import { escapeXml, niceTicks } from "../framework/svgFrame";

describe("SVG charts", () => {
  test("axis ticks are round numbers reaching the maximum", () => {
    expect(niceTicks(9.3)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(0.42)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(niceTicks(1200)).toEqual([0, 500, 1000, 1500]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });

  test("a line chart draws one path per series, breaking where nothing was measured", () => {
    const svg = lineChart({
      title: "check latency <ms>",
      xLabel: "N",
      yLabel: "ms",
      categories: ["0", "10", "100"],
      series: [
        { name: "oss", points: [{ value: 1 }, { value: 2, low: 1.5, high: 2.5 }, { value: 3 }] },
        { name: "obs", points: [{ value: 1 }, { value: 2 }, { value: Number.NaN }] },
      ],
    });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain("check latency &lt;ms&gt;");
    expect(svg.match(/<path d="M[^"]*" stroke="#[0-9A-F]{6}" stroke-width="2"/g)).toHaveLength(2);
    expect(svg.match(/<circle /g)).toHaveLength(5);
    expect(svg).not.toContain("NaN");
  });

  test("a bar chart draws a bar per measured value", () => {
    const svg = barChart({
      title: "t",
      xLabel: "x",
      yLabel: "y",
      categories: ["a", "b"],
      series: [
        { name: "ours", points: [{ value: 10 }, { value: 20 }] },
        { name: "theirs", points: [{ value: 5 }, { value: Number.NaN }] },
      ],
    });
    // 2 legend swatches + 1 background + 3 bars
    expect(svg.match(/<rect /g)).toHaveLength(6);
    expect(svg).not.toContain("NaN");
  });

  test("text is escaped", () => {
    expect(escapeXml(`a<b & "c">`)).toBe("a&lt;b &amp; &quot;c&quot;&gt;");
  });
});
