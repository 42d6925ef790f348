/**
 * The admin API has no authentication, so it answers the developer's tools and nothing else: not a web page they
 * open (cross-site forms and fetches carry Origin or Sec-Fetch-Site), not a DNS-rebinding page (its requests carry
 * its own name in Host), not a form body posing as JSON. And a fake bound beyond loopback says so, loudly.
 */
import { startFakeCloud } from "../../fake/index";
import { inventoryCalls } from "./support/inventoryCalls";
import { sendRaw } from "./support/signedClient";
import { useFakeCloud } from "./support/startTestCloud";

const cloud = useFakeCloud();
const port = () => new URL(cloud.url).port;
const adminCall = (method: string, route: string, headers: Record<string, string>, body?: string) =>
  sendRaw(cloud.url, { method, path: `/__fake/${route}`, headers: { host: `127.0.0.1:${port()}`, ...headers }, body });
const errorOf = (body: string) => (JSON.parse(body) as { error: string }).error;

async function withConfiguration(): Promise<void> {
  expect((await inventoryCalls(() => cloud.url, "s3").put({ id: "daily" })).status).toBe(200);
}
const stillThere = async () => (await inventoryCalls(() => cloud.url, "s3").get("daily")).status;

describe("requests a web page sends", () => {
  it("a cross-site text/plain POST to reset (a form on any page) is refused, and nothing is reset", async () => {
    await withConfiguration();
    const res = await adminCall("POST", "reset", { origin: "https://evil.example", "content-type": "text/plain" }, "x");
    expect(res.status).toBe(403);
    expect(errorOf(res.body)).toBe('admin requests from a browser page are refused (Origin: "https://evil.example"): the admin API answers tools, not web pages');
    expect(await stillThere()).toBe(200);
  });

  it("an Origin of the fake's own address is refused too: no page of ours ever calls the admin API", async () => {
    const res = await adminCall("POST", "faults", { origin: cloud.url, "content-type": "application/json" }, JSON.stringify({ action: { kind: "status", status: 503 } }));
    expect(res.status).toBe(403);
    expect(cloud.fake.admin.faults()).toEqual([]);
  });

  it.each(["cross-site", "same-site", "same-origin"])("Sec-Fetch-Site: %s is refused; none (typed in the address bar) is served", async (site) => {
    const refused = await adminCall("GET", "requests", { "sec-fetch-site": site });
    expect([refused.status, errorOf(refused.body)]).toEqual([403, expect.stringContaining(`(Sec-Fetch-Site: "${site}")`)]);
    expect((await adminCall("GET", "requests", { "sec-fetch-site": "none" })).status).toBe(200);
  });

  it.each(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"])(
    "a JSON route refuses a %s body (a form can send it without asking) with 415",
    async (type) => {
      const res = await adminCall("POST", "faults", { "content-type": type }, JSON.stringify({ action: { kind: "status", status: 503 } }));
      expect([res.status, errorOf(res.body)]).toEqual([415, expect.stringContaining("send the JSON as application/json (curl: --json)")]);
      expect(cloud.fake.admin.faults()).toEqual([]);
    },
  );

  it("application/json (with parameters) and no Content-Type at all are read", async () => {
    const rule = JSON.stringify({ action: { kind: "status", status: 503 } });
    expect((await adminCall("POST", "faults", { "content-type": "application/json; charset=utf-8" }, rule)).status).toBe(200);
    expect((await adminCall("POST", "faults", {}, rule)).status).toBe(200);
    expect(cloud.fake.admin.faults()).toHaveLength(2);
  });
});

describe("the Host an admin request names (DNS rebinding)", () => {
  it.each(["evil.example", "fakecloud", "127.0.0.1.nip.io"])("%s is refused, with how to allow a name", async (name) => {
    await withConfiguration();
    const res = await adminCall("POST", "reset", { host: `${name}:${port()}` });
    expect(res.status).toBe(403);
    expect(errorOf(res.body)).toBe(
      `admin requests addressed to "${name}" are refused: the Host must be localhost or an IP address (a name could be a DNS-rebinding page's); ` +
        "start the fake cloud with --allow-host <name> (allowedHosts) to accept that name",
    );
    expect(await stillThere()).toBe(200);
  });

  it.each(["localhost", "app.localhost", "127.0.0.1", "[::1]", "10.1.2.3"])("%s is served", async (name) => {
    expect((await adminCall("GET", "health", { host: `${name}:${port()}` })).status).toBe(200);
  });

  it("a name given in allowedHosts is served (a docker-compose service, say)", async () => {
    const fake = await startFakeCloud({ allowedHosts: ["FakeCloud"] });
    try {
      const res = await sendRaw(fake.url, { method: "GET", path: "/__fake/health", headers: { host: "fakecloud:4566" } });
      expect(res.status).toBe(200);
    } finally {
      await fake.close();
    }
  });

  it("the guard is the admin API's: the cloud API still answers vendor host names (photos.s3.us-east-1.amazonaws.com)", async () => {
    await withConfiguration();
    expect(await stillThere()).toBe(200);
  });
});

describe("binding beyond loopback", () => {
  it("warns loudly on stderr, naming the address and the risk; loopback binds say nothing", async () => {
    const written: string[] = [];
    const spy = jest.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
    try {
      const open = await startFakeCloud({ host: "0.0.0.0" });
      await open.close();
      const local = await startFakeCloud({ host: "127.0.0.1" });
      await local.close();
    } finally {
      spy.mockRestore();
    }
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/WARNING: the fake cloud listens on 0\.0\.0\.0:\d+, beyond loopback\./);
    expect(written[0]).toContain("no authentication");
    expect(written[0]).toContain("Use --host 127.0.0.1");
  });
});
