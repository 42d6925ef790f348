import { FakeError } from "./errors";
import type { Vendor } from "./seed";
import { VENDOR_NAMES } from "./seed";

/** Which requests a fault hits; every field given must match. `path` and `query` are regular expressions. */
export interface FaultMatch {
  vendor?: Vendor;
  method?: string;
  /** Tested against the path as sent, e.g. "^/photos/". */
  path?: string;
  /** Tested against the raw query string, e.g. "(^|&)inventory(=|&|$)". */
  query?: string;
  bucket?: string;
  /** The operation the fake recognised, e.g. "PutInventory", "GetObject" (see the README). */
  operation?: string;
}

export type FaultAction =
  /** An error document in the vendor's shape (500 InternalError, 503 SlowDown, 429 TooManyRequests by default). */
  | { kind: "status"; status: number; code?: string; message?: string; retryAfter?: number }
  /** Only a delay; the request is then served normally. */
  | { kind: "latency"; ms: number }
  /** Close the connection: before answering, or after half the body. */
  | { kind: "reset"; when?: "before" | "mid-body" }
  /** Status 200 carrying the vendor's error document. */
  | { kind: "error-body-200"; code?: string; message?: string }
  /** The right headers (Content-Length included), then only part of the body. */
  | { kind: "truncate"; bytes?: number };

export interface FaultRule {
  match?: FaultMatch;
  /** How many matching requests it hits (default 1), or "always". */
  times?: number | "always";
  action: FaultAction;
  /** Added before any action (latency with a 503, say). */
  delayMs?: number;
}

export interface StoredFault extends FaultRule {
  id: string;
  /** Requests it has hit so far. */
  hits: number;
}

export interface FaultTarget {
  vendor: Vendor;
  method: string;
  path: string;
  query: string;
  bucket?: string;
  operation: string;
}

const DEFAULT_CODES: Record<number, [string, string]> = {
  500: ["InternalError", "We encountered an internal error. Please try again."],
  503: ["SlowDown", "Please reduce your request rate."],
  429: ["TooManyRequests", "Too many requests; please retry later."],
};

/** A stored rule with its expressions compiled once, when it is added, not on every request. */
interface ArmedFault {
  stored: StoredFault;
  path?: RegExp;
  query?: RegExp;
}

/** Faults injected through the admin API, matched in the order they were added; the first live match wins. */
export class FaultSet {
  private rules: ArmedFault[] = [];
  private nextId = 1;

  add(rule: FaultRule): StoredFault {
    checkRule(rule);
    const stored: StoredFault = { ...rule, id: `fault-${this.nextId++}`, hits: 0 };
    const m = rule.match ?? {};
    this.rules.push({
      stored,
      path: m.path === undefined ? undefined : new RegExp(m.path),
      query: m.query === undefined ? undefined : new RegExp(m.query),
    });
    return stored;
  }

  list(): StoredFault[] {
    return this.rules.map((r) => ({ ...r.stored }));
  }

  clear(): void {
    this.rules = [];
  }

  /** The rule hitting this request, counted; undefined when none does. */
  take(target: FaultTarget): StoredFault | undefined {
    const rule = this.rules.find((r) => isLive(r.stored) && matches(r, target))?.stored;
    if (rule) rule.hits += 1;
    return rule ? { ...rule } : undefined;
  }
}

/** The error an injected status answers with. */
export function faultError(action: { status?: number; code?: string; message?: string }, status: number): FakeError {
  const [code, message] = DEFAULT_CODES[status] ?? ["InjectedFault", `Fault injected by the fake cloud (status ${status}).`];
  return new FakeError(status, action.code ?? code, action.message ?? message);
}

function isLive(rule: StoredFault): boolean {
  return rule.times === "always" || rule.hits < (rule.times ?? 1);
}

function matches(rule: ArmedFault, t: FaultTarget): boolean {
  const m = rule.stored.match ?? {};
  if (m.vendor !== undefined && m.vendor !== t.vendor) return false;
  if (m.method !== undefined && m.method.toUpperCase() !== t.method) return false;
  if (m.bucket !== undefined && m.bucket !== t.bucket) return false;
  if (m.operation !== undefined && m.operation !== t.operation) return false;
  if (rule.path && !rule.path.test(t.path)) return false;
  if (rule.query && !rule.query.test(t.query)) return false;
  return true;
}

function checkRule(rule: FaultRule): void {
  const bad = (field: string, value: unknown, expected: string): never => {
    throw new Error(`fault ${field}: ${JSON.stringify(value)}: ${expected}`);
  };
  if (typeof rule !== "object" || rule === null || typeof rule.action !== "object" || rule.action === null) {
    bad("action", rule?.action, "must be an object with a kind");
  }
  const a = rule.action;
  if (a.kind === "status" && (!Number.isInteger(a.status) || a.status < 400 || a.status > 599)) {
    bad("action.status", a.status, "must be an integer 400-599");
  } else if (a.kind === "latency" && !(typeof a.ms === "number" && a.ms >= 0)) {
    bad("action.ms", a.ms, "must be a number >= 0");
  } else if (a.kind === "reset" && a.when !== undefined && a.when !== "before" && a.when !== "mid-body") {
    bad("action.when", a.when, 'must be "before" or "mid-body"');
  } else if (!["status", "latency", "reset", "error-body-200", "truncate"].includes(a.kind)) {
    bad("action.kind", a.kind, "must be status, latency, reset, error-body-200 or truncate");
  }
  const times = rule.times;
  if (times !== undefined && times !== "always" && !(Number.isInteger(times) && times > 0)) {
    bad("times", times, 'must be a positive integer or "always"');
  }
  const m = rule.match ?? {};
  if (m.vendor !== undefined && !VENDOR_NAMES.includes(m.vendor)) {
    bad("match.vendor", m.vendor, `must be one of ${VENDOR_NAMES.join(", ")}`);
  }
  for (const field of ["path", "query"] as const) {
    const source = m[field];
    if (source === undefined) continue;
    try {
      new RegExp(source);
    } catch {
      bad(`match.${field}`, source, "must be a valid regular expression");
    }
  }
  if (rule.delayMs !== undefined && !(typeof rule.delayMs === "number" && rule.delayMs >= 0)) {
    bad("delayMs", rule.delayMs, "must be a number >= 0");
  }
}
