import ossLog from "../../vectors/captured/oss-log.json";
import cosLog from "../../vectors/captured/cos-log.json";
import obsLog from "../../vectors/captured/obs-log.json";
import s3Log from "../../vectors/captured/s3-log.json";
import { signOssV1 } from "../../../provider/signing/ossV1";
import { signOssV4 } from "../../../provider/signing/ossV4";
import { signCos } from "../../../provider/signing/cosQSign";
import { signObs, signObsAwsV2 } from "../../../provider/signing/obsSignature";
import { signSigV4 } from "../../../provider/signing/sigV4";
import type { HttpRequest } from "../../../provider/http/httpTypes";
import { splitUrl } from "./vectorRequests";

/**
 * Real requests captured from the vendors' SDKs (tests/vectors/captured/README.md). Each is re-signed by our
 * signer from its own method, URL, body and headers, with the record's own clock, and must come out with the
 * identical Authorization header. The headers a signer sets itself (date, token, authorization) are removed
 * first, so the test also proves the signer sets them the way the SDK did.
 */
interface CapturedRecord {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

function replay(record: CapturedRecord, dropped: string[]): HttpRequest {
  const { path, query } = splitUrl(record.url);
  const headers = Object.fromEntries(Object.entries(record.headers).filter(([name]) => !dropped.includes(name)));
  return {
    method: record.method as HttpRequest["method"],
    origin: `http://${record.headers.host}`,
    path,
    query,
    headers,
    ...(record.body ? { body: record.body } : {}),
  };
}

const label = (r: CapturedRecord) => `${r.method} ${r.url} (${r.headers.authorization!.split(/[ &]/)[0]})`;

describe("captured ali-oss 6.23.0 requests", () => {
  const v1 = (ossLog as CapturedRecord[]).filter((r) => r.headers.authorization!.startsWith("OSS "));
  const v4 = (ossLog as CapturedRecord[]).filter((r) => r.headers.authorization!.startsWith("OSS4-"));

  it.each(v1.map((r) => [label(r), r] as const))("V1 %s re-signs identically", (_l, r) => {
    const now = new Date(r.headers["x-oss-date"]!);
    const signed = signOssV1(replay(r, ["authorization", "x-oss-date"]), { credentials: { accessKeyId: "ak", secretAccessKey: "sk" }, now, region: "cn-hangzhou", bucket: "srcbucket" });
    expect(signed.headers["x-oss-date"]).toBe(r.headers["x-oss-date"]);
    expect(signed.headers.authorization).toBe(r.headers.authorization);
  });

  it.each(v4.map((r) => [label(r), r] as const))("V4 %s re-signs identically", (_l, r) => {
    const d = r.headers["x-oss-date"]!;
    const now = new Date(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 11)}:${d.slice(11, 13)}:${d.slice(13)}`);
    const request = replay(r, ["authorization", "x-oss-date", "x-oss-content-sha256"]);
    const signed = signOssV4(request, { credentials: { accessKeyId: "ak", secretAccessKey: "sk" }, now, region: "cn-hangzhou", bucket: "srcbucket" });
    expect(signed.headers["x-oss-date"]).toBe(d);
    expect(signed.headers.authorization).toBe(r.headers.authorization);
  });
});

describe("captured cos-nodejs-sdk-v5 3.0.0 requests", () => {
  it.each((cosLog as CapturedRecord[]).map((r) => [label(r), r] as const))("%s re-signs identically", (_l, r) => {
    const [start, end] = /q-key-time=(\d+);(\d+)/.exec(r.headers.authorization!)!.slice(1).map(Number) as [number, number];
    const signed = signCos(
      replay(r, ["authorization"]),
      { credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "SECRETEXAMPLE" }, now: new Date(start * 1000), region: "ap-guangzhou", bucket: "srcbucket-1250000000" },
      { keyTime: { start, end } },
    );
    expect(signed.headers.authorization).toBe(r.headers.authorization);
  });
});

describe("captured esdk-obs-nodejs 3.26.8 requests", () => {
  it.each((obsLog as CapturedRecord[]).map((r) => [`${label(r)} host ${r.headers.host}`, r] as const))("%s re-signs identically", (_l, r) => {
    const sign = r.headers.authorization!.startsWith("AWS ") ? signObsAwsV2 : signObs;
    const now = new Date(r.headers.date!);
    const signed = sign(replay(r, ["authorization", "date"]), { credentials: { accessKeyId: "AKOBSEXAMPLE", secretAccessKey: "SKOBSEXAMPLE" }, now, region: "cn-north-4", bucket: "srcbucket" });
    expect(signed.headers.date).toBe(r.headers.date);
    expect(signed.headers.authorization).toBe(r.headers.authorization);
  });
});

describe("captured @aws-sdk/client-s3 requests", () => {
  // aws-sdk also signs its amz-sdk-* and x-amz-user-agent headers; they stay on the replayed request, and our
  // signer signs every signable header it is given, so the SignedHeaders list must come out the same.
  it.each((s3Log as CapturedRecord[]).map((r) => [label(r), r] as const))("%s re-signs identically", async (_l, r) => {
    const d = r.headers["x-amz-date"]!;
    const now = new Date(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 11)}:${d.slice(11, 13)}:${d.slice(13)}`);
    const request = replay(r, ["authorization", "x-amz-date", "x-amz-content-sha256"]);
    const credentials = { accessKeyId: "EXAMPLE-AWS-KEY-ID", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };
    const signed = await signSigV4(request, { credentials, now, region: "us-east-1", bucket: "srcbucket" });
    expect(signed.headers["x-amz-content-sha256"]).toBe(r.headers["x-amz-content-sha256"]);
    expect(signed.headers.authorization).toBe(r.headers.authorization);
  });
});
