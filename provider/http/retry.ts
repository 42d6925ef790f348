import { BucketInventoryError, ConfigError, ServiceError } from "../errors";
import type { RetryPolicy } from "../client/inventoryClient";

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = {
  maxAttempts: 4,
  baseDelayMs: 200,
  maxDelayMs: 5_000,
  totalTimeoutMs: 60_000,
};

/** Fills a partial policy with defaults and refuses values that would never retry sanely. */
export function resolveRetryPolicy(partial: Partial<RetryPolicy> = {}): RetryPolicy {
  const policy = { ...DEFAULT_RETRY_POLICY, ...stripUndefined(partial) };
  const rules: [keyof RetryPolicy, boolean, string][] = [
    ["maxAttempts", Number.isInteger(policy.maxAttempts) && policy.maxAttempts >= 1, "an integer >= 1"],
    ["baseDelayMs", policy.baseDelayMs >= 0, ">= 0"],
    ["maxDelayMs", policy.maxDelayMs >= policy.baseDelayMs, ">= baseDelayMs"],
    ["totalTimeoutMs", policy.totalTimeoutMs > 0, "> 0"],
  ];
  for (const [field, ok, rule] of rules) {
    if (!ok || Number.isNaN(policy[field])) throw new ConfigError(`retry.${field} is ${policy[field]}: must be ${rule}`);
  }
  return policy;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Throttling, 5xx, transport failures and unreadable 200s say so through `retryable`; nothing else is retried. */
export function isRetryable(error: unknown): boolean {
  return error instanceof BucketInventoryError && error.retryable;
}

/**
 * Exponential backoff with "equal jitter" (half fixed, half random, so attempts never bunch at zero), capped at
 * maxDelayMs; a Retry-After from the service is a floor.
 */
export function retryDelayMs(attempt: number, policy: RetryPolicy, error: unknown, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const delay = ceiling / 2 + (random() * ceiling) / 2;
  const after = error instanceof ServiceError ? error.retryAfterSeconds : undefined;
  return after !== undefined ? Math.max(delay, after * 1000) : delay;
}

export interface RetryHooks {
  /** Retry only operations that may be repeated safely (all four inventory operations are). Default true. */
  idempotent?: boolean;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  random?: () => number;
  /** Told before each wait; for logs and tests. */
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `operation` (which builds and signs afresh each time, so every attempt carries a fresh date) until it
 * succeeds, fails with something not worth retrying, runs out of attempts, or the next wait would pass the
 * total time budget. The last error is thrown as it is.
 */
export async function withRetry<T>(operation: (attempt: number) => Promise<T>, policy: RetryPolicy, hooks: RetryHooks = {}): Promise<T> {
  const now = hooks.now ?? Date.now;
  const sleep = hooks.sleep ?? realSleep;
  const start = now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      if (hooks.idempotent === false || !isRetryable(error) || attempt >= policy.maxAttempts) throw error;
      const delayMs = retryDelayMs(attempt, policy, error, hooks.random);
      if (now() - start + delayMs > policy.totalTimeoutMs) throw error;
      hooks.onRetry?.({ attempt, delayMs, error });
      await sleep(delayMs);
    }
  }
}
