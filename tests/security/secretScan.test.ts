/**
 * Secret scan: full lifecycles (check, create, read, diff, update, delete; and failing ones: refused by the
 * service, faults whose error documents echo the credentials back in message and code, also lower-cased,
 * upper-cased and percent-encoded, a configuration field holding the token, wrong secrets, half-set credentials)
 * on every vendor, with sentinel credentials (access key id, secret, security token; mixed case) from stack config
 * and from the environment. Each step must succeed or fail as stated (a failure must be a typed error). Every
 * output, state value, check result, error (message, stack, cause chain, every property), observed exchange and
 * captured log line is then searched for the sentinels in any letter case; what the fake received (every byte,
 * through a recording proxy) holds the secret nowhere, the token only in its header and the key id only in the
 * Authorization header.
 */
import { inspect } from "node:util";
import { createInventoryClient, type ClosableInventoryClient } from "../../provider/client/createInventoryClient";
import type { ClientOptions } from "../../provider/client/inventoryClient";
import { VENDORS, type Vendor } from "../../provider/model/inventoryConfig";
import { createBucketInventoryProvider, type BucketInventoryProvider } from "../../provider/resource/bucketInventoryProvider";
import { CONFIG_NAMESPACE, CREDENTIAL_KEYS } from "../../provider/resource/credentials";
import { startFakeCloud, type FakeCloud } from "../fake/index";
import { typedErrorOf } from "../reliability/support/errorProblems";
import { Figures } from "../reliability/support/figures";
import { captureOutput, type CapturedOutput } from "./support/captureOutput";
import { startRecordingProxy, type RecordingProxy } from "./support/recordingProxy";
import { SENTINELS, sentinelArgs, sentinelEnv, sentinelSeed, sentinelStackConfig, sentinelStrings } from "./support/sentinelWorld";

const figures = new Figures("secret-scan");
/** Everything the product produced or let out, by where it came from. */
const artifacts: [string, unknown][] = [];
const keep = (where: string, value: unknown) => artifacts.push([where, value]);

let fake: FakeCloud;
let proxy: RecordingProxy;
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

/**
 * Runs `step`, keeping its result or its error for the scan, and checks it ended as stated: "succeeds", or
 * "fails" with a typed error (a BucketInventoryError on its cause chain).
 */
async function attempt<T>(where: string, ends: "succeeds" | "fails", step: () => Promise<T>): Promise<T | Error> {
  let result: T | Error;
  try {
    result = await step();
    keep(where, result);
  } catch (error) {
    keep(`${where} (error)`, error);
    result = error as Error;
  }
  const failed = result instanceof Error;
  if (ends === "succeeds" && failed) throw new Error(`${where}: expected to succeed, failed: ${(result as Error).message}`);
  if (ends === "fails" && !failed) throw new Error(`${where}: expected to fail, succeeded`);
  if (failed && !typedErrorOf(result)) {
    throw new Error(`${where}: failed with an untyped error: ${(result as Error).message}`);
  }
  return result;
}

beforeAll(async () => {
  fake = await startFakeCloud({ port: 0, seed: sentinelSeed() });
  proxy = await startRecordingProxy(fake.url);
  output = captureOutput();
});
afterAll(async () => {
  output?.restore();
  figures.write();
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await proxy?.close();
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
    const args = sentinelArgs(vendor, proxy.url, "scan");
    const admin = fake.admin;
    const bucket = args.bucket as string;
    const id = `${vendor}:${args.region}:${bucket}:scan`;

    const checked = (await attempt("check", "succeeds", () => provider.check({}, args))) as { failures: unknown[] };
    expect(checked.failures).toEqual([]);
    const far = (await attempt("check refusing a far destination", "succeeds", () => provider.check({}, sentinelArgs(vendor, proxy.url, "far", "far")))) as { failures: unknown[] };
    expect(far.failures).not.toEqual([]);
    const created = (await attempt("create", "succeeds", () => provider.create(args))) as unknown as { id: string; outs: Record<string, unknown> };
    expect(created.id).toBe(id);
    // KMS key ids are identifiers, not key material: the resource keeps them as plain outputs (README, "Credentials").
    const kms = (d: unknown) => (d as { encryption?: { sseKms?: { keyId?: string } } }).encryption?.sseKms?.keyId;
    expect(kms(created.outs.destination)).toBe(kms(args.destination));
    await attempt("read", "succeeds", () => provider.read(created.id, created.outs));
    const changed = { ...args, schedule: { frequency: "Weekly" } };
    keep("diff", await provider.diff(created.id, created.outs, changed));
    await attempt("update", "succeeds", () => provider.update(created.id, created.outs, changed));

    await attempt("create refused by the service", "fails", () => provider.create(sentinelArgs(vendor, proxy.url, "refused", "far")));
    for (const [how, message] of [
      ["as sent", echo(vendor)],
      ["lower-cased", echo(vendor).toLowerCase()],
      ["upper-cased", echo(vendor).toUpperCase()],
      ["percent-encoded", encodeURIComponent(echo(vendor))],
    ]) {
      admin.injectFault({ match: { bucket, operation: "GetInventory" }, times: "always", action: { kind: "status", status: 403, code: "AccessDenied", message } });
      const denied = await attempt(`read denied by a service echoing the credentials ${how}`, "fails", () => provider.read(created.id, created.outs));
      expect((denied as Error).message).toContain("<redacted>");
      admin.clearFaults();
    }
    admin.injectFault({ match: { bucket, operation: "GetInventory" }, times: "always", action: { kind: "status", status: 400, code: SENTINELS[vendor].securityToken } });
    await attempt("read refused with the token as the error code", "fails", () => provider.read(created.id, created.outs));
    admin.clearFaults();
    admin.injectFault({ match: { bucket, operation: "GetInventory" }, times: "always", action: { kind: "error-body-200", code: "InternalError", message: echo(vendor) } });
    await attempt("read answered 200 with an echoing error document", "fails", () => provider.read(created.id, created.outs));
    admin.clearFaults();

    // A configuration whose prefix holds the token (made outside Pulumi, or echoed): refresh shows it redacted.
    const held = admin.getInventoryXml(vendor, bucket, "scan")!;
    admin.putInventoryXml(vendor, bucket, "scan", held.replace(/<Prefix>inv\/<\/Prefix>/, `<Prefix>${SENTINELS[vendor].securityToken.toLowerCase()}/</Prefix>`));
    const refreshed = (await attempt("read of a configuration holding the token", "succeeds", () => provider.read(created.id, created.outs))) as { props: { destination: { prefix: string } } };
    expect(refreshed.props.destination.prefix).toBe("<redacted>/");

    admin.injectFault({ match: { bucket, operation: "PutInventory" }, times: "always", action: { kind: "status", status: 503, code: "SlowDown", message: echo(vendor) } });
    await attempt("update under an echoing outage", "fails", () => provider.update(created.id, created.outs, { ...args, enabled: false }));
    admin.clearFaults();
    admin.injectFault({ match: { bucket, operation: "DeleteInventory" }, times: "always", action: { kind: "reset" } });
    await attempt("delete over a cut connection", "fails", () => provider.delete(created.id, created.outs));
    admin.clearFaults();
    await attempt("delete", "succeeds", () => provider.delete(created.id, created.outs));
    expect(admin.getInventoryXml(vendor, bucket, "scan")).toBeUndefined();
  });

  test("wrong secrets and half-set credentials fail without repeating what was given", async () => {
    const keys = CREDENTIAL_KEYS[vendor].config;
    const wrong = { ...sentinelStackConfig(), [`${CONFIG_NAMESPACE}:${keys.secret}`]: "SntlWrongSecret-000000" };
    const args = sentinelArgs(vendor, proxy.url, "wrong");
    const id = `${vendor}:${args.region}:${args.bucket}:wrong`;
    await attempt("read with a wrong secret", "fails", async () => (await providerWith(wrong)).read(id, args));
    await attempt("create with a wrong secret", "fails", async () => (await providerWith(wrong)).create(args));
    const idOnly = { [`${CONFIG_NAMESPACE}:${keys.id}`]: SENTINELS[vendor].accessKeyId };
    const idError = await attempt("create with only a key id", "fails", async () => (await providerWith(idOnly)).create(args));
    expect((idError as Error).message).toMatch(new RegExp(keys.secret));
    const secretOnly = { [`${CONFIG_NAMESPACE}:${keys.secret}`]: SENTINELS[vendor].secretAccessKey };
    const secretError = await attempt("create with only a secret", "fails", async () => (await providerWith(secretOnly)).create(args));
    expect((secretError as Error).message).toMatch(new RegExp(keys.id));
    const envOnlyId = { [CREDENTIAL_KEYS[vendor].env.id]: SENTINELS[vendor].accessKeyId };
    const envError = await attempt("check with only a key id in the environment", "fails", async () => (await providerWith({}, envOnlyId)).check({}, args));
    expect((envError as Error).message).toMatch(new RegExp(CREDENTIAL_KEYS[vendor].env.secret));
    const wrapped = { ...sentinelStackConfig(), [`${CONFIG_NAMESPACE}:${keys.token}`]: `${SENTINELS[vendor].securityToken.slice(0, 10)}\n${SENTINELS[vendor].securityToken.slice(10)}` };
    const wrappedError = await attempt("check with a token pasted over two lines", "fails", async () => (await providerWith(wrapped)).check({}, args));
    expect((wrappedError as Error).message).toMatch(new RegExp(`${keys.token} contains a line break`));
  });

  test("a lifecycle with credentials from the environment", async () => {
    const provider = await providerWith({}, sentinelEnv());
    const args = sentinelArgs(vendor, proxy.url, "from-env");
    const created = (await attempt("create (env)", "succeeds", () => provider.create(args))) as unknown as { id: string; outs: Record<string, unknown> };
    expect(created.id).toBe(`${vendor}:${args.region}:${args.bucket}:from-env`);
    const read = (await attempt("read (env)", "succeeds", () => provider.read(created.id, created.outs))) as { id: string };
    expect(read.id).toBe(created.id);
    await attempt("delete (env)", "succeeds", () => provider.delete(created.id, created.outs));
    expect(fake.admin.getInventoryXml(vendor, args.bucket as string, "from-env")).toBeUndefined();
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

/** Case-insensitive, and percent-encoded too: a lower-cased or URL-encoded token is still the token. */
function leaksIn(where: string, text: string, sentinels = sentinelStrings()): string[] {
  figures.add("secretScans");
  const lower = text.toLowerCase();
  return sentinels
    .filter(([value]) => lower.includes(value.toLowerCase()) || lower.includes(encodeURIComponent(value).toLowerCase()))
    .map(([, what]) => `${what} in ${where}`);
}

test("no sentinel appears, in any letter case, in outputs, state, check results, errors, observed exchanges or logs", () => {
  expect(artifacts.length).toBeGreaterThan(80);
  const leaks: string[] = [];
  for (const [where, value] of artifacts) leaks.push(...leaksIn(where, everything(value)));
  leaks.push(...leaksIn("captured output", output.text()));
  // The fake's own account list names the key ids it knows: only secrets and tokens are searched there.
  leaks.push(...leaksIn("the fake cloud's state dump", JSON.stringify(fake.admin.dump()), sentinelStrings().filter(([, what]) => !what.endsWith("key id"))));
  expect(leaks).toEqual([]);
});

test("what the service received, byte for byte: the secret nowhere, the token only in its header, the key id only in Authorization", () => {
  const sent = proxy.sent();
  expect(sent.length).toBeGreaterThan(10_000);
  // Lines that may carry a credential by design: the Authorization header (key id) and the security-token header.
  const allowed = /^(authorization|x-(oss|cos|obs|amz)-security-token): .*$/gim;
  for (const s of Object.values(SENTINELS)) expect(sent).toMatch(new RegExp(`^authorization: .*${s.accessKeyId}`, "im"));
  expect(leaksIn("what the service received (outside Authorization and the token header)", sent.replace(allowed, ""))).toEqual([]);
  const secrets = sentinelStrings().filter(([, what]) => what.endsWith("secret"));
  expect(leaksIn("what the service received (anywhere)", sent, secrets)).toEqual([]);
});

test("the scans are not vacuous: the echoed credentials reached the client, and the token reached the service", () => {
  const echoed = fake.admin.requests().filter((r) => r.fault !== undefined);
  expect(echoed.length).toBeGreaterThan(0);
  expect(artifacts.filter(([where]) => where.startsWith("read denied by a service echoing the credentials"))).toHaveLength(4 * VENDORS.length);
  for (const s of Object.values(SENTINELS)) expect(proxy.sent()).toContain(s.securityToken);
});
