/**
 * A TCP proxy on loopback in front of the fake cloud that keeps every byte clients send through it: request lines,
 * every header and every body, exactly as they left the client. The secret scan searches it, so what reached "the
 * service" is checked in full, not only the method, path and query the fake's own log keeps.
 */
import { createServer, connect, type AddressInfo, type Socket } from "node:net";

export interface RecordingProxy {
  url: string;
  /** Everything sent through the proxy so far, as text. */
  sent(): string;
  close(): Promise<void>;
}

export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const { hostname, port } = new URL(target);
  const chunks: Buffer[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect({ host: hostname, port: Number(port) });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => undefined);
    }
    client.on("data", (chunk: Buffer) => chunks.push(Buffer.from(chunk)));
    client.pipe(upstream);
    upstream.pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port: own } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${own}`,
    sent: () => Buffer.concat(chunks).toString("utf8"),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
