/**
 * The collector every check rule writes to. A failure names the property path users wrote ("destination.bucket"),
 * and its reason names the value and the rule: `"logs" is in cn-beijing, …; OSS requires the same region`.
 */
import { isUnknown } from "../model/unknownValue";

export interface CheckFailure {
  property: string;
  reason: string;
}

export class CheckFailures {
  readonly list: CheckFailure[] = [];

  add(property: string, reason: string): void {
    if (!this.list.some((f) => f.property === property && f.reason === reason)) this.list.push({ property, reason });
  }

  has(property: string): boolean {
    return this.list.some((f) => f.property === property || f.property.startsWith(`${property}.`));
  }
}

/** A value as failures quote it: strings in double quotes, numbers bare, long strings (and long objects) cut. */
export function quote(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
  if (value === undefined) return "undefined";
  const text = JSON.stringify(value) ?? typeof value;
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** A value said bare (a region name, as users write it), cut like `quote` so a hostile value cannot flood a message. */
export function bare(value: unknown): string {
  const text = typeof value === "string" ? value : quote(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** `"A", "B" or "C"`. */
export function oneOf(values: readonly string[]): string {
  const quoted = values.map((v) => JSON.stringify(v));
  return quoted.length <= 1 ? quoted.join("") : `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}`;
}

/** Known means: present and not the preview's unknown marker. */
export const known = (value: unknown): boolean => value !== undefined && value !== null && !isUnknown(value);

export const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** "an OSS", "an OBS", "an S3", "a COS": the article as the letters are spoken. */
export function article(label: string): string {
  return /^[AEFHILMNORSX]/.test(label) ? `an ${label}` : `a ${label}`;
}
