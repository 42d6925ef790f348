/**
 * check and diff under random and adversarial inputs: random valid arguments (anywhere: random buckets, regions,
 * accounts, endpoints, destination spellings, texts at their limits) pass; hostile ones are refused, each by a
 * failure naming the property that holds it (texts the services cannot store, bucket names that are not buckets,
 * endpoints with a path, query or password, ids over the limit, values of the wrong type); nothing throws, and
 * every failure names a property with a bounded reason.
 */
import fc from "fast-check";
import type { InventoryClient } from "../../provider/client/inventoryClient";
import { VENDORS, type Vendor } from "../../provider/model/inventoryConfig";
import { rulesFor } from "../../provider/model/vendorRules";
import { UNKNOWN_VALUE } from "../../provider/model/unknownValue";
import { checkInventory, newLiveCheckState, type CheckResult } from "../../provider/resource/check";
import { diffInventory } from "../../provider/resource/diff";
import { Figures } from "../reliability/support/figures";
import { ARGUMENT_PATHS, hostileValue, withValueAt } from "./support/hostileValueArbitrary";
import { anywhereArgsArbitrary } from "./support/inventoryArbitraries";
import { forbiddenText, REGIONS } from "./support/placementArbitraries";

const figures = new Figures("property-check");
afterAll(() => figures.write());

const RUNS = 250;
const KNOWN_ROOTS = new Set([
  "vendor", "region", "bucket", "inventoryId", "enabled", "destination", "filter", "schedule", "includedObjectVersions",
  "optionalFields", "incrementalInventory", "endpoint", "adopt", "resourceId", "__provider",
]);

/** Every key written anywhere in the input, so an unknown argument may be named by its own spelling. */
function keysOf(value: unknown, out = new Set<string>(), prefix = ""): Set<string> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return out;
  for (const k of Object.keys(value)) {
    out.add(prefix + k);
    keysOf((value as Record<string, unknown>)[k], out, `${prefix}${k}.`);
  }
  return out;
}

/** Dotted paths of every value in the arguments (objects and arrays count as values too). */
function leafPaths(value: Record<string, unknown>, prefix = ""): string[] {
  return Object.entries(value).flatMap(([k, v]) => {
    const path = prefix + k;
    const inner = v !== null && typeof v === "object" && !Array.isArray(v) ? leafPaths(v as Record<string, unknown>, `${path}.`) : [];
    return [path, ...inner];
  });
}

function expectWellFormed(result: CheckResult, input: unknown): void {
  expect(result.inputs !== null && typeof result.inputs === "object").toBe(true);
  expect(Array.isArray(result.failures)).toBe(true);
  const written = keysOf(input);
  for (const failure of result.failures) {
    expect(typeof failure.property).toBe("string");
    // An unknown argument is named by its own spelling, quoted when it is blank or odd.
    const named = [...written].some((k) => failure.property === k || failure.property === JSON.stringify(k)) || KNOWN_ROOTS.has(failure.property.split(".")[0]);
    if (!named) throw new Error(`failure names no property: ${JSON.stringify(failure)}`);
    expect(typeof failure.reason).toBe("string");
    expect(failure.reason.trim()).not.toBe("");
    // A 3,000-character value must not come back whole in a message.
    if (failure.reason.length >= 1_500) throw new Error(`failure reason of ${failure.reason.length} characters: ${failure.property}: ${failure.reason.slice(0, 300)}`);
  }
}

async function fuzzCheck(news: unknown, live?: Parameters<typeof checkInventory>[1]): Promise<CheckResult> {
  figures.add("inputsFuzzed");
  let result: CheckResult;
  try {
    result = await checkInventory(news, live);
  } catch (error) {
    throw new Error(`check threw ${String(error)} for ${safeJson(news)}`);
  }
  expectWellFormed(result, news);
  return result;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value)?.slice(0, 500) ?? String(value);
  } catch {
    return "(unprintable)";
  }
}

const validArgs = (vendor: Vendor) => anywhereArgsArbitrary(vendor);

/** Dotted paths of the text values present in the arguments (strings, and strings inside lists and tags). */
function textPaths(args: Record<string, unknown>): string[] {
  const skip = new Set(["vendor", "region", "bucket", "endpoint", "destination.bucket", "destination.format", "schedule.frequency", "includedObjectVersions"]);
  return leafPaths(args).filter((p) => !skip.has(p) && typeof valueAt(args, p) === "string");
}

function valueAt(args: Record<string, unknown>, path: string): unknown {
  return path.split(".").reduce<unknown>((v, k) => (v !== null && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), args);
}

/** The failures of `news`, which must include one on `property` (or below it). */
async function expectRefused(news: Record<string, unknown>, property: string): Promise<CheckResult> {
  const result = await fuzzCheck(news);
  figures.add("inputsRefused");
  const on = result.failures.filter((f) => f.property === property || f.property.startsWith(`${property}.`));
  if (on.length === 0) throw new Error(`${property} = ${safeJson(valueAt(news, property))} was not refused; failures: ${safeJson(result.failures)}`);
  return result;
}

/** Names that are not a bucket of any vendor: what would move a request to another host or path, or is not lower case. */
const hostileBucketName = fc.oneof(
  fc.constantFrom("127.0.0.1:9/x#", "a b", "a+b", "a/b", "a?b", "u@evil.example", "evil.example:443", "Photos", "a%2fb", "..", "a..b", "-ab", "ab-", "a", "x".repeat(64), "a\r\nb"),
  // Edge spaces are trimmed like every identity field; a character inside stays and must be refused.
  fc.tuple(fc.constantFrom("photos", "reports-1250000000", "my.reports"), fc.constantFrom(..."/:#@? +%\\A"), fc.constantFrom("x", "-1250000000")).map(([a, c, b]) => `${a}${c}${b}`),
);

describe.each(VENDORS.map((v) => [v]))("%s check", (vendor) => {
  test("random valid arguments pass every static rule", async () => {
    await fc.assert(
      fc.asyncProperty(validArgs(vendor), async (args) => {
        const result = await fuzzCheck(args);
        expect(result.failures).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  test("a text the services cannot store (CR, LF, tab, controls, lone surrogates) is refused at the property holding it", async () => {
    const withTarget = validArgs(vendor).chain((args) => fc.tuple(fc.constant(args), fc.constantFrom(...textPaths(args)), forbiddenText()));
    await fc.assert(
      fc.asyncProperty(withTarget, async ([args, path, bad]) => {
        const target = /^filter\.tags\.\d+\.(key|value)$/.test(path) ? path.replace(/\.\d+\./, ".") : path.replace(/\.\d+$/, "");
        await expectRefused(withValueAt(args, path, bad), target);
      }),
      { numRuns: RUNS },
    );
  });

  test("a bucket name that is no bucket of the vendor is refused, as bucket and as destination.bucket in every spelling", async () => {
    const arn = { oss: (b: string) => `acs:oss:::${b}`, cos: (b: string) => `qcs::cos:${REGIONS.cos[0]}::${b}`, obs: (b: string) => b, s3: (b: string) => `arn:aws:s3:::${b}` }[vendor];
    await fc.assert(
      fc.asyncProperty(validArgs(vendor), hostileBucketName, fc.boolean(), async (args, name, asArn) => {
        await expectRefused({ ...args, bucket: name }, "bucket");
        await expectRefused(withValueAt(args, "destination.bucket", asArn ? arn(name) : name), "destination.bucket");
      }),
      { numRuns: RUNS },
    );
  });

  test("an endpoint with a path, query, fragment or user info is refused, and a password is never repeated", async () => {
    const extra = fc.constantFrom("/minio", "/a/b/", "?x=1", "#f", "/?", "/%2e%2e/");
    const endpoint = fc.oneof(
      fc.tuple(fc.constantFrom("http://127.0.0.1:9000", "https://s3.example.com"), extra).map(([o, e]) => o + e),
      fc.constantFrom("http://SENTINELUSER:SENTINELPASS@127.0.0.1:9000", "https://SENTINELUSER@s3.example.com/", "http://:SENTINELPASS@h"),
    );
    await fc.assert(
      fc.asyncProperty(validArgs(vendor), endpoint, async (args, e) => {
        const result = await expectRefused({ ...args, endpoint: e }, "endpoint");
        expect(JSON.stringify(result)).not.toMatch(/SENTINEL/);
      }),
      { numRuns: 100 },
    );
  });

  test("an id over the vendor's length limit, or outside its characters, is refused", async () => {
    const rule = rulesFor(vendor).idRule;
    const max = rule.maxLength;
    const tooLong = max === undefined ? undefined : fc.integer({ min: max + 1, max: max + 40 }).map((n) => "i".repeat(n));
    const badChars = fc.constantFrom("a b", "a/b", "a:b", "a#b", "日次", "a@b");
    const id = !rule.pattern ? tooLong! : tooLong ? fc.oneof(tooLong, badChars) : badChars;
    await fc.assert(
      fc.asyncProperty(validArgs(vendor), id, async (args, bad) => {
        await expectRefused({ ...args, inventoryId: bad }, "inventoryId");
      }),
      { numRuns: 100 },
    );
  });

  test("a value of the wrong type or outside the enumeration is refused at its property", async () => {
    const paths = ["enabled", "adopt", "schedule.frequency", "includedObjectVersions", "destination.format"];
    const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");
    const allowed: Record<string, (v: unknown) => boolean> = {
      enabled: (v) => typeof v === "boolean" || (typeof v === "string" && /^(true|false)$/i.test(v.trim())) || isBlank(v),
      adopt: (v) => typeof v === "boolean" || (typeof v === "string" && /^(true|false)$/i.test(v.trim())) || v === undefined || v === null,
      "schedule.frequency": (v) => typeof v === "string" && /^(daily|weekly)$/i.test(v.trim()),
      includedObjectVersions: (v) => (typeof v === "string" && /^(all|current)$/i.test(v.trim())) || isBlank(v),
      "destination.format": (v) => (typeof v === "string" && (vendor === "s3" ? /^(csv|orc|parquet)$/i : /^csv$/i).test(v.trim())) || isBlank(v),
    };
    await fc.assert(
      fc.asyncProperty(validArgs(vendor), fc.constantFrom(...paths), hostileValue, async (args, path, value) => {
        const news = withValueAt(args, path, value);
        if (value === UNKNOWN_VALUE || allowed[path](value)) return;
        await expectRefused(news, path.split(".")[0] === "schedule" && (value === undefined || value === null) ? "schedule" : path);
      }),
      { numRuns: RUNS },
    );
  });

  test("valid arguments with up to three members replaced by hostile values never throw, and each failure names a property", async () => {
    const mutation = fc.array(fc.tuple(fc.constantFrom(...ARGUMENT_PATHS), hostileValue), { minLength: 1, maxLength: 3 });
    await fc.assert(
      fc.asyncProperty(validArgs(vendor), mutation, async (args, changes) => {
        const news = changes.reduce((acc, [path, value]) => withValueAt(acc, path, value), args);
        await fuzzCheck(news);
      }),
      { numRuns: RUNS },
    );
  });

  test("any present value replaced by the preview's unknown marker adds no failure", async () => {
    const withPath = validArgs(vendor).chain((args) => fc.tuple(fc.constant(args), fc.constantFrom(...leafPaths(args))));
    await fc.assert(
      fc.asyncProperty(withPath, async ([args, path]) => {
        const result = await fuzzCheck(withValueAt(args, path, UNKNOWN_VALUE));
        expect(result.failures).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  test("live checks with a client that fails in every way still return failures, never throw", async () => {
    const weirdRejection = fc.constantFrom<unknown>(new TypeError("boom"), "a string", undefined, null, { code: 1 }, new Error(""));
    await fc.assert(
      fc.asyncProperty(validArgs(vendor), weirdRejection, async (args, rejection) => {
        const failing = () => Promise.reject(rejection);
        const client: InventoryClient = {
          putInventory: failing,
          getInventory: failing,
          listInventories: failing,
          deleteInventory: failing,
          describeBucket: failing,
          getVersioning: failing,
        };
        await fuzzCheck(args, { clientFor: () => client, ...newLiveCheckState() });
      }),
      { numRuns: 60 },
    );
  });
});

describe("check with arbitrary whole inputs", () => {
  test("any value at all as the inputs never throws", async () => {
    await fc.assert(
      fc.asyncProperty(hostileValue, async (news) => {
        await fuzzCheck(news);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  test("any vendor spelling, including prototype names, never throws", async () => {
    const vendor = fc.oneof(fc.constantFrom("__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "OSS", " obs "), fc.string());
    await fc.assert(
      fc.asyncProperty(validArgs("s3"), vendor, async (args, v) => {
        await fuzzCheck({ ...args, vendor: v });
      }),
      { numRuns: RUNS },
    );
  });
});

describe("diff with arbitrary olds and news", () => {
  test("never throws, and reports booleans and path lists", () => {
    fc.assert(
      fc.property(fc.oneof(validArgs("oss"), validArgs("s3"), hostileValue), fc.constantFrom(...ARGUMENT_PATHS), hostileValue, (olds, path, value) => {
        figures.add("inputsFuzzed");
        const news = olds !== null && typeof olds === "object" && !Array.isArray(olds) ? withValueAt(olds as Record<string, unknown>, path, value) : value;
        const result = diffInventory(olds, news);
        expect(typeof result.changes).toBe("boolean");
        expect(result.diffs.every((d) => typeof d === "string")).toBe(true);
        expect(result.replaces.every((r) => result.diffs.includes(r))).toBe(true);
        // Deleting first only ever happens as part of a replacement.
        if (result.deleteBeforeReplace) expect(result.replaces.length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  test("valid arguments compared with themselves show no change", () => {
    fc.assert(
      fc.property(fc.constantFrom(...VENDORS).chain(validArgs), (args) => {
        figures.add("inputsFuzzed");
        expect(diffInventory(args, structuredClone(args)).changes).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });
});
