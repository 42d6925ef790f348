import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from "node:fs";
import { join, resolve } from "node:path";

const LOCK_NAME = "fake-cloud.lock";
/** Data dirs this process holds: a second fake in the same process is refused like one in another process. */
const held = new Set<string>();

/**
 * One fake cloud per data dir: two would overwrite each other's state, and a starting one removes the temporary
 * files a running one is writing. The lock file names the holder's pid; a lock whose process is gone (a `kill -9`)
 * is stale and taken over. Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_NAME);
  if (held.has(dir)) throw new Error(`fake cloud data dir ${dataDir} is in use by another fake cloud in this process; close it first`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, JSON.stringify({ pid: process.pid }));
      closeSync(fd);
      held.add(dir);
      return () => {
        held.delete(dir);
        rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pid = holderOf(path);
      if (pid !== undefined && pid !== process.pid && isAlive(pid)) {
        throw new Error(
          `fake cloud data dir ${dataDir} is in use by another fake cloud (pid ${pid}); stop it or use another data dir ` +
            `(if no such process is a fake cloud, delete ${path})`,
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new Error(`fake cloud data dir ${dataDir}: could not take the lock ${path}`);
}

function holderOf(path: string): number | undefined {
  try {
    const pid = (JSON.parse(readFileSync(path, "utf8")) as { pid?: unknown }).pid;
    return typeof pid === "number" && Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
