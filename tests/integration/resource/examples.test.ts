/**
 * Every example program, run under Pulumi's mocks in plain node, registers resources that name no endpoint; the
 * provider, given `bucket-inventory:endpoint` in stack config as the engine gives it, sends them to the fake cloud,
 * where their inputs pass preview's checks (static and live) and create cleanly.
 */
import * as path from "node:path";
import { buildPackage, type BuiltPackage } from "./support/buildPackage";
import { failuresText, startHarness, type Harness } from "./fakeCloudSetup";

const EXAMPLES: [string, number][] = [["quickstart", 4], ["oss", 1], ["cos", 1], ["obs", 2], ["s3", 1], ["multicloud", 4]];

type Registered = { type: string; name: string; inputs: Record<string, unknown>; hasProvider: boolean };

let pkg: BuiltPackage;
let h: Harness;
let byProgram: Record<string, Registered[]>;
const programOf = (name: string) => path.join(pkg.packageDir, "dist", "examples", name, "index.js");

beforeAll(async () => {
  pkg = buildPackage();
  h = await startHarness();
  const programs = EXAMPLES.map(([name]) => programOf(name));
  byProgram = JSON.parse(await pkg.node(path.join(__dirname, "support", "runExample.js"), programs));
}, 60_000);
afterAll(async () => {
  pkg?.remove();
  await h?.close();
});

describe.each(EXAMPLES)("examples/%s", (name, count) => {
  it(`registers ${count} BucketInventory resource(s) that check and create cleanly on the fake cloud`, async () => {
    h.fake.admin.reset();
    await h.renewProvider({ "bucket-inventory:endpoint": h.fake.url });
    const inventories = byProgram[programOf(name)].filter((r) => r.type === "pulumi-nodejs:dynamic/bucket-inventory:BucketInventory");
    expect(inventories).toHaveLength(count);
    for (const { inputs, hasProvider } of inventories) {
      expect(hasProvider).toBe(true);
      expect(inputs.endpoint).toBeUndefined();
      const checked = await h.provider.check({}, inputs);
      expect(failuresText(checked.failures)).toEqual([]);
      expect(checked.inputs.endpoint).toBe(h.fake.url);
      const created = await h.provider.create(checked.inputs);
      expect((await h.provider.diff(created.id, created.outs, checked.inputs)).changes).toBe(false);
    }
  }, 60_000);
});
