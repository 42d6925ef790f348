/**
 * Captures everything the code under test could print or log while active: process.stdout/stderr writes, every
 * console method and process warnings. The captured text is what a CI log or a `pulumi up` transcript would hold.
 */
import { format } from "node:util";

export interface CapturedOutput {
  text(): string;
  restore(): void;
}

export function captureOutput(): CapturedOutput {
  const chunks: string[] = [];
  const restores: (() => void)[] = [];
  const replace = <T extends object, K extends keyof T>(target: T, key: K, make: (original: T[K]) => T[K]) => {
    const original = target[key];
    target[key] = make(original);
    restores.push(() => {
      target[key] = original;
    });
  };
  for (const stream of [process.stdout, process.stderr]) {
    replace(stream, "write", () => ((chunk: unknown) => {
      chunks.push(typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("utf8"));
      return true;
    }) as typeof stream.write);
  }
  for (const method of ["log", "info", "warn", "error", "debug", "trace"] as const) {
    replace(console, method, () => (...args: unknown[]) => {
      chunks.push(format(...args));
    });
  }
  replace(process, "emitWarning", () => ((warning: unknown, ...rest: unknown[]) => {
    chunks.push(format(warning, ...rest));
  }) as typeof process.emitWarning);
  return {
    text: () => chunks.join("\n"),
    restore: () => restores.splice(0).reverse().forEach((r) => r()),
  };
}
