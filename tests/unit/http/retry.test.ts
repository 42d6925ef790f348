import { ConfigError, InvalidArgumentError, ProtocolError, ServerError, ThrottledError, TransportError } from "../../../provider/errors";
import { parseRetryAfter } from "../../../provider/http/parseRetryAfter";
import { DEFAULT_RETRY_POLICY, isRetryable, resolveRetryPolicy, retryDelayMs, withRetry } from "../../../provider/http/retry";

const policy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000, totalTimeoutMs: 10_000 };
const throttled = (retryAfterSeconds?: number) =>
  new ThrottledError({ vendorCode: "SlowDown", vendorMessage: "slow", status: 503, retryAfterSeconds });

/** A virtual clock: sleeping advances it, so total-time rules are tested without waiting. */
function virtualTime() {
  let t = 0;
  const waits: number[] = [];
  return {
    waits,
    hooks: {
      now: () => t,
      sleep: async (ms: number) => {
        waits.push(ms);
        t += ms;
      },
      random: () => 0.5,
    },
  };
}

function failing(errors: unknown[], result = "ok") {
  let calls = 0;
  const op = jest.fn(async () => {
    const e = errors[calls++];
    if (e) throw e;
    return result;
  });
  return op;
}

describe("withRetry", () => {
  test.each([
    ["throttling", throttled()],
    ["a 5xx", new ServerError({ vendorCode: "InternalError", vendorMessage: "", status: 500 })],
    ["a transport failure", new TransportError("reset")],
    ["an unreadable 200", new ProtocolError("cut", 200, undefined, { retryable: true })],
  ])("retries %s until it succeeds", async (_what, error) => {
    const time = virtualTime();
    const op = failing([error, error]);
    await expect(withRetry(op, policy, time.hooks)).resolves.toBe("ok");
    expect(op).toHaveBeenCalledTimes(3);
    expect(time.waits).toHaveLength(2);
  });

  test("fails at once on an error retrying cannot fix", async () => {
    const time = virtualTime();
    const error = new InvalidArgumentError({ vendorCode: "InvalidArgument", vendorMessage: "bad", status: 400 });
    const op = failing([error]);
    await expect(withRetry(op, policy, time.hooks)).rejects.toBe(error);
    expect(op).toHaveBeenCalledTimes(1);
    expect(time.waits).toEqual([]);
  });

  test("stops after maxAttempts and throws the last error", async () => {
    const time = virtualTime();
    const errors = [1, 2, 3, 4, 5].map(() => throttled());
    const op = failing(errors);
    await expect(withRetry(op, policy, time.hooks)).rejects.toBe(errors[3]);
    expect(op).toHaveBeenCalledTimes(4);
  });

  test("stops when the next wait would pass the total time budget", async () => {
    const time = virtualTime();
    const op = failing([throttled(3), throttled(3), throttled(3), throttled(3)]);
    await expect(withRetry(op, { ...policy, totalTimeoutMs: 7_000 }, time.hooks)).rejects.toBeInstanceOf(ThrottledError);
    expect(time.waits).toEqual([3_000, 3_000]);
  });

  test("waits at least what Retry-After says", async () => {
    const time = virtualTime();
    await withRetry(failing([throttled(2)]), policy, time.hooks);
    expect(time.waits).toEqual([2_000]);
  });

  test("does not retry an operation marked not idempotent", async () => {
    const time = virtualTime();
    const op = failing([new TransportError("reset")]);
    await expect(withRetry(op, policy, { ...time.hooks, idempotent: false })).rejects.toBeInstanceOf(TransportError);
    expect(op).toHaveBeenCalledTimes(1);
  });
});

describe("retryDelayMs", () => {
  test("grows exponentially with jitter between half and all of the ceiling, capped at maxDelayMs", () => {
    for (const [attempt, ceiling] of [[1, 100], [2, 200], [3, 400], [4, 800], [5, 1_000], [9, 1_000]]) {
      expect(retryDelayMs(attempt, policy, undefined, () => 0)).toBe(ceiling / 2);
      expect(retryDelayMs(attempt, policy, undefined, () => 0.999999)).toBeCloseTo(ceiling, 0);
    }
  });
});

describe("resolveRetryPolicy", () => {
  test("fills defaults and keeps what was given", () => {
    expect(resolveRetryPolicy()).toEqual(DEFAULT_RETRY_POLICY);
    expect(resolveRetryPolicy({ maxAttempts: 2, baseDelayMs: undefined })).toEqual({ ...DEFAULT_RETRY_POLICY, maxAttempts: 2 });
  });

  test.each([
    [{ maxAttempts: 0 }, /retry\.maxAttempts is 0/],
    [{ maxAttempts: 1.5 }, /retry\.maxAttempts/],
    [{ baseDelayMs: 500, maxDelayMs: 100 }, /retry\.maxDelayMs is 100: must be >= baseDelayMs/],
    [{ totalTimeoutMs: 0 }, /retry\.totalTimeoutMs/],
  ])("refuses %j with a ConfigError naming the field", (partial, message) => {
    expect(() => resolveRetryPolicy(partial)).toThrow(ConfigError);
    expect(() => resolveRetryPolicy(partial)).toThrow(message);
  });
});

describe("isRetryable and parseRetryAfter", () => {
  test("plain errors are not retryable", () => {
    expect(isRetryable(new Error("x"))).toBe(false);
    expect(isRetryable(new ProtocolError("wrong root"))).toBe(false);
  });

  test("reads delta-seconds and HTTP dates", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("7", now)).toBe(7);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:30 GMT", now)).toBe(30);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});
