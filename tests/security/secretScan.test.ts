/**
 * Secret scan: full lifecycles (check, create, read, diff, update, delete; and failing ones: refused by the
 * service, faults whose error documents echo the credentials back, wrong secrets, half-set credentials) on every
 * vendor, with sentinel credentials (access key id, secret, security token) from stack config and from the
 * environment. Every output, state value, check result, error (message, stack, cause chain, every property),
 * observed exchange, captured log line, and the fake's request log is then searched for the sentinel bytes: the
 * secret and token appear nowhere, and the access key id nowhere outside the wire.
 */
import { inspect } from "node:util";
import { createInventoryClient, type ClosableInventoryClient } from "../../provider/client/createInventoryClient";
import type { ClientOptions } from "../../provider/client/inventoryClient";
import { BucketInventoryError } from "../../provider/errors";
import { VENDORS, type Vendor } from "../../provider/model/inventoryConfig";
import { createBucketInventoryProvider, type BucketInventoryProvider } from "../../provider/resource/bucketInventoryProvider";
import { CONFIG_NAMESPACE, CREDENTIAL_KEYS } from "../../provider/resource/credentials";
import { startFakeCloud, type FakeCloud } from "../fake/index";
import { Figures } from "../reliability/support/figures";
import { captureOutput, type CapturedOutput } from "./support/captureOutput";
import { SENTINELS, sentinelArgs, sentinelEnv, sentinelSeed, sentinelStackConfig, sentinelStrings } from "./support/sentinelWorld";

const figures = new Figures("secret-scan");
/** Everything the product produced or let out, by where it came from. */
const artifacts: [string, unknown][] = [];
const keep = (where: string, value: unknown) => artifacts.push([where, value]);

let fake: FakeCloud;
let output: CapturedOutput;
const clients: ClosableInventoryClient[] = [];

/** A provider as the host builds it; its clients report every exchange they make (the observer never sees keys). */
async function providerWith(stack: Record<string, string>, env: Record<string, string> = {}): Promise<BucketInventoryProvider> {
  const provider = createBucketInventoryProvider({
    env,
    createClient: (options: ClientOptions) => {
      const client = createInventoryClient({
        ...options,
        retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
        onExchange: (request, response) => keep("an observed exchange", { request, response }),
      });
      clients.push(client);
      return client;
    },
    lifecycle: { readBack: { attempts: 2, delayMs: 1 } },
  });
  await provider.configure({ config: { get: (key: string) => stack[key] } });
  return provider;
}

/** Runs `step`, keeping its result or its error. */
async function attempt(where: string, step: () => Promise<unknown>): Promise<unknown> {
  try {
    const result = await step();
    keep(where, result);
    return result;
  } catch (error) {
    keep(`${where} (error)`, error);
    return error;
  }
}

beforeAll(async () => {
  fake = await startFakeCloud({ port: 0, seed: sentinelSeed() });
  output = captureOutput();
});
afterAll(async () => {
  output?.restore();
  figures.write();
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await fake?.close();
});

/** The same credentials echoed back by a hostile or buggy service, in the message and in the code. */
function echo(vendor: Vendor): string {
  const s = SENTINELS[vendor];
  return `denied: key ${s.accessKeyId} secret ${s.secretAccessKey} token ${s.securityToken}`;
}

describe.each(VENDORS.map((v) => [v]))("%s", (vendor) => {
  test("a full lifecycle, and failing ones, with sentinel credentials from stack config", async () => {
    const provider = await providerWith(sentinelStackConfig());
    const args = sentinelArgs(vendor, fake.url, "scan");
    const admin = fake.admin;
    const bucket = args.bucket as string;

    keep("check", await provider.check({}, args));
    keep("check refusing a far destination", await provider.check({}, sentinelArgs(vendor, fake.url, "far", "far")));
    const created = (await attempt("create", () => provider.create(args))) as { id: string; outs: Record<string, unknown> };
    expect(created.id).toBe(`${vendor}:${args.region}:${bucket}:scan`);
    // KMS key ids are identifiers, not key material: the resource keeps them as plain outputs (README, "Credentials").
    const kms = (d: unknown) => (d as { encryption?: { sseKms?: { keyId?: string } } }).encryption?.sseKms?.keyId;
    expect(kms(created.outs.destination)).toBe(kms(args.destination));
    await attempt("read", () => provider.read(created.id, created.outs));
    const changed = { ...args, schedule: { frequency: "Weekly" } };
    keep("diff", await provider.diff(created.id, created.outs, changed));
    const updated = await attempt("update", () => provider.update(created.id, created.outs, changed));
    expect(updated).not.toBeInstanceOf(Error);

    await attempt("create refused by the service", () => provider.create(sentinelArgs(vendor, fake.url, "refused", "far")));
    admin.injectFault({ match: { bucket, operation: "GetInventory" }, times: 2, action: { kind: "status", status: 403, code: "AccessDenied", message: echo(vendor) } });
    const denied = await attempt("read denied by an echoing service", () => provider.read(created.id, created.outs));
    expect(denied).toBeInstanceOf(BucketInventoryError);
    expect((denied as Error).message).toContain("<redacted>");
    admin.injectFault({ match: { bucket, operation: "GetInventory" }, times: 2, action: { kind: "status", status: 400, code: SENTINELS[vendor].securityToken } });
    await attempt("read refused with the token as the error code", () => provider.read(created.id, created.outs));
    admin.injectFault({ match: { bucket, operation: "GetInventory" }, times: 2, action: { kind: "error-body-200", code: "InternalError", message: echo(vendor) } });
    await attempt("read answered 200 with an echoing error document", () => provider.read(created.id, created.outs));
    admin.injectFault({ match: { bucket, operation: "PutInventory" }, times: "always", action: { kind: "status", status: 503, code: "SlowDown", message: echo(vendor) } });
    await attempt("update under an echoing outage", () => provider.update(created.id, created.outs, { ...args, enabled: false }));
    admin.clearFaults();
    admin.injectFault({ match: { bucket, operation: "DeleteInventory" }, times: "always", action: { kind: "reset" } });
    await attempt("delete over a cut connection", () => provider.delete(created.id, created.outs));
    admin.clearFaults();
    await attempt("delete", () => provider.delete(created.id, created.outs));
  });

  test("wrong secrets and half-set credentials fail without repeating what was given", async () => {
    const keys = CREDENTIAL_KEYS[vendor].config;
    const wrong = { ...sentinelStackConfig(), [`${CONFIG_NAMESPACE}:${keys.secret}`]: "sntl-wrong-secret-000000" };
    const args = sentinelArgs(vendor, fake.url, "wrong");
    const id = `${vendor}:${args.region}:${args.bucket}:wrong`;
    await attempt("read with a wrong secret", async () => (await providerWith(wrong)).read(id, args));
    await attempt("create with a wrong secret", async () => (await providerWith(wrong)).create(args));
    const idOnly = { [`${CONFIG_NAMESPACE}:${keys.id}`]: SENTINELS[vendor].accessKeyId };
    const idError = await attempt("create with only a key id", async () => (await providerWith(idOnly)).create(args));
    expect((idError as Error).message).toMatch(new RegExp(keys.secret));
    const secretOnly = { [`${CONFIG_NAMESPACE}:${keys.secret}`]: SENTINELS[vendor].secretAccessKey };
    const secretError = await attempt("create with only a secret", async () => (await providerWith(secretOnly)).create(args));
    expect((secretError as Error).message).toMatch(new RegExp(keys.id));
    const envOnlyId = { [CREDENTIAL_KEYS[vendor].env.id]: SENTINELS[vendor].accessKeyId };
    await attempt("check with only a key id in the environment", async () => (await providerWith({}, envOnlyId)).check({}, args));
  });

  test("a lifecycle with credentials from the environment", async () => {
    const provider = await providerWith({}, sentinelEnv());
    const args = sentinelArgs(vendor, fake.url, "from-env");
    const created = (await attempt("create (env)", () => provider.create(args))) as { id: string; outs: Record<string, unknown> };
    await attempt("read (env)", () => provider.read(created.id, created.outs));
    await attempt("delete (env)", () => provider.delete(created.id, created.outs));
  });
});

/** Everything about a value: own and hidden properties, getters, the cause chain, the stack. */
function everything(value: unknown): string {
  const parts = [inspect(value, { depth: 30, showHidden: true, getters: true, maxArrayLength: null, maxStringLength: null })];
  try {
    parts.push(JSON.stringify(value) ?? "");
  } catch {
    // circular: inspect covered it
  }
  for (let e = value, depth = 0; e instanceof Error && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    parts.push(e.message, e.stack ?? "", JSON.stringify((e as { reasons?: unknown }).reasons ?? ""));
  }
  return parts.join("\n");
}

test("no sentinel byte appears in outputs, state, check results, errors, observed exchanges or logs", () => {
  expect(artifacts.length).toBeGreaterThan(60);
  const leaks: string[] = [];
  const scan = (where: string, text: string, sentinels = sentinelStrings()) => {
    figures.add("secretScans");
    for (const [value, what] of sentinels) if (text.includes(value)) leaks.push(`${what} in ${where}`);
  };
  for (const [where, value] of artifacts) scan(where, everything(value));
  scan("captured output", output.text());
  // What the client sent, as the fake logged it (the error codes it logged are the fake's own, injected above).
  scan("the fake cloud's request log", JSON.stringify(fake.admin.requests().map((r) => [r.method, r.path, r.query])));
  // The fake's own account list names the key ids it knows: only secrets and tokens are searched there.
  scan("the fake cloud's state dump", JSON.stringify(fake.admin.dump()), sentinelStrings().filter(([, what]) => !what.endsWith("key id")));
  expect(leaks).toEqual([]);
});

test("the echoed credentials really reached the client (the scan above is not vacuous)", () => {
  const echoed = fake.admin.requests().filter((r) => r.fault !== undefined);
  expect(echoed.length).toBeGreaterThan(0);
  expect(artifacts.some(([where]) => where.startsWith("read denied by an echoing service"))).toBe(true);
});
