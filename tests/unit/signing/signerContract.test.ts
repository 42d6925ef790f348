import { ConfigError } from "../../../provider/errors";
import type { HttpRequest } from "../../../provider/http/httpTypes";
import { signCos } from "../../../provider/signing/cosQSign";
import { OBS_AWS_V2_FLAVOR, obsStringToSign, signObs, signObsAwsV2 } from "../../../provider/signing/obsSignature";
import { ossV1StringToSign, signOssV1 } from "../../../provider/signing/ossV1";
import { ossV4CanonicalRequest, signOssV4 } from "../../../provider/signing/ossV4";
import { signSigV4 } from "../../../provider/signing/sigV4";
import type { SigningInput } from "../../../provider/signing/signingTypes";

/** What every signer promises, checked on each: pure, deterministic, token handled, secrets never echoed. */

const TOKEN = "STS.token-value/with+chars=";
const SECRET = "super-secret-key-0123456789";

interface Case {
  scheme: string;
  sign: (r: HttpRequest, i: SigningInput) => HttpRequest | Promise<HttpRequest>;
  tokenHeader: string;
  /** Says whether the token header is part of what the signature covers. */
  tokenSigned: (signed: HttpRequest) => boolean;
}

const cases: Case[] = [
  { scheme: "OSS V1", sign: signOssV1, tokenHeader: "x-oss-security-token",
    tokenSigned: (s) => ossV1StringToSign(s, "srcbucket").includes(`\nx-oss-security-token:${TOKEN}\n`) },
  { scheme: "OSS V4", sign: (r, i) => signOssV4(r, i), tokenHeader: "x-oss-security-token",
    tokenSigned: (s) => ossV4CanonicalRequest(s, "srcbucket", []).includes(`\nx-oss-security-token:${TOKEN}\n`) },
  { scheme: "COS", sign: (r, i) => signCos(r, i), tokenHeader: "x-cos-security-token",
    tokenSigned: (s) => /q-header-list=[^&]*x-cos-security-token/.test(s.headers.authorization ?? "") },
  { scheme: "OBS", sign: signObs, tokenHeader: "x-obs-security-token",
    tokenSigned: (s) => obsStringToSign(s, "srcbucket").includes(`\nx-obs-security-token:${TOKEN}\n`) },
  { scheme: "OBS S3-compatible V2", sign: signObsAwsV2, tokenHeader: "x-amz-security-token",
    tokenSigned: (s) => obsStringToSign(s, "srcbucket", OBS_AWS_V2_FLAVOR).includes(`\nx-amz-security-token:${TOKEN}\n`) },
  { scheme: "SigV4", sign: signSigV4, tokenHeader: "x-amz-security-token",
    tokenSigned: (s) => /SignedHeaders=[^,]*x-amz-security-token/.test(s.headers.authorization ?? "") },
];

function request(): HttpRequest {
  return {
    method: "PUT",
    origin: "https://srcbucket.example.com",
    path: "/",
    query: [["inventory", ""], ["id", "report1"]],
    headers: { host: "srcbucket.example.com", "content-type": "application/xml", "content-md5": "vIlNVTlltzQc3mhg027r7Q==" },
    body: "<InventoryConfiguration/>",
  };
}

function input(securityToken?: string): SigningInput {
  return {
    credentials: { accessKeyId: "AKID", secretAccessKey: SECRET, ...(securityToken ? { securityToken } : {}) },
    now: new Date("2026-11-21T23:18:32Z"),
    region: "cn-hangzhou",
    bucket: "srcbucket",
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !(value instanceof Date)) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe.each(cases.map((c) => [c.scheme, c] as const))("%s signer", (_scheme, c) => {
  it("returns the same request for the same input", async () => {
    expect(await c.sign(request(), input())).toEqual(await c.sign(request(), input()));
  });

  it("returns a new request and leaves the input request and signing input untouched", async () => {
    const req = deepFreeze(request());
    const inp = input(TOKEN);
    Object.freeze(inp.credentials);
    const before = JSON.stringify({ req, inp });
    const signed = await c.sign(req, inp);
    expect(JSON.stringify({ req, inp })).toBe(before);
    expect(signed).not.toBe(req);
    expect(signed.headers).not.toBe(req.headers);
    expect(signed.headers.authorization).toBeTruthy();
    expect(req.headers.authorization).toBeUndefined();
  });

  it("with an STS token, sends it in its header and signs it", async () => {
    const signed = await c.sign(request(), input(TOKEN));
    expect(signed.headers[c.tokenHeader]).toBe(TOKEN);
    expect(c.tokenSigned(signed)).toBe(true);
    const unsigned = await c.sign(request(), input());
    expect(unsigned.headers[c.tokenHeader]).toBeUndefined();
    expect(c.tokenSigned(unsigned)).toBe(false);
  });

  it("never puts the secret key in the signed request", async () => {
    const signed = await c.sign(request(), input(TOKEN));
    expect(JSON.stringify(signed)).not.toContain(SECRET);
  });

  it("refuses empty credentials with a ConfigError that names the field, not the key", async () => {
    const noKey = { ...input(), credentials: { accessKeyId: "AKID", secretAccessKey: "" } };
    await expect(async () => c.sign(request(), noKey)).rejects.toThrow(ConfigError);
    await expect(async () => c.sign(request(), noKey)).rejects.toThrow(/credentials\.secretAccessKey is empty/);
    const noId = { ...input(), credentials: { accessKeyId: "", secretAccessKey: SECRET } };
    const error = await Promise.resolve()
      .then(() => c.sign(request(), noId))
      .then(() => undefined, (e: unknown) => e as Error);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.message).toContain("credentials.accessKeyId is empty");
    expect(error!.message).not.toContain(SECRET);
  });

  it("refuses an invalid clock", async () => {
    await expect(async () => c.sign(request(), { ...input(), now: new Date("not a date") })).rejects.toThrow(/now is Invalid Date/);
  });
});
