import { lockDataDir } from "./dataDirLock";
import type { BodyCodec } from "./objects/objectStoreJson";
import { StateBlobs } from "./stateBlobs";
import { readStateFile, removeTemporaryStateFiles, writeStateFile } from "./stateFile";

/**
 * A data dir: locked while a fake uses it, cleaned of what a killed one left (temporary files, blobs no saved state
 * names), the state file written atomically with a checksum, object bodies kept apart as blobs.
 */
export class StateDirectory {
  private constructor(
    private readonly dataDir: string,
    private readonly release: () => void,
    private readonly blobs: StateBlobs,
  ) {}

  static open(dataDir: string): StateDirectory {
    const release = lockDataDir(dataDir);
    try {
      removeTemporaryStateFiles(dataDir);
      return new StateDirectory(dataDir, release, new StateBlobs(dataDir));
    } catch (error) {
      release();
      throw error;
    }
  }

  /** The saved state, its object bodies read through `use`'s codec; undefined when the dir holds none yet. */
  load<T>(use: (state: unknown, objects: BodyCodec) => T): T | undefined {
    const state = readStateFile(this.dataDir);
    if (state === undefined) return undefined;
    const referenced = new Set<string>();
    const result = use(state, this.blobs.codec(referenced));
    this.blobs.keepOnly(referenced);
    return result;
  }

  /** Saves the state `build` makes, object bodies written as blobs through the codec it is given. */
  save(build: (objects: BodyCodec) => unknown): void {
    const referenced = new Set<string>();
    writeStateFile(this.dataDir, build(this.blobs.codec(referenced)));
    this.blobs.keepOnly(referenced);
  }

  close(): void {
    this.release();
  }
}
