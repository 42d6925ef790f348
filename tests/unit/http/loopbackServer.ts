import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** A request as the server received it. */
export interface Received {
  method: string;
  /** Path and query exactly as on the request line. */
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** What the server does with a request: answer, or misbehave the way networks do. */
export type Reply =
  | { status?: number; headers?: Record<string, string>; body?: string }
  | { action: "reset" }
  | { action: "hang" }
  | { action: "truncate"; status?: number; body: string; declaredLength: number };

export type Handler = (request: Received, index: number) => Reply | Promise<Reply>;

export interface LoopbackServer {
  url: string;
  requests: Received[];
  handle(handler: Handler): void;
  close(): Promise<void>;
}

function flat(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(", ") : v;
  return out;
}

async function respond(reply: Reply, res: ServerResponse, socket: Socket): Promise<void> {
  if ("action" in reply) {
    if (reply.action === "reset") socket.resetAndDestroy();
    if (reply.action === "truncate") {
      res.writeHead(reply.status ?? 200, { "content-length": String(reply.declaredLength), "content-type": "application/xml" });
      res.write(reply.body, () => socket.destroy());
    }
    return; // "hang": never answer; close() drops the connection.
  }
  const body = reply.body ?? "";
  res.writeHead(reply.status ?? 200, { "content-length": String(Buffer.byteLength(body)), ...reply.headers });
  res.end(body);
}

/** A node:http server on 127.0.0.1, port 0, that records every request and answers through a swappable handler. */
export async function startLoopbackServer(initial: Handler = () => ({ status: 200 })): Promise<LoopbackServer> {
  let handler = initial;
  const requests: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const received = { method: req.method ?? "", url: req.url ?? "", headers: flat(req), body: Buffer.concat(chunks).toString("utf8") };
      requests.push(received);
      Promise.resolve(handler(received, requests.length - 1))
        .then((reply) => respond(reply, res, req.socket))
        .catch(() => req.socket.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    handle: (next) => {
      handler = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
