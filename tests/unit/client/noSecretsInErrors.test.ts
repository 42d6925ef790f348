import { createInventoryClient } from "../../../provider/client/createInventoryClient";
import { BucketInventoryError, ConfigError } from "../../../provider/errors";
import { VENDORS, type BucketRef, type Vendor } from "../../../provider/model/inventoryConfig";
import { FULL, REFS } from "../dialects/configs";
import { startLoopbackServer, type LoopbackServer, type Reply } from "../http/loopbackServer";

/** Sentinel credentials: if any of these (or a signature) shows up in an error, the test fails. */
const SENTINELS = {
  accessKeyId: "SENTINELACCESSKEYID",
  secretAccessKey: "SENTINEL-SECRET-ACCESS-KEY",
  securityToken: "SENTINEL-SECURITY-TOKEN-VALUE",
};
const CREDENTIALS = Object.fromEntries(VENDORS.map((v) => [v, SENTINELS]));

let server: LoopbackServer;
beforeEach(async () => {
  server = await startLoopbackServer();
});
afterEach(() => server.close());

/** Everything a user or a log could see of an error, cause chain included. */
function visible(error: unknown): string {
  const parts: string[] = [];
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const err = e as Error & Record<string, unknown>;
    parts.push(String(err.message), String(err.stack), JSON.stringify({ ...err }));
  }
  return parts.join("\n");
}

/** A hostile server that echoes every credential-bearing header it got back into the error document. */
function echoing(status: number): (r: { headers: Record<string, string> }) => Reply {
  return (r) => {
    const echoed = Object.entries(r.headers).map(([k, v]) => `${k}: ${v}`).join(" | ");
    const signature = /(?:Signature|q-signature)=([^,&\s]+)/.exec(r.headers.authorization)?.[1] ?? r.headers.authorization.split(":").pop();
    const message = `you sent ${echoed}; we expected a signature other than ${signature}`;
    const xml = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;");
    return { status, body: `<Error><Code>SignatureDoesNotMatch</Code><Message>${xml(message)}</Message><SignatureProvided>${xml(r.headers.authorization)}</SignatureProvided></Error>` };
  };
}

describe("no credential, signature or Authorization header in any error", () => {
  const ops = (ref: BucketRef, vendor: Vendor, client: ReturnType<typeof createInventoryClient>) => [
    client.putInventory(ref, FULL[vendor]),
    client.getInventory(ref, "0012"),
    client.listInventories(ref),
    client.deleteInventory(ref, "0012"),
    client.describeBucket(ref),
  ];

  test.each(VENDORS.map((v) => [v]))("%s: service errors echoing the request, transport failures and timeouts", async (vendor) => {
    const client = createInventoryClient({ credentials: CREDENTIALS, timeoutMs: 300, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 } });
    const ref = { ...REFS[vendor], endpoint: server.url };
    const signatures = new Set<string>();
    const signatureValue = (authorization: string) =>
      /(?:Signature|q-signature)=([^,&\s]+)/.exec(authorization)?.[1] ?? /^(?:OSS|OBS|AWS) [^:]+:(.+)$/.exec(authorization)?.[1] ?? authorization;
    for (const reply of [echoing(403), echoing(500), echoing(200), () => ({ action: "reset" as const }), () => ({ action: "hang" as const })]) {
      server.handle((r) => {
        signatures.add(r.headers.authorization);
        signatures.add(signatureValue(r.headers.authorization));
        return reply(r);
      });
      const outcomes = await Promise.all(ops(ref, vendor, client).map((p) => p.then(() => undefined, (e: unknown) => e)));
      // A 200 echo only fails the operations that read a body (get, list, describe); put and delete succeed.
      const errors = outcomes.filter((o) => o !== undefined);
      expect(errors.length).toBeGreaterThanOrEqual(3);
      for (const error of errors) {
        expect(error).toBeInstanceOf(BucketInventoryError);
        const text = visible(error);
        expect(text).not.toMatch(/SENTINEL/);
        for (const signature of signatures) expect(text).not.toContain(signature);
      }
    }
    await client.close();
    expect(signatures.size).toBeGreaterThan(0);
  });

  test("onExchange never sees headers", async () => {
    const seen: unknown[] = [];
    const client = createInventoryClient({ credentials: CREDENTIALS, onExchange: (req, res) => seen.push(req, res) });
    server.handle(() => ({ status: 204 }));
    await client.deleteInventory({ ...REFS.s3, endpoint: server.url }, "a");
    await client.close();
    expect(JSON.stringify(seen)).not.toMatch(/SENTINEL|authorization/i);
    expect(seen).toEqual([{ method: "DELETE", origin: server.url, path: "/photos/", query: [["inventory", ""], ["id", "a"]] }, { status: 204 }]);
  });

  test("a missing secret is reported by name, never by value", async () => {
    const client = createInventoryClient({ credentials: { oss: { accessKeyId: SENTINELS.accessKeyId, secretAccessKey: "" } } });
    const error = await client.getInventory({ ...REFS.oss, endpoint: server.url }, "a").catch((e: unknown) => e);
    await client.close();
    expect(error).toBeInstanceOf(ConfigError);
    expect(visible(error)).not.toMatch(/SENTINEL/);
    expect((error as Error).message).toMatch(/incomplete credentials for oss: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET/);
  });

  test("a token with a line break is refused by name before anything is sent, and nothing is retried", async () => {
    const client = createInventoryClient({ credentials: { s3: { accessKeyId: "id", secretAccessKey: "secret", securityToken: `${SENTINELS.accessKeyId}\nwrapped` } } });
    server.handle(() => ({ status: 200 }));
    const error = await client.getInventory({ ...REFS.s3, endpoint: server.url }, "a").catch((e: unknown) => e);
    await client.close();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/credentials\.s3\.securityToken contains a line break/);
    expect(visible(error)).not.toMatch(/SENTINEL/);
    expect(server.requests).toHaveLength(0);
  });
});
