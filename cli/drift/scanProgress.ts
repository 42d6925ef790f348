/**
 * Progress on stderr for scans of more than a handful of buckets: one line when the scan starts, a line at most
 * once per interval while it runs, one when it ends. Plain lines (no cursor tricks), so CI logs read well too;
 * stdout keeps only the report.
 */
export const PROGRESS_THRESHOLD = 5;

export interface ProgressOptions {
  total: number;
  write(text: string): void;
  /** Milliseconds; defaults to Date.now. */
  now?: () => number;
  intervalMs?: number;
}

export interface ScanProgress {
  scanned(ok: boolean): void;
  finish(): void;
}

export function scanProgress(options: ProgressOptions): ScanProgress {
  const { total, write } = options;
  const now = options.now ?? Date.now;
  const interval = options.intervalMs ?? 1_000;
  if (total <= PROGRESS_THRESHOLD) return { scanned: () => undefined, finish: () => undefined };
  const started = now();
  let done = 0;
  let failed = 0;
  let lastLine = started;
  const line = () => `bucket-inventory drift: ${done}/${total} buckets scanned${failed ? ` (${failed} could not be)` : ""}`;
  write(`bucket-inventory drift: scanning ${total} buckets\n`);
  return {
    scanned(ok) {
      done++;
      if (!ok) failed++;
      if (done < total && now() - lastLine >= interval) {
        lastLine = now();
        write(`${line()}\n`);
      }
    },
    finish() {
      write(`${line()} in ${((now() - started) / 1000).toFixed(1)} s\n`);
    },
  };
}
