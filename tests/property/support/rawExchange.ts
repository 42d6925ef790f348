/**
 * Writes raw bytes to a loopback HTTP server and collects whatever comes back until the server closes the
 * connection or `waitMs` passes: for requests no HTTP client would send (broken request lines, bad framing,
 * binary junk in headers).
 */
import { connect } from "node:net";

export function rawExchange(url: string, bytes: string | Buffer, waitMs = 1_500): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = connect({ host: hostname, port: Number(port) });
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(Buffer.concat(chunks).toString("latin1"));
    };
    const timer = setTimeout(finish, waitMs);
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", finish);
    socket.on("close", finish);
    socket.on("connect", () => socket.write(bytes));
  });
}

/** The status code of a raw HTTP answer, or undefined when the server only closed the connection. */
export function rawStatus(answer: string): number | undefined {
  const m = /^HTTP\/1\.[01] (\d{3})/.exec(answer);
  return m ? Number(m[1]) : undefined;
}
