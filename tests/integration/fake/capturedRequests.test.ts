import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseAuthorization } from "../../fake/auth/authorizationHeader";
import type { SignedRequestView } from "../../fake/auth/signedRequestView";
import { verifySignature } from "../../fake/auth/verifySignature";
import { buildFakeRequest } from "../../fake/fakeRequest";
import { resolveAddress } from "../../fake/router";
import type { SeedAccount, Vendor } from "../../fake/seed";

// Real requests the official SDKs sent to a capture server (tests/vectors/captured/README.md names the source).
interface Captured {
  method: string;
  url: string;
  rawHeaders: string[];
  body: string;
}

const SECRETS: Record<string, { vendor: Vendor; secret: string }> = {
  oss: { vendor: "oss", secret: "sk" },
  cos: { vendor: "cos", secret: "SECRETEXAMPLE" },
  obs: { vendor: "obs", secret: "SKOBSEXAMPLE" },
  s3: { vendor: "s3", secret: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
};
// Within 15 minutes of every capture and inside the COS q-sign-time window.
const CAPTURE_TIME = new Date(Date.UTC(2026, 10, 21, 23, 20, 0));

function load(name: string): Captured[] {
  return JSON.parse(readFileSync(join(__dirname, "../../vectors/captured", `${name}-log.json`), "utf8")) as Captured[];
}

function verify(record: Captured, vendor: Vendor, secret: string, now = CAPTURE_TIME) {
  const req = buildFakeRequest("test", record.method, record.url, record.rawHeaders, Buffer.from(record.body, "utf8"));
  const parsed = parseAuthorization(req.headers.authorization);
  if (parsed.kind !== "parsed") throw new Error(`unparsed authorization in ${record.url}`);
  const address = resolveAddress(req.host, req.rawPath, (name) => name === "srcbucket");
  const view: SignedRequestView = { ...req, ...address };
  const account: SeedAccount = { vendor, accountId: "1", accessKeyId: parsed.auth.accessKeyId, secretAccessKey: secret };
  return { scheme: parsed.auth.scheme, error: verifySignature(parsed.auth, account, view, now) };
}

describe.each(Object.entries(SECRETS))("captured %s SDK requests", (name, { vendor, secret }) => {
  const records = load(name);

  it.each(records.map((r, i) => [i, r.method, r.url, r] as const))("#%i %s %s verifies with the right secret", (_i, _m, _u, record) => {
    expect(verify(record, vendor, secret).error).toBeUndefined();
  });

  it.each(records.map((r, i) => [i, r.method, r.url, r] as const))("#%i %s %s fails with a wrong secret", (_i, _m, _u, record) => {
    expect(verify(record, vendor, `${secret}x`).error?.code).toBe("SignatureDoesNotMatch");
  });
});

describe("captured requests and the clock", () => {
  it("an OSS request an hour old is RequestTimeTooSkewed", () => {
    const later = new Date(CAPTURE_TIME.getTime() + 3600_000);
    expect(verify(load("oss")[0], "oss", "sk", later).error?.code).toBe("RequestTimeTooSkewed");
  });

  it("a COS request after its q-sign-time window has expired", () => {
    const later = new Date(CAPTURE_TIME.getTime() + 3600_000);
    const error = verify(load("cos")[0], "cos", "SECRETEXAMPLE", later).error;
    expect([error?.status, error?.code, error?.message]).toEqual([403, "AccessDenied", "Request has expired"]);
  });

  it("covers every scheme the SDKs use", () => {
    const schemes = new Set(Object.entries(SECRETS).flatMap(([name, { vendor, secret }]) => load(name).map((r) => verify(r, vendor, secret).scheme)));
    expect([...schemes].sort()).toEqual(["aws-v2", "aws-v4", "cos", "obs", "oss-v1", "oss-v4"]);
  });
});
