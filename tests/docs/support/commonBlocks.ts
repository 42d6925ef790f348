/**
 * The checks both documents' blocks share: `usage` (the synopsis is what the installed command prints for
 * --help) and `run` (an ES-module snippet compiles and runs in the consumer project).
 */
import { execFile } from "node:child_process";
import * as path from "node:path";
import seed from "../../fake/defaultSeed.json";
import type { ConsumerProject } from "../../support/consumerProject";
import { runModule } from "./consumerCode";
import { commandsOf, type DocBlock } from "./docBlocks";

/** The block's first command without `npx `, and the first line the installed command prints for `<sub> --help`. */
export async function usageLines(consumer: ConsumerProject, block: DocBlock): Promise<{ documented: string; printed: string }> {
  const documented = commandsOf(block)[0].replace(/^npx\s+/, "");
  const subcommand = documented.split(/\s+/)[1];
  const printed = await new Promise<string>((resolve, reject) =>
    execFile(process.execPath, [path.join(consumer.dir, "node_modules/.bin/bucket-inventory"), subcommand, "--help"], { cwd: consumer.dir }, (error, stdout) =>
      error ? reject(error) : resolve(stdout.split("\n")[0])),
  );
  return { documented: `usage: ${documented}`, printed };
}

/**
 * Compiles and runs a snippet that starts a fake cloud, in a folder holding the `seed.json` it names (the default
 * seed); the fake it leaves running is closed after it (`await fake.close()` appended). Diagnostics, if any.
 */
export async function runFakeCloudSnippet(consumer: ConsumerProject, block: DocBlock): Promise<string[]> {
  const name = `run-${path.basename(block.document, ".md")}-${block.line}`;
  const result = await runModule(consumer.dir, name, `${block.text}\nawait fake.close();\n`, { "seed.json": JSON.stringify(seed) });
  return result.diagnostics;
}
