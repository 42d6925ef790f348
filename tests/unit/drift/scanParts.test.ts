/**
 * The scan's small parts: the concurrency bound, progress lines, the exit status rules, the escaping of both
 * views, and the one-file declarations for many buckets.
 */
import { concurrencyLimit } from "../../../cli/drift/concurrencyLimit";
import { buildReport, type BucketReport } from "../../../cli/drift/driftReport";
import { markdownText } from "../../../cli/drift/renderMarkdown";
import { terminalSafe } from "../../../cli/drift/renderTable";
import { scanProgress } from "../../../cli/drift/scanProgress";
import { renderDeclarationFile } from "../../../provider/resource/importCode";
import { configOf, normalizeArgs } from "../../../provider/resource/resourceArgs";
import { argsWith } from "../resource/validArgs";

describe("concurrencyLimit", () => {
  it("never runs more than the bound at once, starts the rest in order, and passes results and failures through", async () => {
    const limited = concurrencyLimit(3);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const task = (i: number) => async () => {
      started.push(i);
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, i % 3));
      running--;
      if (i === 7) throw new Error("seven");
      return i * 2;
    };
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => limited(task(i))));
    expect(most).toBe(3);
    expect(started).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(results[7]).toMatchObject({ status: "rejected", reason: new Error("seven") });
    expect(results[19]).toEqual({ status: "fulfilled", value: 38 });
  });

  it("lets no newcomer slip into a slot a finished task hands on", async () => {
    const limited = concurrencyLimit(1);
    let running = 0;
    let most = 0;
    const body = async () => {
      running++;
      most = Math.max(most, running);
      await Promise.resolve();
      running--;
    };
    const first = limited(body);
    const second = limited(body);
    await Promise.resolve();
    const third = limited(body); // arrives while the first hands its slot to the second
    await Promise.all([first, second, third]);
    expect(most).toBe(1);
  });

  it("refuses a bound below 1", () => {
    expect(() => concurrencyLimit(0)).toThrow("concurrency 0: must be a whole number of at least 1");
  });
});

describe("scanProgress", () => {
  it("is silent for a handful of buckets", () => {
    const lines: string[] = [];
    const p = scanProgress({ total: 5, write: (t) => lines.push(t) });
    for (let i = 0; i < 5; i++) p.scanned(true);
    p.finish();
    expect(lines).toEqual([]);
  });

  it("writes a start line, at most one line per interval, and an end line", () => {
    const lines: string[] = [];
    let clock = 0;
    const p = scanProgress({ total: 10, write: (t) => lines.push(t), now: () => clock, intervalMs: 1000 });
    for (let i = 0; i < 10; i++) {
      clock += 400;
      p.scanned(i !== 3);
    }
    p.finish();
    expect(lines).toEqual([
      "bucket-inventory drift: scanning 10 buckets\n",
      "bucket-inventory drift: 3/10 buckets scanned\n",
      "bucket-inventory drift: 6/10 buckets scanned (1 could not be)\n",
      "bucket-inventory drift: 9/10 buckets scanned (1 could not be)\n",
      "bucket-inventory drift: 10/10 buckets scanned (1 could not be) in 4.0 s\n",
    ]);
  });
});

describe("exit status", () => {
  const bucket = (status: BucketReport["status"], configurations: BucketReport["configurations"] = []): BucketReport => ({
    vendor: "s3", region: "us-east-1", bucket: "b", endpoint: null, managed: true, status, error: status === "error" ? { code: "X", message: "m" } : null, configurations,
  });
  const finding = { property: "p", reason: "r" };
  const conf = (status: BucketReport["configurations"][number]["status"], rules = 0, warnings = 0) => ({
    inventoryId: "i", status, resource: null, changes: [], notCompared: [],
    ruleFailures: Array.from({ length: rules }, () => finding), warnings: Array.from({ length: warnings }, () => finding),
  });

  it.each<[string, BucketReport[], number]>([
    ["nothing to scan", [], 0],
    ["everything in sync", [bucket("scanned", [conf("in-sync")])], 0],
    ["an empty bucket", [bucket("scanned")], 0],
    ["a configuration in sync with a preview warning", [bucket("scanned", [conf("in-sync", 0, 1)])], 0],
    ["a drifted configuration", [bucket("scanned", [conf("drifted")])], 2],
    ["an in-sync configuration breaking a rule", [bucket("scanned", [conf("in-sync", 1)])], 2],
    ["an unmanaged configuration", [bucket("scanned", [conf("unmanaged")])], 2],
    ["a gone bucket", [bucket("gone")], 2],
    ["an error beside drift", [bucket("scanned", [conf("drifted")]), bucket("error")], 1],
  ])("%s exits %i", (_what, buckets, code) => {
    expect(buildReport(buckets, 0, null).exitCode).toBe(code);
  });
});

describe("escaping", () => {
  it("shows terminal controls and bidi overrides as escapes, keeping newlines only when asked", () => {
    expect(terminalSafe("a\u001b[31mb\u009bc\u202ed\ne")).toBe("a\\u001b[31mb\\u009bc\\u202ed\\u000ae");
    expect(terminalSafe("a\nb\u0007", true)).toBe("a\nb\\u0007");
  });

  it("writes Markdown text with character references for everything but plain text", () => {
    expect(markdownText('photos: "a/b" (x), 1-2 = 3?')).toBe('photos: "a/b" (x), 1-2 = 3?');
    expect(markdownText("|`*_[]<>&#!@~\\\n😀")).toBe("&#124;&#96;&#42;&#95;&#91;&#93;&#60;&#62;&#38;&#35;&#33;&#64;&#126;&#92;&#10;&#128512;");
  });
});

describe("one declaration file for many buckets", () => {
  const config = (vendor: "oss" | "obs", id: string) => configOf(normalizeArgs(argsWith(vendor, { inventoryId: id })));
  const ref = (vendor: "oss" | "obs") => ({ vendor, region: argsWith(vendor).region as string, bucket: "photos" });

  it("has one import line and names unique across vendors and against the stack's own", () => {
    const text = renderDeclarationFile(
      [{ ref: ref("oss"), configs: [config("oss", "daily")] }, { ref: ref("obs"), configs: [config("obs", "daily")] }],
      { taken: ["oss-photos-daily"], generatedBy: "a test" },
    );
    expect(text.match(/^import /gm)).toHaveLength(1);
    expect([...text.matchAll(/new BucketInventory\("([^"]+)"/g)].map((m) => m[1])).toEqual(["oss-photos-daily-2", "obs-photos-daily"]);
    expect(text).toContain("// Generated by a test: 2 configuration(s) on 2 bucket(s).");
  });

  it("writes characters that could hide code as escapes that mean the same value", () => {
    const id = "a\u202eb\u2028c\u0085";
    const text = renderDeclarationFile([{ ref: ref("oss"), configs: [config("oss", id)] }]);
    expect(text).not.toMatch(/[\u202e\u2028\u0085]/);
    const literal = /inventoryId: ("[^"]*"),/.exec(text)![1];
    expect(JSON.parse(literal)).toBe(id);
  });
});
