/**
 * The demo without a Pulumi CLI: the same program and steps through the engine-protocol harness
 * (tests/engine/harness), which launches the dynamic provider host shipped in @pulumi/pulumi per operation and
 * drives it over gRPC as the engine does (docs/engine-harness.md says what it does and does not reproduce).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Engine } from "../../tests/engine/harness/engine";
import { printOperation } from "../../tests/engine/harness/planPrinter";
import { secret } from "../../tests/engine/harness/propertyValues";
import type { PropertyMap } from "../../tests/engine/harness/pulumiRpc";
import type { OperationResult } from "../../tests/engine/harness/steps";
import type { CliDemo } from "./cliDemo";
import { locate, makeDrift, say } from "./demoSteps";
import { showInventoryReport } from "./inventoryReport";

const STACK = "dev";

export async function harnessWalkthrough(demo: Omit<CliDemo, "pathEntries">): Promise<number> {
  const config: PropertyMap = { "bucket-inventory:endpoint": demo.fakeUrl };
  for (const [key, value] of demo.credentials) config[key] = secret(value);
  say("Stack config", `    bucket-inventory:endpoint: ${demo.fakeUrl}`, ...demo.credentials.map(([key]) => `    ${key}: [secret]`));
  const stateDir = path.join(demo.workRoot, "demo-state");
  fs.rmSync(path.join(stateDir, `${STACK}.json`), { force: true });
  const engine = await Engine.start({ projectRoot: demo.projectRoot, project: demo.projectName, stack: STACK, stateDir, config });
  try {
    return await walkthrough(engine, demo);
  } finally {
    await engine.close();
  }
}

async function walkthrough(engine: Engine, demo: Omit<CliDemo, "pathEntries">): Promise<number> {
  const program = { module: demo.main };
  const results: OperationResult[] = [];
  const show = (command: string, result: OperationResult) => {
    results.push(result);
    say(`$ ${command}`, printOperation(result, engine.stack));
  };
  show("pulumi preview --diff", await engine.preview(program));
  show("pulumi up", await engine.up(program));
  say("Outputs", ...engine.state.resources.map((r) => `    ${r.name}: resourceId ${JSON.stringify(r.outputs.resourceId)}`));
  show("pulumi refresh", await engine.refresh());

  const ossResource = engine.state.resources.find((r) => r.outputs.vendor === "oss");
  if (ossResource) {
    const { region, bucket, inventoryId } = ossResource.outputs as { region: string; bucket: string; inventoryId: string };
    const target = { url: demo.fakeUrl, credentials: demo.ossCredentials, region, source: bucket, inventoryId };
    say("Inventory run on the fake cloud", ...(await showInventoryReport(target)));
  }

  const review = await engine.preview({ module: demo.reviewProgram });
  say(
    "$ pulumi preview --diff   (a pull request adding three inventories, with mistakes: caught before merge)",
    printOperation(review, engine.stack),
  );
  if (review.ok) results.push({ ...review, ok: false, error: "the review preview should have refused the mistaken program" });

  const located = engine.state.resources.map((r) => locate(r.name, String(r.outputs.resourceId)));
  say("Drift: changes made outside Pulumi (fake cloud admin API)", ...(await makeDrift(demo.fakeUrl, located)));
  show("pulumi refresh", await engine.refresh());
  show("pulumi preview --diff   (what `pulumi up` would do to bring the program's configuration back)", await engine.preview(program));
  show("pulumi destroy", await engine.destroy());

  const failed = results.filter((r) => !r.ok);
  console.log(`\n${closingLine(failed, review)}`);
  return failed.length === 0 ? 0 : 1;
}

/** What happened, in one line: the review preview is meant to fail, so its failure is reported as intended. */
export function closingLine(failed: OperationResult[], review: OperationResult): string {
  if (failed.length > 0) return `${failed.length} step(s) went wrong: ${failed.map((r) => r.error).join("; ")}`;
  const caught = review.steps.reduce((n, step) => n + step.failures.length, 0);
  return `The review preview failed as intended (${caught} mistake(s) caught before merge, nothing written); every other step succeeded.`;
}
