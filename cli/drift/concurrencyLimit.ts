/**
 * At most `limit` tasks at once; the rest wait in order. (p-limit does this, but its current versions are ES
 * modules only and this package is CommonJS; the few lines here are all the scan needs.)
 */
export type Limited = <T>(task: () => Promise<T>) => Promise<T>;

export function concurrencyLimit(limit: number): Limited {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`concurrency ${limit}: must be a whole number of at least 1`);
  let running = 0;
  const waiting: (() => void)[] = [];
  // A finished task hands its slot straight to the next in line, so no newcomer can slip in between.
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running < limit) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      release();
    }
  };
}
