/**
 * Requests the server is still working on, from arrival to answer (delays and latency faults included), so a test
 * can wait for the fake to be done with everything it received instead of sleeping for a guessed while.
 */
export class RequestTracker {
  private inFlight = 0;
  private waiting: (() => void)[] = [];

  get count(): number {
    return this.inFlight;
  }

  begin(): void {
    this.inFlight += 1;
  }

  end(): void {
    this.inFlight -= 1;
    if (this.inFlight > 0) return;
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }

  /** Resolves once no request is in flight: at once when none is. */
  idle(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }
}
