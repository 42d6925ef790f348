import { inventoryCalls } from "./support/inventoryCalls";
import { errorCode, sendRaw, type Vendor } from "./support/signedClient";
import { useFakeCloud } from "./support/startTestCloud";
import { parseXml } from "./support/xmlBody";

const cloud = useFakeCloud();
const api = (vendor: Vendor) => inventoryCalls(() => cloud.url, vendor);

describe("injected status faults answer with the vendor's error document", () => {
  it.each([
    ["oss", 500, "InternalError"],
    ["cos", 503, "SlowDown"],
    ["obs", 429, "TooManyRequests"],
    ["s3", 503, "SlowDown"],
  ] as const)("%s %i %s, for the given count only", async (vendor, status, code) => {
    cloud.fake.admin.injectFault({ match: { vendor, operation: "ListInventory" }, times: 2, action: { kind: "status", status, retryAfter: 3 } });
    for (let i = 0; i < 2; i++) {
      const res = await api(vendor).list();
      expect([res.status, errorCode(res.body), res.headers["retry-after"]]).toEqual([status, code, "3"]);
      expect(parseXml(res.body).Error).toHaveProperty("RequestId");
    }
    expect((await api(vendor).list()).status).toBe(200);
  });

  it("takes the code and message given, e.g. OBS 503 ServiceUnavailable", async () => {
    cloud.fake.admin.injectFault({ match: { vendor: "obs" }, action: { kind: "status", status: 503, code: "ServiceUnavailable", message: "try later" } });
    const res = await api("obs").list();
    expect([res.status, errorCode(res.body)]).toEqual([503, "ServiceUnavailable"]);
    expect(res.body).toContain("<Message>try later</Message>");
  });
});

describe("matching", () => {
  it("matches method, path and query patterns and leaves other requests alone", async () => {
    const { id } = cloud.fake.admin.injectFault({ match: { method: "PUT", query: "(^|&)inventory(&|=|$)", path: "^/$" }, times: "always", action: { kind: "status", status: 500 } });
    expect((await api("s3").put({ id: "daily" })).status).toBe(500);
    expect((await api("s3").put({ id: "daily" })).status).toBe(500);
    expect((await api("s3").list()).status).toBe(200);
    const logged = cloud.fake.admin.requests().map((r) => [r.method, r.status, r.fault]);
    expect(logged).toEqual([["PUT", 500, id], ["PUT", 500, id], ["GET", 200, undefined]]);
  });

  it("refuses a malformed rule", async () => {
    const res = await sendRaw(cloud.url, { method: "POST", path: "/__fake/faults", body: JSON.stringify({ action: { kind: "status", status: 200 } }) });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error).toContain("action.status");
  });
});

describe("delivery faults", () => {
  it("adds latency, then serves normally", async () => {
    const { id } = cloud.fake.admin.injectFault({ match: { vendor: "cos" }, action: { kind: "latency", ms: 50 } });
    expect((await api("cos").list()).status).toBe(200);
    expect(cloud.fake.admin.requests()[0].fault).toBe(id);
  });

  it("resets the connection before answering", async () => {
    cloud.fake.admin.injectFault({ match: { vendor: "oss" }, action: { kind: "reset" } });
    await expect(api("oss").list()).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect((await api("oss").list()).status).toBe(200);
  });

  it("resets the connection in the middle of the body", async () => {
    await api("s3").put({ id: "daily" });
    cloud.fake.admin.injectFault({ match: { operation: "GetInventory" }, action: { kind: "reset", when: "mid-body" } });
    await expect(api("s3").get("daily")).rejects.toThrow(/aborted|ECONNRESET|socket hang up/);
  });

  it("sends a truncated body under the full Content-Length", async () => {
    await api("s3").put({ id: "daily" });
    cloud.fake.admin.injectFault({ match: { operation: "GetInventory" }, action: { kind: "truncate", bytes: 20 } });
    await expect(api("s3").get("daily")).rejects.toThrow(/aborted|ECONNRESET|socket hang up/);
  });

  it("answers 200 carrying an error document", async () => {
    cloud.fake.admin.injectFault({ match: { vendor: "oss" }, action: { kind: "error-body-200", code: "InternalError" } });
    const res = await api("oss").list();
    expect([res.status, errorCode(res.body)]).toEqual([200, "InternalError"]);
  });

  it("lists and clears faults through the admin API", async () => {
    const { id } = cloud.fake.admin.injectFault({ match: { vendor: "oss" }, action: { kind: "status", status: 500 } });
    const listed = await sendRaw(cloud.url, { method: "GET", path: "/__fake/faults" });
    expect(JSON.parse(listed.body)).toEqual([expect.objectContaining({ id, hits: 0 })]);
    await sendRaw(cloud.url, { method: "DELETE", path: "/__fake/faults" });
    expect((await api("oss").list()).status).toBe(200);
  });
});

describe("waiting for the fake to be done", () => {
  it("admin.idle() resolves once a request held by a latency fault is answered: its log entry is then there", async () => {
    const { id } = cloud.fake.admin.injectFault({ match: { operation: "ListInventory" }, action: { kind: "latency", ms: 300 } });
    const answer = api("s3").list();
    while (cloud.fake.admin.inFlight() === 0) await new Promise((resolve) => setImmediate(resolve));
    expect(cloud.fake.admin.requests()).toEqual([]);
    await cloud.fake.admin.idle();
    expect([cloud.fake.admin.inFlight(), cloud.fake.admin.requests().map((r) => [r.operation, r.status, r.fault])]).toEqual([0, [["ListInventory", 200, id]]]);
    expect((await answer).status).toBe(200);
  });
});
