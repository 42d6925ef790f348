/**
 * What one request makes the fake cloud do grows linearly with the request: four times the input, about four
 * times the work (a quadratic loop gives sixteen). Work is counted, not timed (tests/support/countArrayWork.ts):
 * before the fixes the schema reader copied its list on every repeated element (a 0.76 MB body of 40,000 `<Field>`
 * elements held the server for over a minute) and the seed check scanned the accounts for every bucket. Timings
 * of the worst requests are measured in bench/ (`fake-worst-request`).
 */
import { randomUUID } from "node:crypto";
import { FaultSet } from "../../fake/faults";
import { buildFakeRequest } from "../../fake/fakeRequest";
import type { FakeResponse } from "../../fake/fakeResponse";
import { handleCloudRequest, type CloudState } from "../../fake/handleCloudRequest";
import { RequestLog } from "../../fake/requestLog";
import { defaultSeed, validateSeed } from "../../fake/seed";
import { FakeStore } from "../../fake/store";
import { readWithSchema, type ElementSpec } from "../../fake/vendors/inventorySchema";
import type { XmlElement } from "../../fake/xml/xmlElement";
import { BUCKETS, configXml, idQuery, MAIN } from "../../integration/fake/support/fixtures";
import { signedRequest, type RawRequest, type Vendor } from "../../integration/fake/support/signedClient";
import { workGrowth } from "../../support/countArrayWork";

/** Linear work grows about 4× for 4× the input; allow up to 6× (sorting adds a log factor), far below 16×. */
const LINEAR = 6;

const leaf = (name: string, text: string): XmlElement => ({ name, text, children: [] });

describe("the counter itself", () => {
  it("tells a quadratic loop from a linear one", () => {
    const quadratic = (n: number) => Array.from({ length: n }).reduce<number[]>((list, _, i) => [...list, i], []);
    const linear = (n: number) => Array.from({ length: n }).map((_, i) => i);
    expect(workGrowth(quadratic, 200).ratio).toBeGreaterThan(12);
    expect(workGrowth(linear, 200).ratio).toBeLessThan(LINEAR);
  });
});

describe("work a request triggers is linear in its size", () => {
  it("the schema reader keeps repeated elements without copying the list per element", () => {
    const spec: ElementSpec = { name: "Root", children: [{ name: "Fields", children: [{ name: "Field", repeat: true }] }] };
    const read = (n: number) => {
      const fields = Array.from({ length: n }, (_, i) => leaf("Field", String(i)));
      return readWithSchema({ name: "Root", text: "", children: [{ name: "Fields", text: "", children: fields }] }, spec);
    };
    expect(workGrowth(read, 500).ratio).toBeLessThan(LINEAR);
    expect((read(3).Fields as { Field: string[] }).Field).toEqual(["0", "1", "2"]);
  });

  it("a seed is checked with one owner look-up per bucket", () => {
    const seedOf = (n: number) => ({
      accounts: Array.from({ length: n }, (_, i) => ({ vendor: "s3", accountId: String(1e11 + i), accessKeyId: `KEY${i}`, secretAccessKey: "s" })),
      // The last account owns the first bucket: a scan from the front would walk the whole list.
      buckets: Array.from({ length: n }, (_, i) => ({ vendor: "s3", name: `bucket-${i}`, region: "us-east-1", accountId: String(1e11 + n - 1 - i) })),
    });
    const seeds = new Map([500, 2000].map((n) => [n, seedOf(n)]));
    expect(workGrowth((n) => validateSeed(seeds.get(n)), 500).ratio).toBeLessThan(LINEAR);
  });

  describe.each(["oss", "cos", "obs", "s3"] as const)("%s: a whole PutInventory and GetInventory", (vendor) => {
    it("of n optional fields (signed, routed, parsed, checked, stored, rendered) grows linearly in n", async () => {
      const requests = new Map<number, RawRequest[]>();
      for (const n of [300, 1200]) requests.set(n, await putThenGet(vendor, n));
      const answers: Promise<FakeResponse>[] = [];
      const growth = workGrowth((n) => {
        const state = cloudState();
        for (const raw of requests.get(n) ?? []) answers.push(serveNow(raw, state));
      }, 300);
      expect((await Promise.all(answers)).map((a) => a.status)).toEqual([200, 200, 200, 200]);
      expect(growth.ratio).toBeLessThan(LINEAR);
    });
  });
});

function cloudState(): CloudState {
  const now = () => new Date();
  return { store: new FakeStore({ seed: defaultSeed(), now }), faults: new FaultSet(), log: new RequestLog(), now, newUuid: randomUUID, maxBodyBytes: 16 * 1024 * 1024 };
}

async function putThenGet(vendor: Vendor, fieldCount: number): Promise<RawRequest[]> {
  const xml = configXml(vendor, { id: "daily", fields: Array.from({ length: fieldCount }, () => "Size") });
  const base = { account: MAIN[vendor], bucket: BUCKETS[vendor].source, query: idQuery(vendor, "daily") };
  const headers: Record<string, string> = vendor === "obs" ? {} : { "content-type": "application/xml" };
  return [
    await signedRequest("http://127.0.0.1:9", { ...base, method: "PUT", headers, body: xml }),
    await signedRequest("http://127.0.0.1:9", { ...base, method: "GET" }),
  ];
}

/**
 * Runs the fake's whole request handler without the network. With no fault injected it awaits nothing, so all of
 * its work happens before it returns: inside the counter.
 */
function serveNow(raw: RawRequest, state: CloudState): Promise<FakeResponse> {
  const rawHeaders = Object.entries(raw.headers ?? {}).flat();
  return handleCloudRequest(buildFakeRequest("REQ", raw.method, raw.path, rawHeaders, Buffer.from(raw.body ?? "")), state);
}
