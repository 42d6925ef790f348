/**
 * The harness's own mechanics, proven against a tiny dynamic provider of ours (fixtures/tinyResource.js) before any
 * product code is involved: serialization in a plain node process, the real host over gRPC, Configure with secret
 * config, the order of calls per engine step, unknowns at preview, refresh and destroy.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Engine } from "./harness/engine";
import { PROVIDER_KEY, UNKNOWN, secret } from "./harness/propertyValues";
import type { Program } from "./harness/programRunner";

const projectRoot = path.resolve(__dirname, "..", "..");
const TOKEN = "tiny-secret-token";
const TYPE = "pulumi-nodejs:dynamic/tiny:Tiny";

let dir: string;
let storeFile: string;
let engine: Engine;

function program(...resources: { name: string; args: Record<string, unknown> }[]): Program {
  return { module: path.join(__dirname, "fixtures", "tinyProgram.js"), spec: { resources } };
}

function store(): { records: Record<string, Record<string, unknown>>; log: string[]; tokenSha256: string } {
  return JSON.parse(fs.readFileSync(storeFile, "utf8"));
}

function methods(calls: { method: string }[]): string[] {
  return calls.map((c) => c.method).filter((m) => m !== "Configure");
}

// Each operation launches the real host process (a second of CPU): like the scenario files, a generous timeout, so
// a loaded machine slows these tests down without failing them.
jest.setTimeout(180_000);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "engine-harness-"));
  storeFile = path.join(dir, "tiny-store.json");
  engine = await Engine.start({
    projectRoot,
    project: "harness",
    stack: "dev",
    stateDir: dir,
    config: { "tiny:storeFile": storeFile, "tiny:token": secret(TOKEN) },
  });
});

let stacks = 0;
beforeEach(() => {
  fs.rmSync(storeFile, { force: true });
  engine.selectStack(`t${++stacks}`);
});

afterAll(async () => {
  await engine?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("engine harness against a tiny dynamic provider", () => {
  test("preview checks each resource up to the first failure, as the engine does, and creates nothing: failures with the provider's text, unknowns as the sentinel", async () => {
    const result = await engine.preview(
      program(
        { name: "a", args: { name: "a", label: "x" } },
        { name: "later", args: { name: "later", size: { $unknown: true } } },
        { name: "bad", args: { name: "bad", size: -1 } },
        { name: "after", args: { name: "after", size: -2 } },
      ),
    );
    expect(result.ok).toBe(false);
    expect(methods(result.calls)).toEqual(["Check", "Check", "Check"]);
    expect(result.steps.map((s) => s.name)).toEqual(["a", "later", "bad"]); // "after" is never checked
    const [a, bad, later] = ["a", "bad", "later"].map((n) => result.steps.find((s) => s.name === n)!);
    expect(a).toMatchObject({ op: "create", failures: [] });
    expect(a.changes.map((c) => c.path)).toEqual(["label", "name", "size"]);
    expect(bad.failures).toEqual([{ property: "size", reason: "size: -1 is not a whole number >= 0" }]);
    expect(later.failures).toEqual([]);
    expect(later.changes).toContainEqual({ path: "size", kind: "add", after: UNKNOWN });
    expect(fs.existsSync(storeFile)).toBe(false);
    expect(engine.hostCapabilities).toEqual({ acceptSecrets: false, supportsPreview: false });
  });

  test("up: create with the secret config unwrapped, an unchanged up is a no-op, a changed field is one Update, a delete-before-replace deletes first", async () => {
    const first = await engine.up(program({ name: "a", args: { name: "a", label: "x" } }));
    expect(first.ok).toBe(true);
    expect(methods(first.calls)).toEqual(["Check", "Create"]);
    expect(store().records).toEqual({ a: { name: "a", size: 1, label: "x" } });
    expect(store().tokenSha256).toBe(createHash("sha256").update(TOKEN).digest("hex"));
    const [saved] = engine.state.resources;
    expect(saved).toMatchObject({ id: "a", type: TYPE, outputs: { name: "a", label: "x", serial: 1 } });
    expect(typeof saved.inputs[PROVIDER_KEY]).toBe("string");
    expect(saved.outputs[PROVIDER_KEY]).toBe(saved.inputs[PROVIDER_KEY]);
    expect(engine.state.text()).not.toContain(TOKEN);

    const second = await engine.up(program({ name: "a", args: { name: "a", label: "x" } }));
    expect(methods(second.calls)).toEqual(["Check", "Diff"]);
    expect(second.steps.map((s) => s.op)).toEqual(["same"]);

    const updated = await engine.up(program({ name: "a", args: { name: "a", label: "y" } }));
    expect(methods(updated.calls)).toEqual(["Check", "Diff", "Update"]);
    expect(updated.steps[0]).toMatchObject({ op: "update", changes: [{ path: "label", kind: "update", before: "x", after: "y" }] });
    expect(store().records.a.label).toBe("y");

    const replaced = await engine.up(program({ name: "a", args: { name: "b", label: "y" } }));
    expect(replaced.steps[0]).toMatchObject({ op: "replace", replaces: ["name"], deleteBeforeReplace: true });
    expect(replaced.calls.filter((c) => c.method !== "Configure").map((c) => `${c.method} ${c.id ?? ""}`.trim())).toEqual([
      "Check",
      "Diff a",
      "Check", // the engine checks a replacement again, as a new resource
      "Delete a",
      "Create",
    ]);
    expect(store().log.slice(-2)).toEqual(["delete a", "create b"]);
    expect(engine.state.resources.map((r) => r.id)).toEqual(["b"]);
  });

  test("refresh shows exactly the fields changed out of band and drops what was deleted; destroy deletes last first", async () => {
    await engine.up(program(...["c", "d", "e"].map((name) => ({ name, args: { name, label: "x" } }))));
    const changed = store();
    changed.records.c.label = "changed-elsewhere";
    delete changed.records.e;
    fs.writeFileSync(storeFile, JSON.stringify(changed));

    const refresh = await engine.refresh();
    // Each Read that finds the resource is followed by a Diff, as the engine's refresh does; a gone one is not.
    expect(methods(refresh.calls)).toEqual(["Read", "Diff", "Read", "Diff", "Read"]);
    const ops = Object.fromEntries(refresh.steps.map((s) => [s.name, s]));
    expect(ops.c).toMatchObject({ op: "update", changes: [{ path: "label", kind: "update", before: "x", after: "changed-elsewhere" }] });
    expect(ops.d).toMatchObject({ op: "same", changes: [] });
    expect(ops.e.op).toBe("delete");
    expect(engine.state.resources.map((r) => r.id).sort()).toEqual(["c", "d"]);
    expect(engine.state.resources.find((r) => r.id === "c")!.inputs.label).toBe("changed-elsewhere");

    const order = engine.state.resources.map((r) => r.id);
    const destroy = await engine.destroy();
    expect(destroy.calls.filter((c) => c.method === "Delete").map((c) => c.id)).toEqual([...order].reverse());
    expect(store().records).toEqual({});
    expect(engine.state.resources).toEqual([]);
    expect(engine.hostOutput).not.toContain(TOKEN);
  });
});
