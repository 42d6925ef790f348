/**
 * Runs `count` operations with `concurrency` of them in flight at any time (each worker starts the next as soon
 * as its previous one ends), and returns the process's CPU time and the wall time they took together.
 */
export interface BatchCost {
  ops: number;
  /** User + system CPU of this process over the batch, in µs. */
  cpuMicros: number;
  wallMs: number;
}

export async function inFlight(count: number, concurrency: number, operation: (index: number) => Promise<unknown>): Promise<BatchCost> {
  let next = 0;
  const worker = async () => {
    while (next < count) await operation(next++);
  };
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { ops: count, cpuMicros: cpu.user + cpu.system, wallMs };
}
