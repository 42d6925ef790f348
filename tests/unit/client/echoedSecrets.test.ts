/**
 * Credentials never come back out of the provider, whatever the service answers: a bucket owner that is the token,
 * a configuration field holding the secret, an error message with the token lower-cased or percent-encoded. A
 * hostile loopback server answers with them; the client's results, the check's failures and every error are
 * searched for the sentinels in any letter case.
 */
import { createInventoryClient, type ClosableInventoryClient } from "../../../provider/client/createInventoryClient";
import { DIALECTS } from "../../../provider/dialects/dialectFor";
import { VENDORS, type Vendor } from "../../../provider/model/inventoryConfig";
import { checkInventory, newLiveCheckState } from "../../../provider/resource/check";
import { FULL, REFS } from "../dialects/configs";
import { startLoopbackServer, type LoopbackServer } from "../http/loopbackServer";
import { argsWith } from "../resource/validArgs";

/** Mixed case, so an echo in another case is a different string that must still be caught. */
const SENTINELS = { accessKeyId: "SentinelKeyId0042", secretAccessKey: "SentinelSecret-XyZ987654321", securityToken: "SentinelToken-AbCdEf123456" };
const CREDENTIALS = Object.fromEntries(VENDORS.map((v) => [v, SENTINELS]));

let server: LoopbackServer;
let client: ClosableInventoryClient;
beforeEach(async () => {
  server = await startLoopbackServer();
  client = createInventoryClient({ credentials: CREDENTIALS, retry: { maxAttempts: 1 } });
});
afterEach(async () => {
  await client.close();
  await server.close();
});

const noSentinel = (value: unknown) => {
  const text = JSON.stringify(value, (_k, v: unknown) => (v instanceof Error ? { message: v.message, stack: v.stack, cause: v.cause } : v)).toLowerCase();
  for (const s of Object.values(SENTINELS)) {
    expect(text).not.toContain(s.toLowerCase());
    expect(text).not.toContain(encodeURIComponent(s).toLowerCase());
  }
};

const ownerDocuments: Partial<Record<Vendor, (owner: string) => string>> = {
  oss: (owner) =>
    `<BucketInfo><Bucket><Location>oss-cn-hangzhou</Location><Name>photos</Name><Owner><ID>${owner}</ID><DisplayName>${owner}</DisplayName></Owner></Bucket></BucketInfo>`,
  obs: (owner) => `<AccessControlPolicy><Owner><ID>${owner}</ID></Owner><AccessControlList/></AccessControlPolicy>`,
};

describe.each(Object.keys(ownerDocuments).map((v) => [v as Vendor]))("%s: a bucket owner that is the token", (vendor) => {
  const answer = (owner: string) => (r: { url: string }) =>
    r.url.includes("location") ? { body: `<Location>cn-north-4</Location>` } : { body: ownerDocuments[vendor]!(owner) };

  test.each([["as sent", SENTINELS.securityToken], ["lower-cased", SENTINELS.securityToken.toLowerCase()]])("%s, is redacted from the look-up", async (_how, owner) => {
    server.handle(answer(owner));
    const info = await client.describeBucket({ ...REFS[vendor], endpoint: server.url });
    expect(info?.ownerId).toBe("<redacted>");
    noSentinel(info);
  });

  test("never reaches a preview failure", async () => {
    server.handle(answer(SENTINELS.securityToken.toUpperCase()));
    const other = vendor === "oss" ? { "destination.accountId": "2000000000000009", "destination.roleArn": "acs:ram::2000000000000009:role/r" } : {};
    const args = argsWith(vendor, { endpoint: server.url, ...other });
    const result = await checkInventory(args, { clientFor: () => client, ...newLiveCheckState() });
    noSentinel(result);
    if (vendor === "oss") expect(result.failures.map((f) => f.reason).join("\n")).toContain("<redacted>");
  });
});

describe.each(VENDORS.map((v) => [v]))("%s", (vendor) => {
  test("a configuration field holding a credential is redacted from what get and list return", async () => {
    const config = { ...FULL[vendor], destination: { ...FULL[vendor].destination, prefix: `${SENTINELS.securityToken.toLowerCase()}/` }, filter: { prefix: encodeURIComponent(SENTINELS.secretAccessKey) } };
    const body = DIALECTS[vendor].serializeInventory(config, REFS[vendor]);
    server.handle(() => ({ body }));
    const got = await client.getInventory({ ...REFS[vendor], endpoint: server.url }, FULL[vendor].id);
    expect(got?.destination.prefix).toBe("<redacted>/");
    expect(got?.filter?.prefix).toBe("<redacted>");
    noSentinel(got);
  });

  test.each([
    ["lower-cased", (s: string) => s.toLowerCase()],
    ["upper-cased", (s: string) => s.toUpperCase()],
    ["percent-encoded", (s: string) => encodeURIComponent(s)],
  ])("an error message with the credentials %s is redacted", async (_how, spell) => {
    const message = `token ${spell(SENTINELS.securityToken)} secret ${spell(SENTINELS.secretAccessKey)} key ${spell(SENTINELS.accessKeyId)}`;
    server.handle(() => ({ status: 403, body: `<Error><Code>AccessDenied</Code><Message>${message}</Message></Error>` }));
    const error = await client.getInventory({ ...REFS[vendor], endpoint: server.url }, "a").catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/token <redacted> secret <redacted> key <redacted>/);
    noSentinel(error);
  });
});
