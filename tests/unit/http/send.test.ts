import { Agent, Dispatcher } from "undici";
import { ConfigError, ProtocolError, TransportError } from "../../../provider/errors";
import type { HttpRequest } from "../../../provider/http/httpTypes";
import { requestUrl } from "../../../provider/http/requestUrl";
import { createHttpAgent, send } from "../../../provider/http/send";
import { undiciAgent } from "../../../provider/http/undiciAgent";
import { LOOPBACK_CA, refusedOrigin, startLoopbackServer, type LoopbackServer } from "./loopbackServer";

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

  test("a refused connection fails with a retryable TransportError", async () => {
    const refused = await refusedOrigin();
    const error = await transportFailure(send({ ...request(), origin: refused.origin }, { timeoutMs: 2_000, dispatcher: agent })).finally(refused.release);
    expect(error.message).toMatch(/connection refused \(ECONNREFUSED\)/);
    expect(error.retryable).toBe(true);
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

/** A dispatcher that accepts every request and never answers, fails or listens to its abort signal. */
class DeafDispatcher extends Dispatcher {
  dispatched = 0;
  override dispatch(): boolean {
    this.dispatched++;
    return true;
  }
  override async close(): Promise<void> {}
  override async destroy(): Promise<void> {}
}

describe("send: what can never succeed, and what must end in time", () => {
  test.each([
    ["a line break", "tok\nen", /contains a line break/],
    ["a carriage return", "tok\ren", /contains a line break/],
    ["a NUL", "tok\u0000en", /contains a control character/],
    ["a non-ASCII character", "tok\u00e9n", /outside printable ASCII/],
  ])("a header value with %s is refused before anything is sent, naming the header, not the value", async (_what, value, reason) => {
    const error = await send(request({ headers: { host: new URL(server.url).host, "x-oss-security-token": `SENTINEL${value}` } }), { timeoutMs: 2_000, dispatcher: agent }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).retryable).toBe(false);
    expect((error as Error).message).toMatch(/header "x-oss-security-token" /);
    expect((error as Error).message).toMatch(reason);
    expect(`${(error as Error).message} ${(error as Error).stack}`).not.toMatch(/SENTINEL/);
    expect(server.requests).toHaveLength(0);
  });

  test("over https, a bad header is refused and the connection pool stays usable", async () => {
    const tls = await startLoopbackServer(() => ({ body: "ok" }), { tls: true });
    const trusting = new Agent({ connect: { ca: LOOPBACK_CA, timeout: 2_000 }, headersTimeout: 2_000, bodyTimeout: 2_000 });
    try {
      const host = new URL(tls.url).host;
      const bad = { method: "GET" as const, origin: tls.url, path: "/", query: [], headers: { host, "x-amz-security-token": "a\nb" } };
      for (let i = 0; i < 3; i++) {
        await expect(send(bad, { timeoutMs: 1_000, dispatcher: trusting })).rejects.toBeInstanceOf(ConfigError);
      }
      const good = await send({ ...bad, headers: { host } }, { timeoutMs: 2_000, dispatcher: trusting });
      expect(good).toMatchObject({ status: 200, body: "ok" });
      expect(tls.requests).toHaveLength(1);
    } finally {
      await trusting.close();
      await tls.close();
    }
  });

  test("an https server whose certificate is not trusted fails once, not retryable, saying why", async () => {
    const tls = await startLoopbackServer(() => ({ body: "ok" }), { tls: true });
    try {
      const error = await transportFailure(send({ ...request(), origin: tls.url, headers: { host: new URL(tls.url).host } }, { timeoutMs: 2_000, dispatcher: agent }));
      expect(error.retryable).toBe(false);
      expect(error.message).toMatch(/self-signed and not trusted \(DEPTH_ZERO_SELF_SIGNED_CERT\); not retried/);
    } finally {
      await tls.close();
    }
  });

  test("an https server that never answers times out like an http one", async () => {
    const tls = await startLoopbackServer(() => ({ action: "hang" }), { tls: true });
    const trusting = new Agent({ connect: { ca: LOOPBACK_CA, timeout: 150 }, headersTimeout: 150, bodyTimeout: 150 });
    try {
      const error = await transportFailure(send({ ...request(), origin: tls.url, headers: { host: new URL(tls.url).host } }, { timeoutMs: 150, dispatcher: trusting }));
      expect(error.timedOut).toBe(true);
      expect(error.retryable).toBe(true);
    } finally {
      await trusting.close();
      await tls.close();
    }
  });

  test("a dispatcher that never settles and ignores its abort signal still ends at the timeout", async () => {
    const deaf = new DeafDispatcher();
    const error = await transportFailure(send(request(), { timeoutMs: 100, dispatcher: deaf }));
    expect(deaf.dispatched).toBe(1);
    expect(error.timedOut).toBe(true);
    expect(error.message).toMatch(/timed out after 100 ms/);
  });

  test("a request undici refuses to build is not retryable", async () => {
    const error = await transportFailure(send(request({ method: "GET", body: "x", headers: { host: new URL(server.url).host, "content-length": "1", "transfer-encoding": "chunked" } }), { timeoutMs: 2_000, dispatcher: agent }));
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/not retried/);
  });
});

describe("undiciAgent", () => {
  test("is the very Agent class undici's package exports, loaded from its own module", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect(undiciAgent()).toBe(require("undici").Agent);
    expect(createHttpAgent(1_000)).toBeInstanceOf(Agent);
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
