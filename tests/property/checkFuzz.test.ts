/**
 * check and diff under random and adversarial inputs: they never throw, every failure names a property (a path the
 * resource knows, or the unknown key the program wrote) and a bounded reason, and random valid arguments pass.
 */
import fc from "fast-check";
import type { InventoryClient } from "../../provider/client/inventoryClient";
import { VENDORS, type Vendor } from "../../provider/model/inventoryConfig";
import { UNKNOWN_VALUE } from "../../provider/model/unknownValue";
import { checkInventory, newLiveCheckState, type CheckResult } from "../../provider/resource/check";
import { diffInventory } from "../../provider/resource/diff";
import { Figures } from "../reliability/support/figures";
import { ARGUMENT_PATHS, hostileValue, withValueAt } from "./support/hostileValueArbitrary";
import { argsArbitrary, SEED_PLACEMENT, type Placement } from "./support/inventoryArbitraries";

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

/** OSS's region-gated features need their regions to be valid at all. */
const OSS_ADVANCED: Placement = { ...SEED_PLACEMENT.oss, region: "cn-qingdao" };
const OSS_INCREMENTAL: Placement = { ...SEED_PLACEMENT.oss, region: "na-south-1" };

const validArgs = (vendor: Vendor) =>
  vendor === "oss"
    ? fc.oneof(argsArbitrary("oss"), argsArbitrary("oss", OSS_ADVANCED, { advancedFilters: true }), argsArbitrary("oss", OSS_INCREMENTAL, { incremental: true }))
    : argsArbitrary(vendor, SEED_PLACEMENT[vendor], { advancedFilters: true });

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
        expect(result.deleteBeforeReplace).toBe(result.replaces.length > 0);
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
