/**
 * Provider warnings in tests. Under Pulumi's engine the provider's warnings go to the engine ("warning:" lines in
 * `pulumi preview`); a provider run in-process by a test has no engine, and would write each one to stderr, into
 * jest's output. Every test file sends them here instead (jest setupFiles: captureProviderWarnings.ts), where a
 * test that means to see them reads them.
 */
const lines: string[] = [];

export const providerWarnings = {
  /** Takes one "warning: ...\n" line, as the provider writes it. */
  record(line: string): void {
    lines.push(line.replace(/\n$/, ""));
  },
  /** The lines recorded since the last take() ("warning: ..."), removed from here. */
  take(): string[] {
    return lines.splice(0);
  },
};
