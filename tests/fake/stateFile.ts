import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const FILE_NAME = "fake-cloud-state.json";
let writes = 0;

/** The persisted state in `dataDir`, or undefined when the directory holds none yet. */
export function readStateFile(dataDir: string): unknown {
  const path = join(dataDir, FILE_NAME);
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`fake cloud data dir ${dataDir}: ${FILE_NAME} is not valid JSON (${(error as Error).message})`);
  }
}

/** Writes to a temporary file beside the target, then renames: a reader never sees half a state. */
export function writeStateFile(dataDir: string, state: unknown): void {
  mkdirSync(dataDir, { recursive: true });
  const target = join(dataDir, FILE_NAME);
  const temp = `${target}.${process.pid}.${++writes}.tmp`;
  writeFileSync(temp, JSON.stringify(state));
  renameSync(temp, target);
}
