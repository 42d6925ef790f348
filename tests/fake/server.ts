import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { buildFakeRequest, type FakeRequest } from "./fakeRequest";
import type { FakeResponse } from "./fakeResponse";
import { randomHexId } from "./randomIds";
import type { RequestTracker } from "./requestTracker";

export interface FakeServerOptions {
  /** Bodies above this are not buffered: the request is answered with the vendor's EntityTooLarge. */
  maxBodyBytes: number;
  handle(req: FakeRequest): Promise<FakeResponse>;
  /** Counts each request from its arrival until it is answered (or its connection is gone). */
  tracker?: RequestTracker;
}

/**
 * node:http around the fake: reads the body (bounded), hands a FakeRequest to the handler, writes the answer, and
 * carries out delivery faults (reset, truncation). Nothing a client sends can take it down: parse errors get a bare
 * 400, handler failures a 500, socket errors are ignored.
 */
export function createFakeServer(options: FakeServerOptions): Server {
  const server = createServer((req, res) => {
    options.tracker?.begin();
    void serveOne(req, res, options)
      .catch(() => {
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" }).end("fake cloud: internal error\n");
        else res.destroy();
      })
      .finally(() => options.tracker?.end());
  });
  server.on("clientError", (_error, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    else socket.destroy();
  });
  return server;
}

async function serveOne(req: IncomingMessage, res: ServerResponse, options: FakeServerOptions): Promise<void> {
  req.on("error", () => undefined);
  res.on("error", () => undefined);
  const { body, tooLarge } = await readBody(req, options.maxBodyBytes);
  const id = randomHexId(16);
  const fakeReq = buildFakeRequest(id, req.method ?? "GET", req.url ?? "/", req.rawHeaders, body);
  if (tooLarge) fakeReq.bodyTooLarge = true;
  const response = await options.handle(fakeReq);
  writeResponse(fakeReq, response, res);
}

function readBody(req: IncomingMessage, limit: number): Promise<{ body: Buffer; tooLarge: boolean }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      // Past the limit the rest is drained and dropped, so the client still gets an answer.
      if (!tooLarge) chunks.push(chunk);
    });
    const done = () => resolve({ body: tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks), tooLarge });
    req.on("end", done);
    req.on("error", done);
    req.on("close", done);
  });
}

function writeResponse(req: FakeRequest, response: FakeResponse, res: ServerResponse): void {
  if (response.reset) {
    res.socket?.destroy();
    return;
  }
  const body = response.body ?? Buffer.alloc(0);
  if (response.delivery && (req.method === "HEAD" || body.length === 0)) {
    // No body to cut (a PUT's or DELETE's answer): the request was carried out, and its answer is lost.
    const socket = res.socket;
    if (response.delivery.kind === "reset-mid-body" && socket && "resetAndDestroy" in socket) socket.resetAndDestroy();
    else socket?.destroy();
    return;
  }
  const headers = { ...response.headers };
  if (headers["content-length"] === undefined) headers["content-length"] = String(body.length);
  res.writeHead(response.status, headers);
  if (req.method === "HEAD" || body.length === 0) {
    res.end();
    return;
  }
  const delivery = response.delivery;
  if (!delivery) {
    res.end(body);
    return;
  }
  const half = Math.floor(body.length / 2);
  const cut = delivery.kind === "truncate" ? Math.min(delivery.bytes ?? half, body.length - 1) : half;
  res.write(body.subarray(0, Math.max(cut, 0)), () => {
    // The announced Content-Length is never reached: the client sees a cut (or reset) connection.
    setImmediate(() => {
      const socket = res.socket;
      if (delivery.kind === "reset-mid-body" && socket && "resetAndDestroy" in socket) socket.resetAndDestroy();
      else socket?.destroy();
    });
  });
}
