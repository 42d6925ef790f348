import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../../cli/fakeCloudCommand";
import { startFakeCloud } from "../../fake/index";
import { configXml, MAIN } from "./support/fixtures";
import { inventoryCalls } from "./support/inventoryCalls";
import { sendRaw, signedCall } from "./support/signedClient";

const VENDORS = ["oss", "cos", "obs", "s3"] as const;
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "fake-cloud-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("--data-dir", () => {
  it("keeps every configuration and object across a restart", async () => {
    const first = await startFakeCloud({ dataDir: dir });
    for (const vendor of VENDORS) {
      expect((await inventoryCalls(() => first.url, vendor).put({ id: `${vendor}-daily`, prefix: "a/" })).status).toBe(200);
    }
    const put = await signedCall(first.url, { account: MAIN.s3, method: "PUT", bucket: "reports", key: "kept.txt", body: "still here" });
    expect(put.status).toBe(200);
    await first.close();

    const second = await startFakeCloud({ dataDir: dir });
    try {
      for (const vendor of VENDORS) {
        const got = await inventoryCalls(() => second.url, vendor).get(`${vendor}-daily`);
        expect([vendor, got.status]).toEqual([vendor, 200]);
        expect(got.body).toContain(`<Id>${vendor}-daily</Id>`);
      }
      const object = await signedCall(second.url, { account: MAIN.s3, method: "GET", bucket: "reports", key: "kept.txt" });
      expect([object.status, object.body]).toEqual([200, "still here"]);
      second.admin.reset();
      expect((await inventoryCalls(() => second.url, "s3").get("s3-daily")).status).toBe(404);
    } finally {
      await second.close();
    }
  });

  it("without a data dir, a restart starts from the seed", async () => {
    const first = await startFakeCloud();
    await inventoryCalls(() => first.url, "s3").put({ id: "daily" });
    await first.close();
    const second = await startFakeCloud();
    expect((await inventoryCalls(() => second.url, "s3").get("daily")).status).toBe(404);
    await second.close();
  });
});

function runCli(args: string[]) {
  const child = spawn(process.execPath, [join(__dirname, "support/cliEntry.js"), "fake-cloud", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const firstLine = new Promise<string>((resolve, reject) => {
    child.stdout.on("data", () => {
      if (stdout.includes("\n")) resolve(stdout.slice(0, stdout.indexOf("\n")));
    });
    child.on("exit", () => reject(new Error(`exited before printing: ${stderr}`)));
  });
  firstLine.catch(() => undefined); // tests of failing starts never read it
  return { child, firstLine, exited, output: () => ({ stdout, stderr }) };
}

describe("bucket-inventory fake-cloud", () => {
  it("prints one JSON line with its URL, serves, and exits 0 on SIGTERM with its state flushed", async () => {
    const seedFile = join(dir, "seed.json");
    writeFileSync(seedFile, readFileSync(join(__dirname, "../../fake/defaultSeed.json")));
    const cli = runCli(["--port", "0", "--seed", seedFile, "--data-dir", join(dir, "data")]);
    const line = await cli.firstLine;
    const { url } = JSON.parse(line) as { url: string };
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await sendRaw(url, { method: "GET", path: "/__fake/health" })).status).toBe(200);
    const put = await sendRaw(url, { method: "PUT", path: "/__fake/inventories/obs/photos/daily", body: configXml("obs", { id: "daily" }) });
    expect(put.status).toBe(200);
    cli.child.kill("SIGTERM");
    expect(await cli.exited).toBe(0);
    expect(cli.output().stdout).toBe(`${line}\n`);
    expect(existsSync(join(dir, "data"))).toBe(true);
    const restarted = await startFakeCloud({ dataDir: join(dir, "data") });
    expect(restarted.admin.getInventoryXml("obs", "photos", "daily")).toContain("<Id>daily</Id>");
    await restarted.close();
  });

  it("--host beyond loopback is warned about on stderr; --allow-host names the admin API answers", async () => {
    const cli = runCli(["--port", "0", "--host", "0.0.0.0", "--allow-host", "fakecloud, other"]);
    const { url } = JSON.parse(await cli.firstLine) as { url: string };
    const port = new URL(url).port;
    const asked = (host: string) => sendRaw(`http://127.0.0.1:${port}`, { method: "GET", path: "/__fake/health", headers: { host } });
    expect([(await asked(`fakecloud:${port}`)).status, (await asked(`other:${port}`)).status, (await asked(`evil:${port}`)).status]).toEqual([200, 200, 403]);
    cli.child.kill("SIGTERM");
    expect(await cli.exited).toBe(0);
    expect(cli.output().stderr).toContain(`WARNING: the fake cloud listens on 0.0.0.0:${port}, beyond loopback.`);
  });

  it("answers 2 with a usage line for a bad port, and 1 for a seed that breaks the schema", async () => {
    const errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      expect(await run(["--port", "nope"])).toBe(2);
      expect(errors.mock.calls.join("\n")).toContain("--port");
      const seedFile = join(dir, "seed.json");
      writeFileSync(seedFile, JSON.stringify({ accounts: [], buckets: [{ vendor: "s3" }] }));
      expect(await run(["--port", "0", "--seed", seedFile])).toBe(1);
      expect(errors.mock.calls.join("\n")).toContain("buckets[0].name");
    } finally {
      errors.mockRestore();
    }
  });
});
