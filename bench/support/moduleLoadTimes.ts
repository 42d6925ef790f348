/**
 * How long a fresh node process takes to load each module that the host's start-up and the provider's first call
 * depend on, each in its own process (so one module's load cannot warm another's). Explains where start-up goes.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Milliseconds to `require(specifier)` in a new node process started in `cwd`. */
export async function moduleLoadMs(cwd: string, specifier: string): Promise<number> {
  const script = `const t=performance.now();require(${JSON.stringify(specifier)});process.stdout.write(String(performance.now()-t))`;
  const { stdout } = await run(process.execPath, ["-e", script], { cwd, timeout: 60_000 });
  const value = Number(stdout.trim());
  if (!Number.isFinite(value)) throw new Error(`loading ${specifier} printed ${JSON.stringify(stdout.slice(0, 200))}`);
  return value;
}
