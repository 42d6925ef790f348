"use strict";
/**
 * The fake cloud's floor (issue 13): a bare node:http server answering each request with the bytes the fake cloud
 * answered it with, recorded beforehand (status, headers, body, looked up by method and target). It reads the
 * request body to its end and does nothing else: no parsing, no signature, no state, no log.
 *
 *   node bench/floors/bareServer.js <answers.json>   prints {"url": "http://127.0.0.1:<port>"}
 *
 * answers.json: [{ "key": "<METHOD> <target>", "status": 200, "headers": {…}, "body": "<base64>" }, …]
 */
const fs = require("node:fs");
const http = require("node:http");

const answers = new Map();
for (const a of JSON.parse(fs.readFileSync(process.argv[2], "utf8"))) {
  answers.set(a.key, { status: a.status, headers: a.headers, body: Buffer.from(a.body, "base64") });
}
const missing = { status: 404, headers: { "content-length": "0" }, body: Buffer.alloc(0) };

const server = http.createServer((req, res) => {
  req.on("data", () => undefined);
  req.on("end", () => {
    const answer = answers.get(`${req.method} ${req.url}`) ?? missing;
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  });
});
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` })}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
