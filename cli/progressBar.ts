/**
 * A one-line progress display on stderr for large reports (a few lines of our own rather than a dependency):
 * bytes read of the total, rows, rows per second; redrawn at most five times a second, erased at the end.
 */
export class ProgressBar {
  private total = 0;
  private bytes = 0;
  private rows = 0;
  private readonly started = Date.now();
  private lastDraw = 0;
  private drawn = false;

  constructor(private readonly write: (text: string) => void, private readonly label: string) {}

  start(totalBytes: number): void {
    this.total = totalBytes;
  }

  addBytes(count: number): void {
    this.bytes += count;
    this.maybeDraw();
  }

  addRow(): void {
    this.rows += 1;
    if ((this.rows & 0x3fff) === 0) this.maybeDraw();
  }

  finish(): void {
    if (this.drawn) this.write("\r\x1b[2K");
  }

  private maybeDraw(): void {
    const now = Date.now();
    if (now - this.lastDraw < 200) return;
    this.lastDraw = now;
    this.drawn = true;
    const fraction = this.total > 0 ? Math.min(1, this.bytes / this.total) : 0;
    const width = 24;
    const filled = Math.round(fraction * width);
    const rate = Math.round(this.rows / Math.max(0.001, (now - this.started) / 1000));
    this.write(
      `\r\x1b[2K${this.label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${Math.floor(fraction * 100)}% ` +
        `${mib(this.bytes)}/${mib(this.total)} MiB, ${this.rows.toLocaleString("en-US")} rows, ${rate.toLocaleString("en-US")} rows/s`,
    );
  }
}

const mib = (bytes: number) => (bytes / 1048576).toFixed(1);
