/**
 * Golden request snapshots: every operation of every vendor, virtual-hosted and with an endpoint override
 * (path-style), built and signed exactly as the client sends them, with a frozen clock and fixed credentials.
 * The signature itself is redacted; everything else (method, URL, sorted headers, body) is compared byte for byte
 * with the files beside this test, so a reviewer sees any change to what goes on the wire.
 *
 * Regenerate after an intended change:  UPDATE_GOLDEN=1 sh scripts/with-node22.sh npx jest tests/golden
 * then review the diff of tests/golden/*.txt.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { prepareRequest } from "../../provider/client/exchange";
import { signerFor } from "../../provider/client/signerFor";
import { DIALECTS } from "../../provider/dialects/dialectFor";
import type { HttpRequest } from "../../provider/http/httpTypes";
import { requestUrl } from "../../provider/http/requestUrl";
import type { BucketRef, Vendor } from "../../provider/model/inventoryConfig";
import { FULL, REFS } from "../unit/dialects/configs";

const NOW = new Date("2026-01-02T03:04:05Z");
const CREDENTIALS = { accessKeyId: "GOLDENKEYID", secretAccessKey: "golden-secret-not-real" };
const ENDPOINT = "http://127.0.0.1:9000";

/** Keeps the scheme, key id, scope and signed-header lists; drops only the signature value. */
export function redactAuthorization(value: string): string {
  return value
    .replace(/Signature=[0-9a-f]+/g, "Signature=<redacted>")
    .replace(/q-signature=[0-9a-f]+/g, "q-signature=<redacted>")
    .replace(/^(OSS|OBS|AWS) ([^:]+):.+$/, "$1 $2:<redacted>");
}

function render(title: string, request: HttpRequest): string {
  const headers = Object.keys(request.headers)
    .sort()
    .map((name) => `${name}: ${name === "authorization" ? redactAuthorization(request.headers[name]) : request.headers[name]}`);
  const body = request.body === undefined ? "" : `\n${request.body}\n`;
  return [`### ${title}`, `${request.method} ${requestUrl(request)}`, ...headers, body].join("\n");
}

function unsignedRequests(vendor: Vendor, ref: BucketRef): [string, HttpRequest][] {
  const d = DIALECTS[vendor];
  const describe = d.describeBucketSteps.map((step): [string, HttpRequest] => [
    `describeBucket ${step.name}`,
    step.build(ref, vendor === "s3" ? { expectedOwner: "111111111111" } : {}),
  ]);
  const token = vendor === "obs" ? [] : ([["listInventories (next page)", d.buildListInventories(ref, "tok/1+2=")]] as [string, HttpRequest][]);
  return [
    ["putInventory", d.buildPutInventory(ref, FULL[vendor])],
    ["getInventory", d.buildGetInventory(ref, "0012")],
    ["listInventories (first page)", d.buildListInventories(ref)],
    ...token,
    ["deleteInventory", d.buildDeleteInventory(ref, "0012")],
    ...describe,
  ];
}

async function snapshot(vendor: Vendor, ossVersion?: "v1" | "v4"): Promise<string> {
  const ctx = { dialect: DIALECTS[vendor], credentials: CREDENTIALS, signer: signerFor(vendor, ossVersion), now: () => NOW };
  const sections: string[] = [`# ${vendor}${ossVersion ? ` (signature ${ossVersion})` : ""}: requests at ${NOW.toISOString()}\n`];
  for (const [addressing, ref] of [
    ["virtual-hosted", REFS[vendor]],
    [`path-style (endpoint ${ENDPOINT})`, { ...REFS[vendor], endpoint: ENDPOINT }],
  ] as const) {
    for (const [name, request] of unsignedRequests(vendor, ref)) {
      sections.push(render(`${name} · ${addressing}`, await prepareRequest(request, ref, ctx)));
    }
  }
  return sections.join("\n");
}

// Every row has all three members: jest.each hands a missing one to the test as a `done` callback.
const CASES: [string, Vendor, "v1" | "v4" | undefined][] = [
  ["oss.txt", "oss", "v4"],
  ["oss-v1.txt", "oss", "v1"],
  ["cos.txt", "cos", undefined],
  ["obs.txt", "obs", undefined],
  ["s3.txt", "s3", undefined],
];

describe("golden request snapshots", () => {
  test.each(CASES)("%s matches what the client sends", async (file, vendor, version) => {
    const path = join(__dirname, file);
    const actual = await snapshot(vendor, version);
    // Written only when asked: a missing file is a failure (under --ci as anywhere), never a fresh snapshot that
    // would pass whatever the client sends.
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync(path, actual);
    if (!existsSync(path)) throw new Error(`${file} is missing: run UPDATE_GOLDEN=1 sh scripts/with-node22.sh npx jest tests/golden, then review it`);
    expect(actual).toBe(readFileSync(path, "utf8"));
  });

  test("a snapshot never contains the secret or a signature", async () => {
    for (const [, vendor, version] of CASES) {
      const text = await snapshot(vendor, version);
      expect(text).not.toContain(CREDENTIALS.secretAccessKey);
      expect(text).not.toMatch(/Signature=[0-9a-f]{8}|q-signature=[0-9a-f]|(OSS|OBS|AWS) [^:\n]+:[A-Za-z0-9+/]{8}/);
    }
  });
});
