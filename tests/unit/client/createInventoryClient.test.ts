import { createInventoryClient, type ClosableInventoryClient } from "../../../provider/client/createInventoryClient";
import type { ClientOptions } from "../../../provider/client/inventoryClient";
import { DIALECTS } from "../../../provider/dialects/dialectFor";
import { ConfigError, ConflictError, InvalidArgumentError, ProtocolError, ThrottledError, TransportError } from "../../../provider/errors";
import { VENDORS, type BucketRef, type Vendor } from "../../../provider/model/inventoryConfig";
import { FULL, minimal, REFS } from "../dialects/configs";
import { startLoopbackServer, type LoopbackServer, type Received } from "../http/loopbackServer";

const CREDENTIALS: ClientOptions["credentials"] = Object.fromEntries(
  VENDORS.map((v) => [v, { accessKeyId: `${v.toUpperCase()}KEYID0001`, secretAccessKey: `${v}-secret-0001` }]),
);
const FAST_RETRY = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5, totalTimeoutMs: 10_000 };

let server: LoopbackServer;
let client: ClosableInventoryClient;
const attempts: (number | undefined)[] = [];

beforeEach(async () => {
  server = await startLoopbackServer();
  attempts.length = 0;
  client = createInventoryClient({ credentials: CREDENTIALS, retry: FAST_RETRY, timeoutMs: 2_000, onExchange: (_req, res) => attempts.push(res?.status) });
});
afterEach(async () => {
  await client.close();
  await server.close();
});

const refFor = (vendor: Vendor): BucketRef => ({ ...REFS[vendor], endpoint: server.url });
const errorXml = (code: string, message = `${code} happened`) => `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message><RequestId>rid-${code}</RequestId></Error>`;
const query = (r: Received) => new URL(r.url, "http://x").searchParams;
/** Each vendor's own "no such configuration" code. */
const NOT_FOUND: Record<Vendor, string> = { oss: "NoSuchInventory", cos: "NoSuchInventoryConfiguration", obs: "NoSuchInventoryConfiguration", s3: "NoSuchConfiguration" };
const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as Error);

function listBody(vendor: Vendor, ids: string[], nextToken?: string): string {
  const root = { oss: "ListInventoryConfigurationsResult", cos: "ListInventoryConfigurationResult", obs: "ListInventoryConfiguration", s3: "ListInventoryConfigurationsResult" }[vendor];
  const configs = ids.map((id) => DIALECTS[vendor].serializeInventory({ ...minimal(vendor), id }, REFS[vendor]).replace(/^<\?xml[^>]*>\s*/, ""));
  const more = nextToken ? `<IsTruncated>true</IsTruncated><NextContinuationToken>${nextToken}</NextContinuationToken>` : "<IsTruncated>false</IsTruncated>";
  return `<${root}>${configs.join("")}${more}</${root}>`;
}

describe.each(VENDORS.map((v) => [v]))("%s through the client", (vendor) => {
  test("put sends the serialized configuration, signed, path-style to the endpoint", async () => {
    await client.putInventory(refFor(vendor), FULL[vendor]);
    const [put] = server.requests;
    const idKey = vendor === "oss" ? "inventoryId" : "id";
    expect(put.method).toBe("PUT");
    expect(put.url).toBe(`/${REFS[vendor].bucket}/?inventory&${idKey}=0012`);
    expect(put.body).toBe(DIALECTS[vendor].serializeInventory(FULL[vendor], REFS[vendor]));
    expect(put.headers.authorization).toBeTruthy();
    expect(put.headers.host).toBe(new URL(server.url).host);
  });

  test("get reads the configuration back; a missing one or a missing bucket is undefined", async () => {
    const body = DIALECTS[vendor].serializeInventory(FULL[vendor], REFS[vendor]);
    server.handle((_r, i) => (i === 0 ? { body } : i === 1 ? { status: 404, body: errorXml("NoSuchBucket") } : { status: 404, body: errorXml(NOT_FOUND[vendor]) }));
    expect(await client.getInventory(refFor(vendor), "0012")).toStrictEqual(FULL[vendor]);
    expect(await client.getInventory(refFor(vendor), "0012")).toBeUndefined();
    expect(await client.getInventory(refFor(vendor), "0012")).toBeUndefined();
  });

  test("get and delete fail, once, on a 404 that is not the vendor's not-found (NoSuchKey, an HTML page)", async () => {
    server.handle((_r, i) => (i % 2 === 0 ? { status: 404, body: errorXml("NoSuchKey") } : { status: 404, headers: { "content-type": "text/html" }, body: "<html>Not Found</html>" }));
    for (const op of [() => client.getInventory(refFor(vendor), "0012"), () => client.getInventory(refFor(vendor), "0012"), () => client.deleteInventory(refFor(vendor), "0012")]) {
      const error = await failure(op());
      expect(error).toMatchObject({ code: "BI_ERR_SERVICE", status: 404, retryable: false });
      expect(error!.message).toMatch(/nothing is taken as gone/i);
    }
    expect(server.requests).toHaveLength(3);
  });

  test("delete is true when it deleted, false when it was already gone", async () => {
    server.handle((_r, i) => (i === 0 ? { status: 204 } : { status: 404, body: errorXml(NOT_FOUND[vendor]) }));
    expect(await client.deleteInventory(refFor(vendor), "0012")).toBe(true);
    expect(await client.deleteInventory(refFor(vendor), "0012")).toBe(false);
    expect(server.requests.map((r) => r.method)).toEqual(["DELETE", "DELETE"]);
  });

  test("a missing credential is a ConfigError naming the environment variables, and nothing is sent", async () => {
    const bare = createInventoryClient({ credentials: {} });
    const error = await failure(bare.getInventory(refFor(vendor), "a"));
    await bare.close();
    expect(error).toBeInstanceOf(ConfigError);
    const env = DIALECTS[vendor].credentialEnv;
    expect(error!.message).toContain(env.accessKeyId);
    expect(error!.message).toContain(env.secretAccessKey);
    expect(error!.message).toMatch(new RegExp(`^reading bucket inventory ${vendor}:`));
    expect(server.requests).toHaveLength(0);
  });
});

describe("list", () => {
  test.each(["oss", "cos", "s3"] as const)("%s follows continuation tokens through every page", async (vendor) => {
    server.handle((r) => {
      const token = query(r).get("continuation-token");
      if (token === null) return { body: listBody(vendor, ["a", "b"], "tok/1+2=") };
      if (token === "tok/1+2=") return { body: listBody(vendor, ["c"], "second") };
      return { body: listBody(vendor, ["d"]) };
    });
    const configs = await client.listInventories(refFor(vendor));
    expect(configs.map((c) => c.id)).toEqual(["a", "b", "c", "d"]);
    expect(server.requests.map((r) => query(r).get("continuation-token"))).toEqual([null, "tok/1+2=", "second"]);
    expect(server.requests[1].url).toContain("continuation-token=tok%2F1%2B2%3D");
  });

  test("OBS reads its single page", async () => {
    server.handle(() => ({ body: listBody("obs", ["a", "b"], "ignored") }));
    expect((await client.listInventories(refFor("obs"))).map((c) => c.id)).toEqual(["a", "b"]);
    expect(server.requests).toHaveLength(1);
  });

  test("a token that repeats is refused instead of looping", async () => {
    server.handle(() => ({ body: listBody("s3", ["a"], "same") }));
    const error = await failure(client.listInventories(refFor("s3")));
    expect(error).toBeInstanceOf(ProtocolError);
    expect(error!.message).toMatch(/same continuation token twice/);
  });

  test("a list on a missing bucket fails with NoSuchBucket", async () => {
    server.handle(() => ({ status: 404, body: errorXml("NoSuchBucket") }));
    expect(await failure(client.listInventories(refFor("oss")))).toMatchObject({ code: "BI_ERR_NOT_FOUND", vendorCode: "NoSuchBucket" });
  });
});

describe("retries", () => {
  const okGet = () => ({ body: DIALECTS.s3.serializeInventory(FULL.s3, REFS.s3) });

  test("503 SlowDown and 429 with Retry-After are retried until success", async () => {
    server.handle((_r, i) =>
      i === 0 ? { status: 503, body: errorXml("SlowDown") } : i === 1 ? { status: 429, headers: { "retry-after": "1" }, body: errorXml("TooManyRequests") } : okGet(),
    );
    expect(await client.getInventory(refFor("s3"), "0012")).toStrictEqual(FULL.s3);
    expect(attempts).toEqual([503, 429, 200]);
  });

  test.each([
    ["a reset connection", { action: "reset" as const }],
    ["a 200 carrying an error document", { body: errorXml("InternalError") }],
    ["a body cut short", { action: "truncate" as const, body: "<InventoryConfiguration><Id>00", declaredLength: 400 }],
    ["a truncated but complete-looking 200", { body: "<InventoryConfiguration><Id>0012</Id>" }],
    ["a 500 without a body", { status: 500 }],
  ])("%s is retried", async (_what, firstReply) => {
    server.handle((_r, i) => (i === 0 ? firstReply : okGet()));
    expect(await client.getInventory(refFor("s3"), "0012")).toStrictEqual(FULL.s3);
    expect(server.requests).toHaveLength(2);
  });

  test.each(["put", "delete"] as const)("a %s answered 200 with an error document is not taken for success: retried", async (op) => {
    server.handle((_r, i) => (i === 0 ? { body: errorXml("InternalError") } : { status: op === "put" ? 200 : 204 }));
    if (op === "put") await client.putInventory(refFor("cos"), FULL.cos);
    else expect(await client.deleteInventory(refFor("cos"), "0012")).toBe(true);
    expect(server.requests).toHaveLength(2);
  });

  test("a put answered 200 with an error document every time fails as a ProtocolError naming the code", async () => {
    server.handle(() => ({ body: errorXml("InternalError", "try later") }));
    const error = await failure(client.putInventory(refFor("s3"), FULL.s3));
    expect(error).toBeInstanceOf(ProtocolError);
    expect(error!.message).toContain("carried an error document: InternalError try later");
    expect(server.requests).toHaveLength(3);
  });

  test("a server that does not answer in time is retried", async () => {
    // Long enough for the second, answered request on a loaded machine; the first never answers.
    const quick = createInventoryClient({ credentials: CREDENTIALS, retry: FAST_RETRY, timeoutMs: 1_000 });
    server.handle((_r, i) => (i === 0 ? { action: "hang" } : okGet()));
    expect(await quick.getInventory(refFor("s3"), "0012")).toStrictEqual(FULL.s3);
    await quick.close();
    expect(server.requests).toHaveLength(2);
  });

  test("a non-retryable 400 fails at once, saying what was done to which resource", async () => {
    server.handle(() => ({ status: 400, headers: { "x-amz-request-id": "REQ400" }, body: errorXml("InvalidArgument", "bad prefix") }));
    const error = await failure(client.putInventory(refFor("s3"), FULL.s3));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error!.message).toBe("putting bucket inventory s3:us-east-1:photos:0012: InvalidArgument bad prefix (request id REQ400)");
    expect(server.requests).toHaveLength(1);
  });

  test("attempts run out: the last error is thrown after maxAttempts requests", async () => {
    server.handle(() => ({ status: 503, body: errorXml("SlowDown") }));
    expect(await failure(client.deleteInventory(refFor("obs"), "a"))).toBeInstanceOf(ThrottledError);
    expect(server.requests).toHaveLength(3);
  });

  test("transport failures that never end surface as a TransportError with context", async () => {
    server.handle(() => ({ action: "reset" }));
    const error = await failure(client.listInventories(refFor("cos")));
    expect(error).toBeInstanceOf(TransportError);
    expect(error!.message).toMatch(/^listing bucket inventories of cos:ap-guangzhou:photos-1250000000: GET http/);
    expect(attempts).toEqual([undefined, undefined, undefined]);
  });

  test("every attempt is signed afresh with the clock's time", async () => {
    let tick = Date.parse("2026-01-02T03:04:05Z");
    const ticking = createInventoryClient({ credentials: CREDENTIALS, retry: FAST_RETRY, now: () => new Date((tick += 1000)) });
    server.handle((_r, i) => (i === 0 ? { status: 503 } : { status: 204 }));
    await ticking.deleteInventory(refFor("oss"), "a");
    await ticking.close();
    const dates = server.requests.map((r) => r.headers["x-oss-date"]);
    expect(dates).toEqual(["20260102T030406Z", "20260102T030407Z"]);
    expect(server.requests[0].headers.authorization).not.toBe(server.requests[1].headers.authorization);
  });
});

describe("OSS put that may already have landed", () => {
  const config = FULL.oss;
  let stored: string | undefined;
  beforeEach(() => {
    stored = undefined;
  });

  test("a 409 after a lost response is success when the stored configuration is what we sent", async () => {
    server.handle((r, i) => {
      if (r.method === "PUT" && i === 0) {
        stored = r.body;
        return { action: "reset" };
      }
      if (r.method === "PUT") return { status: 409, body: errorXml("InventoryAlreadyExist") };
      return { body: stored! };
    });
    await client.putInventory(refFor("oss"), config);
    expect(server.requests.map((r) => r.method)).toEqual(["PUT", "PUT", "GET"]);
  });

  test("a 409 after a lost response is still a conflict when the stored configuration differs", async () => {
    server.handle((r, i) => {
      if (r.method === "PUT") return i === 0 ? { action: "reset" } : { status: 409, body: errorXml("InventoryAlreadyExist") };
      return { body: DIALECTS.oss.serializeInventory({ ...config, enabled: false }, REFS.oss) };
    });
    expect(await failure(client.putInventory(refFor("oss"), config))).toBeInstanceOf(ConflictError);
  });

  test("a 409 on the first attempt is a conflict, without a look", async () => {
    server.handle(() => ({ status: 409, headers: { "x-oss-request-id": "R409" }, body: errorXml("InventoryAlreadyExist").replace("</Error>", "<EC>0020-00000042</EC></Error>") }));
    const error = await failure(client.putInventory(refFor("oss"), config));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ vendorCode: "InventoryAlreadyExist", ec: "0020-00000042", requestId: "R409", status: 409 });
    expect(server.requests).toHaveLength(1);
  });

  test("a delete whose response was lost and that then finds nothing reports it deleted", async () => {
    server.handle((_r, i) => (i === 0 ? { action: "reset" } : { status: 404, body: errorXml("NoSuchInventory") }));
    expect(await client.deleteInventory(refFor("oss"), "a")).toBe(true);
  });
});

describe("what no retry can fix is tried once", () => {
  test("an https endpoint whose certificate is not trusted: one connection, a TransportError that says why", async () => {
    const tls = await startLoopbackServer(() => ({ body: "<x/>" }), { tls: true });
    let connections = 0;
    tls.onConnection(() => connections++);
    const once = createInventoryClient({ credentials: CREDENTIALS, retry: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 2 } });
    try {
      const error = await once.getInventory({ ...REFS.s3, endpoint: tls.url }, "a").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TransportError);
      expect((error as TransportError).retryable).toBe(false);
      expect((error as Error).message).toMatch(/^reading bucket inventory s3:us-east-1:photos:a: GET https:\/\/127\.0\.0\.1:\d+\/photos\/: the server's certificate is self-signed and not trusted/);
      expect(connections).toBe(1);
    } finally {
      await once.close();
      await tls.close();
    }
  });
});
