/**
 * `pulumi up`, `refresh` and `destroy` with credentials the service refuses (issue 12, item 10, at apply time):
 * create, read, update and delete each fail saying what they were doing, where the credentials came from (the
 * environment variables or the stack-config keys, never a value) and what the service answered (its code, message
 * and request id), on every vendor, for a wrong secret (SignatureDoesNotMatch) and an unknown key id
 * (InvalidAccessKeyId); nothing is changed on the bucket. A clock the service refuses is said as such.
 */
import type { BucketInventoryProvider } from "../../../provider/resource/bucketInventoryProvider";
import { createBucketInventoryProvider } from "../../../provider/resource/bucketInventoryProvider";
import type { Vendor } from "../../../provider/model/inventoryConfig";
import { CREDENTIAL_KEYS } from "../../../provider/resource/credentials";
import { fakeArgs, rejection, seedEnvironment, startHarness, VENDOR_LIST, type Harness } from "./fakeCloudSetup";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());
beforeEach(() => h.fake.admin.reset());

const WRONG_SECRET = "Wrong-Secret-0000-abcdef";
const UNKNOWN_ID = "NOSUCHKEYID00001";

async function providerWith(env: Record<string, string>, config: Record<string, string> = {}): Promise<BucketInventoryProvider> {
  const provider = createBucketInventoryProvider({ env, warn: () => undefined, lifecycle: { readBack: { attempts: 2, delayMs: 5 } } });
  await provider.configure({ config: { get: (key) => ({ "bucket-inventory:maxAttempts": "1", ...config })[key] } });
  return provider;
}

/** Every text an error carries: messages and stacks down its causes, and its own fields. */
function everything(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 10; e = (e as Error).cause, depth++) {
    parts.push(String((e as Error).message), String((e as Error).stack), JSON.stringify(e));
  }
  return parts.join("\n");
}

interface Source {
  name: string;
  code: string;
  provider(vendor: Vendor): Promise<BucketInventoryProvider>;
  origin(vendor: Vendor): string;
  secretBytes(vendor: Vendor): string[];
}

const SOURCES: Source[] = [
  {
    name: "a wrong secret in the environment",
    code: "SignatureDoesNotMatch",
    provider: (vendor) => providerWith({ ...seedEnvironment(), [CREDENTIAL_KEYS[vendor].env.secret]: WRONG_SECRET }),
    origin: (vendor) => `environment variables ${CREDENTIAL_KEYS[vendor].env.id} and ${CREDENTIAL_KEYS[vendor].env.secret}`,
    secretBytes: () => [WRONG_SECRET],
  },
  {
    name: "an unknown key id in stack config",
    code: "InvalidAccessKeyId",
    provider: (vendor) => {
      const keys = CREDENTIAL_KEYS[vendor].config;
      return providerWith({}, { [`bucket-inventory:${keys.id}`]: UNKNOWN_ID, [`bucket-inventory:${keys.secret}`]: WRONG_SECRET });
    },
    origin: (vendor) => `stack config bucket-inventory:${CREDENTIAL_KEYS[vendor].config.id} and bucket-inventory:${CREDENTIAL_KEYS[vendor].config.secret}`,
    secretBytes: () => [WRONG_SECRET],
  },
];

describe.each(SOURCES)("credentials the service refuses at apply time: $name", (source) => {
  it.each(VENDOR_LIST)("%s: create, read, update and delete each name the source and the service's answer, and change nothing", async (vendor) => {
    const { id, outs } = await (await providerWith(seedEnvironment())).create(fakeArgs(h.fake, vendor));
    const stored = () => h.fake.admin.dump().buckets.flatMap((b) => (b.vendor === vendor ? b.inventories : [])).sort();
    const before = stored();
    const refused = await source.provider(vendor);
    const weekly = { ...fakeArgs(h.fake, vendor), schedule: { frequency: "Weekly" } };
    const attempts: [string, string, () => Promise<unknown>][] = [
      ["creating", `${id.replace(/:daily$/, ":second")}`, () => refused.create(fakeArgs(h.fake, vendor, { inventoryId: "second" }))],
      ["reading", id, () => refused.read(id, outs)],
      ["updating", id, () => refused.update(id, outs, weekly)],
      ["deleting", id, () => refused.delete(id, outs)],
    ];
    for (const [doing, resourceId, attempt] of attempts) {
      const error = await rejection(attempt());
      const prefix = `${doing} bucket inventory ${resourceId}: the service refused the ${vendor} credentials (from ${source.origin(vendor)}): ${source.code} `;
      expect(error.message.slice(0, prefix.length)).toBe(prefix);
      expect(error.message).toMatch(/ \(request id [^)]+\)$/);
      for (const secret of source.secretBytes(vendor)) expect(everything(error)).not.toContain(secret);
    }
    expect(stored()).toEqual(before);
  });
});

it("a request time the service refuses (this machine's clock) is said as such, not blamed on the credentials", async () => {
  const { id, outs } = await (await providerWith(seedEnvironment())).create(fakeArgs(h.fake, "s3"));
  const skewed = { kind: "status", status: 403, code: "RequestTimeTooSkewed", message: "The difference between the request time and the current time is too large." } as const;
  h.fake.admin.injectFault({ match: { vendor: "s3" }, times: "always", action: skewed });
  const error = await rejection((await providerWith(seedEnvironment())).read(id, outs));
  expect(error.message).toMatch(/^reading bucket inventory s3:us-east-1:photos:daily: the service refused the time of requests signed on this machine \(set its clock right\): RequestTimeTooSkewed The difference /);
});
