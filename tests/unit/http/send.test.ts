import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { ProtocolError, TransportError } from "../../../provider/errors";
import type { HttpRequest } from "../../../provider/http/httpTypes";
import { requestUrl } from "../../../provider/http/requestUrl";
import { createHttpAgent, send } from "../../../provider/http/send";
import { startLoopbackServer, type LoopbackServer } from "./loopbackServer";

let server: LoopbackServer;
const agent = createHttpAgent(2_000);

beforeEach(async () => {
  server = await startLoopbackServer();
});
afterEach(() => server.close());
afterAll(() => agent.close());

function request(overrides: Partial<HttpRequest> = {}): HttpRequest {
  const host = new URL(server.url).host;
  return { method: "GET", origin: server.url, path: "/photos/", query: [["inventory", ""]], headers: { host }, ...overrides };
}

async function transportFailure(promise: Promise<unknown>): Promise<TransportError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(TransportError);
  return error as TransportError;
}

describe("send", () => {
  test("sends method, path, encoded query, headers and body, and returns status, lower-case headers and body", async () => {
    server.handle(() => ({ status: 201, headers: { "X-Oss-Request-Id": "r1" }, body: "<ok/>" }));
    const response = await send(
      request({ method: "PUT", query: [["inventory", ""], ["continuation-token", "tok/1+2 ="]], headers: { host: new URL(server.url).host, "content-md5": "abc" }, body: "<x/>" }),
      { timeoutMs: 2_000, dispatcher: agent },
    );
    expect(response).toMatchObject({ status: 201, body: "<ok/>" });
    expect(response.headers["x-oss-request-id"]).toBe("r1");
    expect(server.requests[0]).toMatchObject({ method: "PUT", url: "/photos/?inventory&continuation-token=tok%2F1%2B2%20%3D", body: "<x/>" });
    expect(server.requests[0].headers["content-md5"]).toBe("abc");
  });

  test("a HEAD response has an empty body", async () => {
    server.handle(() => ({ status: 200, headers: { "x-cos-bucket-region": "ap-guangzhou" } }));
    const response = await send(request({ method: "HEAD", query: [] }), { timeoutMs: 2_000, dispatcher: agent });
    expect(response).toMatchObject({ status: 200, body: "" });
    expect(response.headers["x-cos-bucket-region"]).toBe("ap-guangzhou");
  });

  test("a server that never answers fails with a TransportError naming the timeout", async () => {
    server.handle(() => ({ action: "hang" }));
    const quick = createHttpAgent(150);
    const error = await transportFailure(send(request(), { timeoutMs: 150, dispatcher: quick })).finally(() => quick.close());
    expect(error.message).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/photos\/: .*(timed out|no response headers)/);
    expect(error.retryable).toBe(true);
    expect(error.timedOut).toBe(true);
  });

  test("a reset connection fails with a TransportError that did not time out", async () => {
    server.handle(() => ({ action: "reset" }));
    const error = await transportFailure(send(request(), { timeoutMs: 2_000, dispatcher: agent }));
    expect(error.timedOut).toBe(false);
  });

  test("a body cut short of its Content-Length fails with a TransportError", async () => {
    server.handle(() => ({ action: "truncate", body: "<List><Item>", declaredLength: 500 }));
    await transportFailure(send(request(), { timeoutMs: 2_000, dispatcher: agent }));
  });

  test("a refused connection fails with a TransportError", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const origin = `http://127.0.0.1:${port}`;
    const error = await transportFailure(send({ ...request(), origin }, { timeoutMs: 2_000, dispatcher: agent }));
    expect(error.message).toMatch(/connection refused|ECONNREFUSED/);
  });

  test("a body over the size limit fails with a ProtocolError", async () => {
    server.handle(() => ({ body: "x".repeat(5_000) }));
    const error = await send(request(), { timeoutMs: 2_000, dispatcher: agent, maxBodyBytes: 1_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProtocolError);
    expect((error as Error).message).toMatch(/exceeds 1000 bytes/);
  });

  test("never puts a header value in a transport error", async () => {
    server.handle(() => ({ action: "reset" }));
    const secret = "OSS4-HMAC-SHA256 Credential=SENTINELKEYID/x,Signature=SENTINELSIGNATURE";
    const error = await transportFailure(send(request({ headers: { host: new URL(server.url).host, authorization: secret } }), { timeoutMs: 2_000, dispatcher: agent }));
    expect(`${error.message} ${error.stack}`).not.toMatch(/SENTINEL/);
  });
});

describe("requestUrl", () => {
  test("writes empty values as bare keys and encodes the rest per RFC 3986", () => {
    expect(requestUrl({ origin: "https://b.oss-cn-hangzhou.aliyuncs.com", path: "/", query: [["inventory", ""], ["inventoryId", "a b!*'()"]] })).toBe(
      "https://b.oss-cn-hangzhou.aliyuncs.com/?inventory&inventoryId=a%20b%21%2A%27%28%29",
    );
    expect(requestUrl({ origin: "http://h", path: "/b/", query: [] })).toBe("http://h/b/");
  });
});
