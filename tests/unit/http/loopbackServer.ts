import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from "node:http";
import { createServer as createTlsServer } from "node:https";
import { connect, type AddressInfo, type Socket } from "node:net";
import { join } from "node:path";

/** The self-signed certificate the TLS server presents (fixtures/README.md); trust it with `ca` in a client. */
export const LOOPBACK_CA = readFileSync(join(__dirname, "fixtures", "loopback-cert.pem"), "utf8");
const LOOPBACK_KEY = readFileSync(join(__dirname, "fixtures", "loopback-key.pem"), "utf8");

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
  /** Called for each TCP connection accepted (before any TLS handshake or request). */
  onConnection(listener: () => void): void;
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

/**
 * A node:http server (or, with `tls`, https with the fixture certificate) on 127.0.0.1, port 0, that records every
 * request and answers through a swappable handler.
 */
export async function startLoopbackServer(initial: Handler = () => ({ status: 200 }), options: { tls?: boolean } = {}): Promise<LoopbackServer> {
  let handler = initial;
  const requests: Received[] = [];
  const listener: RequestListener = (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const received = { method: req.method ?? "", url: req.url ?? "", headers: flat(req), body: Buffer.concat(chunks).toString("utf8") };
      requests.push(received);
      Promise.resolve(handler(received, requests.length - 1))
        .then((reply) => respond(reply, res, req.socket))
        .catch(() => req.socket.destroy());
    });
  };
  const server = options.tls ? createTlsServer({ cert: LOOPBACK_CA, key: LOOPBACK_KEY }, listener) : createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.tls ? "https" : "http"}://127.0.0.1:${port}`,
    requests,
    handle: (next) => {
      handler = next;
    },
    onConnection: (listener) => {
      server.on("connection", listener);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * An origin nothing listens on, for as long as the returned `release` is not called: the local port of an open
 * client connection. The kernel keeps that port bound, so no other server can take it meanwhile (a port that was
 * merely closed can be reused by anyone at any moment), and a connection to it is refused.
 */
export async function refusedOrigin(): Promise<{ origin: string; release(): Promise<void> }> {
  const holder = await startLoopbackServer();
  const { port } = new URL(holder.url);
  const socket = connect({ host: "127.0.0.1", port: Number(port) });
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  const origin = `http://127.0.0.1:${socket.localPort}`;
  return {
    origin,
    release: async () => {
      socket.destroy();
      await holder.close();
    },
  };
}
