/**
 * "Gone" is decided by the vendor's own not-found codes only, in the three places a wrong "gone" does harm: refresh
 * (read would drop the resource from state), destroy (delete would report success while the configuration stays)
 * and the create probe (create would put over a configuration the stack did not make). The real provider and the
 * real client run against a loopback server that answers as a gateway, a wrong endpoint or a sick service would.
 */
import { createInventoryClient } from "../../../provider/client/createInventoryClient";
import type { ClosableInventoryClient } from "../../../provider/client/createInventoryClient";
import { DIALECTS } from "../../../provider/dialects/dialectFor";
import { VENDORS, type Vendor } from "../../../provider/model/inventoryConfig";
import { createBucketInventoryProvider, type BucketInventoryProvider } from "../../../provider/resource/bucketInventoryProvider";
import { CONFIG_NAMESPACE, CREDENTIAL_KEYS } from "../../../provider/resource/credentials";
import { FULL, REFS } from "../dialects/configs";
import { startLoopbackServer, type LoopbackServer } from "../http/loopbackServer";

const REQUEST_ID: Record<Vendor, string> = { oss: "x-oss-request-id", cos: "x-cos-request-id", obs: "x-obs-request-id", s3: "x-amz-request-id" };
const NOT_FOUND: Record<Vendor, string> = { oss: "NoSuchInventory", cos: "NoSuchInventoryConfiguration", obs: "NoSuchInventoryConfiguration", s3: "NoSuchConfiguration" };
const errorDoc = (code: string) => `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>said ${code}</Message><RequestId>r1</RequestId></Error>`;

let server: LoopbackServer;
let provider: BucketInventoryProvider;
const clients: ClosableInventoryClient[] = [];

beforeEach(async () => {
  server = await startLoopbackServer();
  provider = createBucketInventoryProvider({
    env: {},
    createClient: (options) => {
      const client = createInventoryClient({ ...options, timeoutMs: 2_000, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 } });
      clients.push(client);
      return client;
    },
    lifecycle: { readBack: { attempts: 1, delayMs: 1 } },
  });
  const stack: Record<string, string> = {};
  for (const v of VENDORS) {
    stack[`${CONFIG_NAMESPACE}:${CREDENTIAL_KEYS[v].config.id}`] = `${v.toUpperCase()}KEYID`;
    stack[`${CONFIG_NAMESPACE}:${CREDENTIAL_KEYS[v].config.secret}`] = `${v}-secret-value`;
  }
  await provider.configure({ config: { get: (key: string) => stack[key] } });
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await server.close();
});

function args(vendor: Vendor): Record<string, unknown> {
  const { id, ...config } = FULL[vendor];
  return { vendor, region: REFS[vendor].region, bucket: REFS[vendor].bucket, inventoryId: id, endpoint: server.url, ...config };
}
const idOf = (vendor: Vendor) => `${vendor}:${REFS[vendor].region}:${REFS[vendor].bucket}:${FULL[vendor].id}`;

/** Answers that mean "not there", as the vendor sends them. */
const gone = (vendor: Vendor): [string, Answer][] => [
  [`${NOT_FOUND[vendor]} 404`, { status: 404, headers: { [REQUEST_ID[vendor]]: "r1" }, body: errorDoc(NOT_FOUND[vendor]) }],
  ["NoSuchBucket 404", { status: 404, headers: { [REQUEST_ID[vendor]]: "r1" }, body: errorDoc("NoSuchBucket") }],
];

/**
 * Answers that do not say "not there", with what the error must say about them. A DELETE answered 2xx, whatever
 * its body, is the service's success, so the garbled 200 is not a failure for destroy.
 */
type Answer = { status?: number; headers?: Record<string, string>; body?: string };
const notGone = (vendor: Vendor): [string, Answer, RegExp][] => [
  ["an HTML 404 from a gateway", { status: 404, headers: { "content-type": "text/html", server: "nginx" }, body: "<html><body>404 Not Found</body></html>" }, /HTTP404 \(a 404 text\/html answer from server "nginx" without/],
  ["a 404 NoSuchKey", { status: 404, headers: { [REQUEST_ID[vendor]]: "r1" }, body: errorDoc("NoSuchKey") }, /NoSuchKey said NoSuchKey \(a 404 with code NoSuchKey is not one of/],
  ["a bodyless 404", { status: 404 }, /HTTP404 \(a 404 answer without/],
  ["a 503 on every attempt", { status: 503, body: errorDoc("ServiceUnavailable") }, /ServiceUnavailable said ServiceUnavailable/],
  ["a garbled 200", { status: 200, headers: { "content-type": "application/xml" }, body: "<InventoryConfiguration><Id>x</Id><Destin" }, /response body is not a readable XML document/],
  ["a 200 carrying the vendor's not-found document", { status: 200, body: errorDoc(NOT_FOUND[vendor]) }, /carried an error document/],
];

describe.each(VENDORS.map((v) => [v]))("%s", (vendor) => {
  test.each(gone(vendor))("%s: refresh drops the resource, destroy succeeds, create puts", async (_name, reply) => {
    server.handle((r) => (r.method === "PUT" ? { status: 200 } : r.method === "GET" && server.requests.some((p) => p.method === "PUT") ? { body: DIALECTS[vendor].serializeInventory(FULL[vendor], REFS[vendor]) } : reply));
    expect(await provider.read(idOf(vendor), args(vendor))).toEqual({ id: "" });
    await expect(provider.delete(idOf(vendor), args(vendor))).resolves.toBeUndefined();
    const created = await provider.create(args(vendor));
    expect(created.id).toBe(idOf(vendor));
    expect(server.requests.filter((r) => r.method === "PUT")).toHaveLength(1);
  });

  test.each(notGone(vendor))("%s: refresh, destroy and the create probe fail saying what answered; nothing is put", async (_name, reply, said) => {
    server.handle(() => reply);
    const read = await provider.read(idOf(vendor), args(vendor)).catch((e: unknown) => e);
    expect(read).toBeInstanceOf(Error);
    expect((read as Error).message).toMatch(new RegExp(`^reading bucket inventory ${idOf(vendor)}: `));
    expect((read as Error).message).toMatch(said);
    const deleted = await provider.delete(idOf(vendor), args(vendor)).catch((e: unknown) => e);
    if (reply.status === 200 && !reply.body?.includes("<Error>")) expect(deleted).toBeUndefined();
    else expect((deleted as Error).message).toMatch(new RegExp(`^deleting bucket inventory ${idOf(vendor)}: `));
    const created = await provider.create(args(vendor)).catch((e: unknown) => e);
    expect(created).toBeInstanceOf(Error);
    expect((created as Error).message).toMatch(new RegExp(`^creating bucket inventory ${idOf(vendor)}: `));
    expect(server.requests.filter((r) => r.method === "PUT")).toEqual([]);
  });
});
