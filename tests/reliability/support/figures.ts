/**
 * Counts what a reliability suite did (faults injected, operations that survived them, inputs fuzzed, configurations
 * lost) and writes them, when the suite ends, to `<system temp>/bucket-inventory-reliability/<suite>.json` (or
 * $RELIABILITY_FIGURES_DIR; never into the repository). `node tests/reliability/support/printFigures.js` adds the files up for
 * docs/reliability.md. Counting never decides a test's outcome.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export type FigureName =
  | "faultsInjected"
  | "operationsUnderFault"
  | "operationsSurvived"
  | "operationsFailedTyped"
  | "stateChecks"
  | "configsLost"
  | "configsLeftNoneAndSaidSo"
  | "inputsFuzzed"
  | "inputsRefused"
  | "hostileRequests"
  | "secretScans"
  | "parallelCreates";

export function figuresDir(): string {
  return process.env.RELIABILITY_FIGURES_DIR ?? join(tmpdir(), "bucket-inventory-reliability");
}

export class Figures {
  private readonly counts: Partial<Record<FigureName, number>> = {};

  constructor(private readonly suite: string) {}

  add(name: FigureName, n = 1): void {
    this.counts[name] = (this.counts[name] ?? 0) + n;
  }

  get(name: FigureName): number {
    return this.counts[name] ?? 0;
  }

  /** Call from afterAll. */
  write(): void {
    const dir = figuresDir();
    mkdirSync(dir, { recursive: true });
    const body = { suite: this.suite, writtenAt: new Date().toISOString(), counts: this.counts };
    writeFileSync(join(dir, `${this.suite}.json`), `${JSON.stringify(body, null, 2)}\n`);
  }
}
