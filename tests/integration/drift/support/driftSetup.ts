/**
 * What the drift tests share: resources created through the real provider against the fake cloud and written into
 * a `pulumi stack export` document shaped like the real CLI's (see fixtures/), out-of-band changes through the
 * fake's admin API, and the command run as users run it (argv, stdin, environment), its --json checked against
 * the published schema every time.
 */
import Ajv from "ajv";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { run, type DriftIo } from "../../../../cli/driftCommand";
import type { DriftReport } from "../../../../cli/drift/driftReport";
import { INVENTORY_TYPE } from "../../../../cli/drift/readStackState";
import { escapeXmlText } from "../../../../provider/xml/buildXml";
import { dialectFor } from "../../../../provider/dialects/dialectFor";
import type { InventoryConfig, Vendor } from "../../../../provider/model/inventoryConfig";
import { configOf, normalizeArgs } from "../../../../provider/resource/resourceArgs";
import type { FakeCloud } from "../../../fake/index";
import { fakeArgs, refOf, seedEnvironment, type Harness } from "../../resource/fakeCloudSetup";

export const SCHEMA = JSON.parse(readFileSync(join(__dirname, "../../../../docs/drift-report.schema.json"), "utf8"));
const validate = new Ajv({ allErrors: true, strict: true }).compile(SCHEMA);

/** Schema errors of a report ([] when it conforms). */
export function schemaErrors(report: unknown): string[] {
  return validate(report) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

const PROVIDER_URN = "urn:pulumi:dev::drift-test::pulumi:providers:pulumi-nodejs::default";
const PROVIDER_ID = "0b5e7a44-0000-4000-8000-000000000001";

export interface StateEntry {
  name: string;
  id: string;
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
}

/** A resource as the provider's create leaves it (what `pulumi up` records). */
export async function manage(h: Harness, vendor: Vendor, name: string, patch: Record<string, unknown> = {}): Promise<StateEntry> {
  const inputs = fakeArgs(h.fake, vendor, patch);
  const { id, outs } = await h.provider.create(inputs);
  return { name, id, inputs, outputs: outs as unknown as Record<string, unknown> };
}

/** `pulumi stack export` output holding these resources, a stack, the default provider (with `config`) and `others`. */
export function stackExport(entries: StateEntry[], options: { config?: Record<string, unknown>; others?: unknown[] } = {}): string {
  const stack = { urn: "urn:pulumi:dev::drift-test::pulumi:pulumi:Stack::drift-test-dev", custom: false, type: "pulumi:pulumi:Stack" };
  const provider = { urn: PROVIDER_URN, custom: true, id: PROVIDER_ID, type: "pulumi:providers:pulumi-nodejs", inputs: { ...options.config, __provider: "" }, outputs: { ...options.config } };
  const inventories = entries.map((e) => ({
    urn: `urn:pulumi:dev::drift-test::${INVENTORY_TYPE}::${e.name}`,
    custom: true,
    id: e.id,
    type: INVENTORY_TYPE,
    inputs: { ...e.inputs, __provider: "exports.handler = __f0;" },
    outputs: { ...e.outputs, __provider: "exports.handler = __f0;" },
    parent: stack.urn,
    provider: `${PROVIDER_URN}::${PROVIDER_ID}`,
  }));
  const resources = [stack, provider, ...inventories, ...(options.others ?? [])];
  return JSON.stringify({ version: 3, deployment: { manifest: { time: "2026-12-02T00:00:00Z", magic: "", version: "v3.276.0" }, resources } }, null, 4);
}

/** The vendor's valid configuration with `patch`, as the model holds it. */
export const configFor = (h: Harness, vendor: Vendor, patch: Record<string, unknown> = {}): InventoryConfig => configOf(normalizeArgs(fakeArgs(h.fake, vendor, patch)));

/**
 * Stores a configuration behind Pulumi's back (the fake's schema applies, its put-time checks do not). The id goes
 * into the document as it is: the provider's XML builder refuses characters XML cannot carry (U+001B), which a
 * configuration made elsewhere is here assumed to hold.
 */
export function putLive(fake: FakeCloud, vendor: Vendor, config: InventoryConfig, bucket = refOf(fake, vendor).bucket): void {
  const ref = { ...refOf(fake, vendor), bucket };
  const placeholder = "drift-test-id-placeholder";
  const xml = dialectFor(vendor).serializeInventory({ ...config, id: placeholder }, ref).replace(`<Id>${placeholder}</Id>`, `<Id>${escapeXmlText(config.id)}</Id>`);
  fake.admin.putInventoryXml(vendor, bucket, config.id, xml);
}

export interface DriftRun {
  code: number;
  out: string;
  err: string;
  /** The parsed --json report (checked against the schema), when --json was given. */
  report: DriftReport;
}

export async function drift(argv: string[], input: { stdin?: string; env?: Record<string, string | undefined> } = {}): Promise<DriftRun> {
  let out = "";
  let err = "";
  const io: DriftIo = {
    out: (t) => (out += t),
    err: (t) => (err += t),
    env: input.env ?? seedEnvironment(),
    readStdin: async () => input.stdin ?? "",
    stdinIsTTY: false,
  };
  const code = await run(argv, io);
  let report = undefined as unknown as DriftReport;
  if (argv.includes("--json") && out !== "") {
    report = JSON.parse(out);
    expect(schemaErrors(report)).toEqual([]);
    expect(report.exitCode).toBe(code);
  }
  return { code, out, err, report };
}

/** The args objects of generated declarations, evaluated without Pulumi. */
export function declaredArgs(text: string): Record<string, unknown>[] {
  const body = text.replace(/^import .*$/m, "").replace(/new BucketInventory\(/g, "declare(");
  const found: Record<string, unknown>[] = [];
  new Function("declare", body)((_name: string, args: Record<string, unknown>) => found.push(args));
  return found;
}
