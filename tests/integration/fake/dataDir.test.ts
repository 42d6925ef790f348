/**
 * A data dir survives its fake being killed: what a `kill -9` leaves (temporary files, blobs no saved state names, a
 * stale lock) is cleaned at the next start, and a state file that is not whole is never loaded. One fake per dir.
 * Object bodies are kept as blobs, written once: saving after a change does not rewrite every object ever stored.
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultSeed, startFakeCloud, type FakeCloud } from "../../fake/index";
import { FakeStore } from "../../fake/store";
import { MAIN } from "./support/fixtures";
import { inventoryCalls } from "./support/inventoryCalls";
import { signedCall } from "./support/signedClient";

const STATE = "fake-cloud-state.json";
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "fake-cloud-data-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const sha256 = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");
const putObject = (fake: FakeCloud, key: string, body: Buffer | string) =>
  signedCall(fake.url, { account: MAIN.s3, method: "PUT", bucket: "reports", key, body });
const getObject = (fake: FakeCloud, key: string) => signedCall(fake.url, { account: MAIN.s3, method: "GET", bucket: "reports", key });

it("after a kill -9, the next start removes the temporary files, unnamed blobs and stale lock, and loads the last state", async () => {
  const child = spawn(process.execPath, [join(__dirname, "support/cliEntry.js"), "fake-cloud", "--port", "0", "--data-dir", dir], { stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("\n")) resolve((JSON.parse(out.slice(0, out.indexOf("\n"))) as { url: string }).url);
    });
    child.on("exit", (code) => reject(new Error(`the fake cloud exited (${code}) before printing its URL`)));
  });
  expect((await inventoryCalls(() => url, "s3").put({ id: "daily" })).status).toBe(200);
  expect((await signedCall(url, { account: MAIN.s3, method: "PUT", bucket: "reports", key: "kept.txt", body: "still here" })).status).toBe(200);
  const exited = new Promise((resolve) => child.on("exit", resolve));
  child.kill("SIGKILL");
  await exited;
  expect(existsSync(join(dir, "fake-cloud.lock"))).toBe(true);
  // What a kill in the middle of a save leaves: half a state file, half a blob, a whole blob no state names yet.
  writeFileSync(join(dir, `${STATE}.${child.pid}.7.tmp`), readFileSync(join(dir, STATE)).subarray(0, 40));
  writeFileSync(join(dir, "blobs", `${sha256("x")}.${child.pid}.3.tmp`), "half");
  writeFileSync(join(dir, "blobs", sha256("orphan")), "orphan");

  const fake = await startFakeCloud({ dataDir: dir });
  try {
    expect((await inventoryCalls(() => fake.url, "s3").get("daily")).status).toBe(200);
    expect((await getObject(fake, "kept.txt")).body).toBe("still here");
    expect(readdirSync(dir).sort()).toEqual(["blobs", STATE, "fake-cloud.lock"].sort());
    expect(readdirSync(join(dir, "blobs"))).toEqual([sha256("still here")]);
    expect(JSON.parse(readFileSync(join(dir, "fake-cloud.lock"), "utf8"))).toEqual({ pid: process.pid });
  } finally {
    await fake.close();
  }
  expect(existsSync(join(dir, "fake-cloud.lock"))).toBe(false);
});

describe("a state file that is not whole is never loaded, and is left as it is", () => {
  async function savedState(): Promise<Buffer> {
    const fake = await startFakeCloud({ dataDir: dir });
    expect((await inventoryCalls(() => fake.url, "s3").put({ id: "daily" })).status).toBe(200);
    await fake.close();
    return readFileSync(join(dir, STATE));
  }

  it.each([
    ["cut short", (b: Buffer) => b.subarray(0, b.length - 10), /is damaged \(\d+ bytes of state where the header says \d+\)/],
    ["a byte changed", (b: Buffer) => Buffer.concat([b.subarray(0, b.length - 2), Buffer.from("x"), b.subarray(b.length - 1)]), /is damaged \(its checksum does not match\)/],
    ["its header gone", (b: Buffer) => b.subarray(b.indexOf(0x0a) + 1, b.length - 3), /is damaged \(not valid JSON/],
    ["empty", () => Buffer.alloc(0), /is damaged \(its first line is not a fake-cloud-state\/2 header\)/],
  ])("%s", async (_what, damage, message) => {
    const damaged = damage(await savedState());
    writeFileSync(join(dir, STATE), damaged);
    await expect(startFakeCloud({ dataDir: dir })).rejects.toThrow(message);
    await expect(startFakeCloud({ dataDir: dir })).rejects.toThrow("it was not loaded and is left as it is: move it away to start from the seed, or start with another data dir");
    expect(readFileSync(join(dir, STATE))).toEqual(damaged);
    expect(existsSync(join(dir, "fake-cloud.lock"))).toBe(false);
  });

  it("a blob that is missing or damaged fails the start, naming it", async () => {
    const fake = await startFakeCloud({ dataDir: dir });
    expect((await putObject(fake, "a.txt", "body a")).status).toBe(200);
    await fake.close();
    writeFileSync(join(dir, "blobs", sha256("body a")), "body b");
    await expect(startFakeCloud({ dataDir: dir })).rejects.toThrow(`blobs/${sha256("body a")} is damaged`);
  });
});

describe("one fake cloud per data dir", () => {
  it("a second fake in this process is refused until the first is closed", async () => {
    const first = await startFakeCloud({ dataDir: dir });
    await expect(startFakeCloud({ dataDir: dir })).rejects.toThrow(`fake cloud data dir ${dir} is in use by another fake cloud in this process; close it first`);
    await first.close();
    const second = await startFakeCloud({ dataDir: dir });
    await second.close();
  });

  it("a lock held by another live process is refused, naming its pid; a dead one's is taken over", async () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "fake-cloud.lock"), JSON.stringify({ pid: process.ppid }));
    await expect(startFakeCloud({ dataDir: dir })).rejects.toThrow(`is in use by another fake cloud (pid ${process.ppid})`);
    const gone = spawnSync(process.execPath, ["-e", ""]).pid;
    writeFileSync(join(dir, "fake-cloud.lock"), JSON.stringify({ pid: gone }));
    const fake = await startFakeCloud({ dataDir: dir });
    await fake.close();
  });
});

describe("object bodies are blobs", () => {
  it("the state file holds no body; equal bodies share a blob; a body no longer stored loses its blob", async () => {
    const big = Buffer.alloc(1024 * 1024, "a");
    const fake = await startFakeCloud({ dataDir: dir });
    try {
      for (const key of ["one", "two", "three"]) expect((await putObject(fake, key, big)).status).toBe(200);
      expect((await putObject(fake, "small", "small")).status).toBe(200);
      expect(statSync(join(dir, STATE)).size).toBeLessThan(20_000);
      expect(readdirSync(join(dir, "blobs")).sort()).toEqual([sha256(big), sha256("small")].sort());
      expect((await signedCall(fake.url, { account: MAIN.s3, method: "DELETE", bucket: "reports", key: "small" })).status).toBe(204);
      expect(readdirSync(join(dir, "blobs"))).toEqual([sha256(big)]);
    } finally {
      await fake.close();
    }
    const again = await startFakeCloud({ dataDir: dir });
    try {
      expect(sha256((await getObject(again, "two")).body)).toBe(sha256(big));
    } finally {
      await again.close();
    }
  });

  it("a state of the first format (bodies inline, plain JSON) is still loaded", async () => {
    const inMemory = new FakeStore({ seed: defaultSeed() });
    inMemory.objects.putObject("s3", "reports", "old.txt", Buffer.from("from format 1"));
    const firstFormat = inMemory.toJSON();
    expect(firstFormat.version).toBe(1);
    writeFileSync(join(dir, STATE), JSON.stringify(firstFormat));
    const loaded = await startFakeCloud({ dataDir: dir });
    try {
      expect((await getObject(loaded, "old.txt")).body).toBe("from format 1");
    } finally {
      await loaded.close();
    }
  });
});
