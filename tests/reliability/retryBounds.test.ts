/**
 * The retry and timeout contract, counted at the fake cloud: every request has a timeout; attempts and total time
 * are bounded (also when set from stack config); Retry-After is honoured; throttling codes, 5xx and transport
 * failures are retried; errors retrying cannot fix (bad argument, access denied, conflict, limit, not found)
 * fail after exactly one request.
 */
import type { ClientOptions } from "../../provider/client/inventoryClient";
import { AccessDeniedError, BucketInventoryError, ConflictError, InvalidArgumentError, LimitExceededError, ThrottledError, TransportError } from "../../provider/errors";
import { VENDORS, type BucketRef, type Vendor } from "../../provider/model/inventoryConfig";
import type { FaultAction } from "../fake/index";
import { argsFor, newConfig, oldConfig } from "./support/cellConfigs";
import { startFaultCloud, type FaultCloud } from "./support/faultCloud";
import { Figures } from "./support/figures";

const figures = new Figures("retry-bounds");
let cloud: FaultCloud;
let nextCell = 0;

beforeAll(async () => {
  cloud = await startFaultCloud(200);
});
afterAll(async () => {
  figures.write();
  await cloud?.close();
});

type Op = "PutInventory" | "GetInventory" | "ListInventory" | "DeleteInventory" | "lookup";

/** A fresh bucket holding the old configuration, a fault on `op`, and a client with `options`. */
async function cell(vendor: Vendor, op: Op, action: FaultAction, options: Partial<ClientOptions> = {}) {
  const ref = cloud.ref(vendor, nextCell++);
  await cloud.client({ retry: { maxAttempts: 1 } }).putInventory(ref, oldConfig(vendor, "inv"));
  cloud.fake.admin.injectFault({ match: { bucket: ref.bucket, ...(op === "lookup" ? {} : { operation: op }) }, times: "always", action });
  figures.add("operationsUnderFault");
  return { ref, client: cloud.client({ retry: { baseDelayMs: 1, maxDelayMs: 5 }, ...options }) };
}

function run(client: ReturnType<typeof cloud.client>, ref: BucketRef, op: Op): Promise<unknown> {
  switch (op) {
    case "PutInventory":
      return client.putInventory(ref, newConfig(ref.vendor, "inv"));
    case "GetInventory":
      return client.getInventory(ref, "inv");
    case "ListInventory":
      return client.listInventories(ref);
    case "DeleteInventory":
      return client.deleteInventory(ref, "inv");
    case "lookup":
      return client.describeBucket(ref);
  }
}

/**
 * Requests the fake answered for the operation on the bucket (the set-up put excluded), once it has answered all it
 * received: a request still held by a latency fault is counted when that ends, not raced by a guessed sleep.
 */
async function requestsAt(ref: BucketRef, op: Op): Promise<number> {
  await cloud.fake.admin.idle();
  const seen = cloud.fake.admin.requests().filter((r) => r.bucket === ref.bucket && r.fault !== undefined);
  figures.add("faultsInjected", seen.length);
  return op === "lookup" ? seen.length : seen.filter((r) => r.operation === op).length;
}

/** The operation's error; counted as a typed failure under a fault when `underFault`. */
async function failure(promise: Promise<unknown>, underFault = true): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (underFault && error instanceof BucketInventoryError) figures.add("operationsFailedTyped");
    return error as Error;
  }
  throw new Error("expected the operation to fail");
}

const OPS: Op[] = ["PutInventory", "GetInventory", "ListInventory", "DeleteInventory", "lookup"];
const cases = VENDORS.flatMap((v) => OPS.map((op) => [v, op] as [Vendor, Op]));

describe("every request has a timeout", () => {
  // The timeout must leave a loaded machine time to deliver each request (150 ms once ended an attempt before the
  // fake had read it: 0 requests seen); the latency must outlast it by far, so every attempt times out.
  test.concurrent.each(cases)("%s %s against a service that never answers in time: a TransportError after exactly maxAttempts requests", async (vendor, op) => {
    const { ref, client } = await cell(vendor, op, { kind: "latency", ms: 2500 }, { timeoutMs: 600, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 } });
    const error = await failure(run(client, ref, op));
    expect(error).toBeInstanceOf(TransportError);
    expect(error.message).toMatch(/timed out after 600 ms/);
    expect(await requestsAt(ref, op)).toBe(2);
  });

  test.concurrent.each(VENDORS.map((v) => [v]))("%s: requestTimeoutMs and maxAttempts from stack config bound a resource read", async (vendor) => {
    const ref = cloud.ref(vendor, nextCell++);
    await cloud.client().putInventory(ref, oldConfig(vendor, "inv"));
    cloud.fake.admin.injectFault({ match: { bucket: ref.bucket }, times: "always", action: { kind: "latency", ms: 2500 } });
    figures.add("operationsUnderFault");
    const provider = await cloud.provider();
    const stack: Record<string, string> = { "bucket-inventory:requestTimeoutMs": "600", "bucket-inventory:maxAttempts": "3" };
    await provider.configure({ config: { get: (key) => stack[key] } });
    const id = `${vendor}:${ref.region}:${ref.bucket}:inv`;
    const error = await failure(provider.read(id, argsFor(ref, oldConfig(vendor, "inv"))));
    expect(error.message).toMatch(/^reading bucket inventory .*timed out after 600 ms/);
    expect(await requestsAt(ref, "GetInventory")).toBe(3);
  });
});

describe("attempts are bounded", () => {
  test.each(cases.flatMap(([v, op]) => [1, 3, 5].map((n) => [v, op, n] as [Vendor, Op, number])))(
    "%s %s under a 503 outage with maxAttempts %i: exactly that many requests, then ThrottledError",
    async (vendor, op, maxAttempts) => {
      const { ref, client } = await cell(vendor, op, { kind: "status", status: 503, code: "SlowDown" }, { retry: { maxAttempts, baseDelayMs: 1, maxDelayMs: 2 } });
      expect(await failure(run(client, ref, op))).toBeInstanceOf(ThrottledError);
      expect(await requestsAt(ref, op)).toBe(maxAttempts);
    },
  );
});

describe("total time is bounded and Retry-After is honoured", () => {
  test.each(VENDORS.map((v) => [v]))("%s: a Retry-After of 30 s beyond a 2 s budget gives up after one request, without waiting", async (vendor) => {
    const { ref, client } = await cell(vendor, "GetInventory", { kind: "status", status: 429, retryAfter: 30 }, { retry: { maxAttempts: 10, totalTimeoutMs: 2_000 } });
    const error = await failure(run(client, ref, "GetInventory"));
    expect(error).toBeInstanceOf(ThrottledError);
    expect((error as ThrottledError).retryAfterSeconds).toBe(30);
    expect(await requestsAt(ref, "GetInventory")).toBe(1);
  });

  test.concurrent.each(VENDORS.map((v) => [v]))("%s: Retry-After 1 s decides the wait: one request within a 0.9 s budget, two within 5 s", async (vendor) => {
    const action: FaultAction = { kind: "status", status: 429, retryAfter: 1 };
    const short = await cell(vendor, "GetInventory", action, { retry: { maxAttempts: 2, totalTimeoutMs: 900 } });
    await failure(run(short.client, short.ref, "GetInventory"));
    expect(await requestsAt(short.ref, "GetInventory")).toBe(1);
    const long = await cell(vendor, "GetInventory", action, { retry: { maxAttempts: 2, totalTimeoutMs: 5_000 } });
    await failure(run(long.client, long.ref, "GetInventory"));
    expect(await requestsAt(long.ref, "GetInventory")).toBe(2);
  });
});

describe("what is retried and what is not", () => {
  const retried: [string, FaultAction][] = [
    ["503 SlowDown", { kind: "status", status: 503, code: "SlowDown" }],
    ["503 ServiceUnavailable", { kind: "status", status: 503, code: "ServiceUnavailable" }],
    ["429 TooManyRequests", { kind: "status", status: 429, code: "TooManyRequests" }],
    ["400 RequestLimitExceeded", { kind: "status", status: 400, code: "RequestLimitExceeded" }],
    ["400 Throttling", { kind: "status", status: 400, code: "Throttling" }],
    ["500 InternalError", { kind: "status", status: 500, code: "InternalError" }],
    ["502 without a known code", { kind: "status", status: 502, code: "BadGateway" }],
    ["a reset connection", { kind: "reset" }],
  ];
  test.each(VENDORS.flatMap((v) => retried.map(([name, a]) => [v, name, a] as [Vendor, string, FaultAction])))(
    "%s: %s once is retried and the get succeeds",
    async (vendor, _name, action) => {
      const ref = cloud.ref(vendor, nextCell++);
      await cloud.client().putInventory(ref, oldConfig(vendor, "inv"));
      cloud.fake.admin.injectFault({ match: { bucket: ref.bucket, operation: "GetInventory" }, times: 1, action });
      const got = await cloud.client({ retry: { baseDelayMs: 1, maxDelayMs: 2 } }).getInventory(ref, "inv");
      figures.add("operationsUnderFault");
      figures.add("operationsSurvived");
      expect(got?.id).toBe("inv");
      expect(await requestsAt(ref, "GetInventory")).toBe(1);
    },
  );

  const refused: [string, FaultAction, new (...args: never[]) => Error][] = [
    ["400 InvalidArgument", { kind: "status", status: 400, code: "InvalidArgument" }, InvalidArgumentError],
    ["400 MalformedXML", { kind: "status", status: 400, code: "MalformedXML" }, InvalidArgumentError],
    ["403 AccessDenied", { kind: "status", status: 403, code: "AccessDenied" }, AccessDeniedError],
    ["403 SignatureDoesNotMatch", { kind: "status", status: 403, code: "SignatureDoesNotMatch" }, AccessDeniedError],
    ["409 a conflict", { kind: "status", status: 409, code: "InventoryAlreadyExist" }, ConflictError],
  ];
  test.each(VENDORS.flatMap((v) => refused.map(([name, a, cls]) => [v, name, a, cls] as [Vendor, string, FaultAction, typeof cls])))(
    "%s: %s fails at once: one request",
    async (vendor, _name, action, cls) => {
      const { ref, client } = await cell(vendor, "PutInventory", action);
      expect(await failure(run(client, ref, "PutInventory"))).toBeInstanceOf(cls);
      expect(await requestsAt(ref, "PutInventory")).toBe(1);
    },
  );

  test.each(VENDORS.map((v) => [v]))("%s: the service's own refusals (wrong region, wrong secret, missing id) are not retried", async (vendor) => {
    const ref = cloud.ref(vendor, nextCell++);
    const before = () => cloud.fake.admin.requests().filter((r) => r.bucket === ref.bucket).length;
    const client = cloud.client({ retry: { baseDelayMs: 1, maxDelayMs: 2 } });
    const far = { oss: "reports-beijing", cos: "reports-bj-1250000000", obs: "reports-shanghai", s3: "reports-eu" }[vendor];
    const config = oldConfig(vendor, "inv");
    const wrongRegion = { ...config, destination: { ...config.destination, bucket: far } };
    const start = before();
    expect(await failure(client.putInventory(ref, wrongRegion), false)).toBeInstanceOf(InvalidArgumentError);
    expect(before() - start).toBe(1);

    const badSecret = cloud.client({ credentials: { [vendor]: { ...cloud.credentials[vendor]!, secretAccessKey: "not-the-secret" } } });
    expect(await failure(badSecret.getInventory(ref, "inv"), false)).toBeInstanceOf(AccessDeniedError);
    expect(before() - start).toBe(2);

    expect(await client.getInventory(ref, "missing")).toBeUndefined();
    expect(before() - start).toBe(3);
  });

  test("OBS: the 11th configuration on a bucket fails at once with LimitExceededError", async () => {
    const ref = cloud.ref("obs", nextCell++);
    const client = cloud.client();
    for (let i = 0; i < 10; i++) {
      await client.putInventory(ref, { ...oldConfig("obs", `c${i}`), filter: { prefix: `p${i}/` } });
    }
    const seen = () => cloud.fake.admin.requests().filter((r) => r.bucket === ref.bucket).length;
    const start = seen();
    expect(await failure(client.putInventory(ref, { ...oldConfig("obs", "c10"), filter: { prefix: "p10/" } }), false)).toBeInstanceOf(LimitExceededError);
    expect(seen() - start).toBe(1);
  });
});
