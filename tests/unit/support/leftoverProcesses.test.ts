/**
 * The run's guard against leftover processes (tests/support/globalTeardown.ts): a process started with the run's
 * mark that outlived its parent (as a killed CLI's plugin hosts do) is found by its environment, named and killed,
 * and the run fails; with nothing left it passes.
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { RUN_VARIABLE } from "../../support/globalSetup";
import { failOnLeftovers } from "../../support/globalTeardown";
import { processesWith } from "../../support/markedProcesses";

const onLinux = process.platform === "linux" ? describe : describe.skip;

onLinux("leftover processes of a test run", () => {
  /** A shell that starts `sleep` in the background and exits: the sleep is orphaned, as a killed CLI's hosts are. */
  async function orphanSleep(run: string): Promise<void> {
    const shell = spawn("sh", ["-c", "sleep 60 & echo started"], { env: { ...process.env, [RUN_VARIABLE]: run }, stdio: ["ignore", "pipe", "ignore"] });
    await new Promise((resolve) => shell.once("exit", resolve));
    // The background child runs `sleep` once it has exec'd it (until then it is a copy of the shell).
    const deadline = Date.now() + 5_000;
    while (!processesWith(RUN_VARIABLE, run).some((p) => p.args === "sleep 60") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  }

  it("names the orphan by pid and command line, kills it and fails", async () => {
    const run = `test-${randomUUID()}`;
    await orphanSleep(run);
    const [orphan] = processesWith(RUN_VARIABLE, run);
    expect(orphan).toMatchObject({ args: "sleep 60" });
    await expect(failOnLeftovers(run, 200)).rejects.toThrow(new RegExp(`left 1 process\\(es\\) running .*\\n  pid ${orphan.pid} \\(parent \\d+, \\d+s old, in .*\\): sleep 60\\n`));
    expect(processesWith(RUN_VARIABLE, run)).toEqual([]);
  });

  it("passes when nothing the run started is left", async () => {
    const run = `test-${randomUUID()}`;
    const shell = spawn("sh", ["-c", "true"], { env: { ...process.env, [RUN_VARIABLE]: run }, stdio: "ignore" });
    await new Promise((resolve) => shell.once("exit", resolve));
    await expect(failOnLeftovers(run, 100)).resolves.toBeUndefined();
  });
});
