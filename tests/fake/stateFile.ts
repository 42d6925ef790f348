import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const STATE_FILE_NAME = "fake-cloud-state.json";
let writes = 0;

/**
 * The state file holds a header line naming its format, the SHA-256 and the length of the JSON that follows. It is
 * written to a temporary file and renamed into place, so a process killed while writing leaves the old state whole
 * (and a `*.tmp`, removed at the next start); a file cut short or damaged any other way fails its checksum and is
 * never loaded. A file of the first format (plain JSON) is still read.
 */
const HEADER = /^fake-cloud-state\/2 sha256=([0-9a-f]{64}) bytes=(\d+)$/;

/** The persisted state in `dataDir`, or undefined when the directory holds none yet. Throws on a damaged file. */
export function readStateFile(dataDir: string): unknown {
  const path = join(dataDir, STATE_FILE_NAME);
  if (!existsSync(path)) return undefined;
  const bytes = readFileSync(path);
  const damaged = (why: string) =>
    new Error(
      `fake cloud data dir ${dataDir}: ${STATE_FILE_NAME} is damaged (${why}); it was not loaded and is left as it is: ` +
        "move it away to start from the seed, or start with another data dir",
    );
  const text = bytes.toString("utf8");
  if (text.startsWith("{")) return parseJson(text, damaged);
  const newline = bytes.indexOf(0x0a);
  const header = HEADER.exec(bytes.subarray(0, Math.max(newline, 0)).toString("utf8"));
  if (newline < 0 || !header) throw damaged("its first line is not a fake-cloud-state/2 header");
  const body = bytes.subarray(newline + 1);
  if (body.length !== Number(header[2])) throw damaged(`${body.length} bytes of state where the header says ${header[2]}`);
  if (createHash("sha256").update(body).digest("hex") !== header[1]) throw damaged("its checksum does not match");
  return parseJson(body.toString("utf8"), damaged);
}

function parseJson(text: string, damaged: (why: string) => Error): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw damaged(`not valid JSON: ${(error as Error).message}`);
  }
}

/** Writes to a temporary file beside the target, then renames: a reader never sees half a state. */
export function writeStateFile(dataDir: string, state: unknown): void {
  mkdirSync(dataDir, { recursive: true });
  const target = join(dataDir, STATE_FILE_NAME);
  const temp = `${target}.${process.pid}.${++writes}.tmp`;
  const body = Buffer.from(JSON.stringify(state), "utf8");
  const header = `fake-cloud-state/2 sha256=${createHash("sha256").update(body).digest("hex")} bytes=${body.length}\n`;
  writeFileSync(temp, Buffer.concat([Buffer.from(header, "utf8"), body]));
  renameSync(temp, target);
}

/** Removes the temporary state files a killed process left behind (call with the data dir locked). */
export function removeTemporaryStateFiles(dataDir: string): string[] {
  if (!existsSync(dataDir)) return [];
  const left = readdirSync(dataDir).filter((name) => name.startsWith(`${STATE_FILE_NAME}.`) && name.endsWith(".tmp"));
  for (const name of left) rmSync(join(dataDir, name), { force: true });
  return left;
}
