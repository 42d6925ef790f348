import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { BodyCodec } from "./objects/objectStoreJson";

const HASH_NAME = /^[0-9a-f]{64}$/;
let temps = 0;

/**
 * Object bodies of a data dir, one file per distinct body, named by its SHA-256 (`blobs/<sha256>`). Each body is
 * written once, when it first appears, so saving the state after a change costs its metadata, not every object
 * ever stored. Blobs are written before the state that names them and removed only after a state that no longer
 * names them is in place: whenever the process dies, the saved state finds every blob it names.
 */
export class StateBlobs {
  private readonly dir: string;
  private readonly present = new Set<string>();
  /** Each stored body's hash, computed once: bodies are never changed in place. */
  private readonly hashes = new WeakMap<Buffer, string>();

  constructor(dataDir: string) {
    this.dir = join(dataDir, "blobs");
    if (!existsSync(this.dir)) return;
    for (const name of readdirSync(this.dir)) {
      if (HASH_NAME.test(name)) this.present.add(name);
      else if (name.endsWith(".tmp")) rmSync(join(this.dir, name), { force: true });
    }
  }

  /** Writes bodies as blobs (those not on disk yet) and reads them back, checking each against its name. */
  codec(referenced: Set<string>): BodyCodec {
    return {
      write: (body) => {
        const name = this.store(body);
        referenced.add(name);
        return { blob: name };
      },
      read: (version) => {
        if (typeof version.body === "string") return Buffer.from(version.body, "base64");
        if (typeof version.blob !== "string" || !HASH_NAME.test(version.blob)) return undefined;
        referenced.add(version.blob);
        return this.read(version.blob);
      },
    };
  }

  /** Removes the blobs no saved state names (after a save, or at start: a body written just before a kill). */
  keepOnly(referenced: Set<string>): void {
    for (const name of [...this.present]) {
      if (referenced.has(name)) continue;
      rmSync(join(this.dir, name), { force: true });
      this.present.delete(name);
    }
  }

  private store(body: Buffer): string {
    let name = this.hashes.get(body);
    if (name === undefined) {
      name = createHash("sha256").update(body).digest("hex");
      this.hashes.set(body, name);
    }
    if (!this.present.has(name)) {
      mkdirSync(this.dir, { recursive: true });
      const temp = join(this.dir, `${name}.${process.pid}.${++temps}.tmp`);
      writeFileSync(temp, body);
      renameSync(temp, join(this.dir, name));
      this.present.add(name);
    }
    return name;
  }

  private read(name: string): Buffer {
    const path = join(this.dir, name);
    if (!this.present.has(name)) throw new Error(`blobs/${name} is missing`);
    const bytes = readFileSync(path);
    if (createHash("sha256").update(bytes).digest("hex") !== name) throw new Error(`blobs/${name} is damaged (its bytes do not match its name)`);
    this.hashes.set(bytes, name);
    return bytes;
  }
}
