/**
 * The progress display: on a terminal one status line rewritten in place (elapsed time, which measure of how
 * many, what it is doing, a bar); elsewhere (CI logs, pipes) plain lines, throttled, so a log stays readable.
 * Everything goes to stderr: stdout stays free for anything a caller wants to parse.
 */

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

const BAR_WIDTH = 16;
const PLAIN_THROTTLE_MS = 2000;

export class Progress {
  private readonly startedAt = Date.now();
  private measureIndex = 0;
  private measureTitle = "";
  private lastPlainLine = "";
  private lastPlainAt = 0;
  private statusShown = false;
  /** The current step as last drawn, without the clock: redrawn every second so the clock runs during long steps. */
  private lastStep?: string;
  private readonly ticker?: ReturnType<typeof setInterval>;

  constructor(
    private readonly total: number,
    private readonly stream: ProgressStream = process.stderr,
  ) {
    if (stream.isTTY) {
      this.ticker = setInterval(() => this.lastStep !== undefined && this.status(`${this.prefix()} ${this.lastStep}`), 1000);
      this.ticker.unref?.();
    }
  }

  /** Starts measure `index` (1-based) of `total`. */
  beginMeasure(index: number, title: string): void {
    this.measureIndex = index;
    this.measureTitle = title;
    this.line(`${this.prefix()} ${title}`);
  }

  /** What the current measure is doing; `done`/`total` draw a bar. Cheap to call often. */
  step(label: string, done?: number, total?: number): void {
    const bar = total ? ` ${drawBar(done ?? 0, total)} ${done ?? 0}/${total}` : "";
    // The measure's title has its own line (beginMeasure): the status line keeps its width for the step.
    const text = `${this.prefix()} ${label}${bar}`;
    if (this.stream.isTTY) {
      this.lastStep = `${label}${bar}`;
      return this.status(text);
    }
    const now = Date.now();
    const sameLabel = this.lastPlainLine === label;
    const finished = total !== undefined && done === total;
    if (sameLabel && !finished && now - this.lastPlainAt < PLAIN_THROTTLE_MS) return;
    this.lastPlainLine = label;
    this.lastPlainAt = now;
    this.stream.write(text + "\n");
  }

  /** A permanent line (a result, a warning) above the status line. */
  line(text: string): void {
    this.clearStatus();
    this.lastStep = undefined;
    this.stream.write(text + "\n");
  }

  endMeasure(summary: string): void {
    this.line(`${this.prefix()} ${this.measureTitle}: ${summary}`);
  }

  finish(summary: string): void {
    if (this.ticker) clearInterval(this.ticker);
    this.line(`[${clock(Date.now() - this.startedAt)}] ${summary}`);
  }

  elapsedMs(): number {
    return Date.now() - this.startedAt;
  }

  private prefix(): string {
    return `[${clock(Date.now() - this.startedAt)}] (${this.measureIndex}/${this.total})`;
  }

  private status(text: string): void {
    const columns = this.stream.columns && this.stream.columns > 20 ? this.stream.columns : 100;
    const width = columns - 1;
    this.stream.write(`\r\x1b[2K${text.length > width ? text.slice(0, width - 1) + "…" : text}`);
    this.statusShown = true;
  }

  private clearStatus(): void {
    if (this.statusShown) this.stream.write("\r\x1b[2K");
    this.statusShown = false;
  }
}

export function drawBar(done: number, total: number): string {
  const filled = total > 0 ? Math.max(0, Math.min(BAR_WIDTH, Math.round((done / total) * BAR_WIDTH))) : 0;
  return `[${"#".repeat(filled)}${".".repeat(BAR_WIDTH - filled)}]`;
}

/** m:ss */
export function clock(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}
