/**
 * The most expensive requests a client can send the fake cloud, each at the limit that bounds it
 * (tests/fake/README.md, "Limits"): configuration documents of 64 KiB in the shapes that cost its XML parser most,
 * an object body of 16 MiB, admin documents of 1 MiB, and requests whose cost grows with what the fake holds.
 * Each is signed with the provider's own dialects and signers just before it is sent.
 */
import { createHash } from "node:crypto";
import { request } from "undici";
import { prepareRequest } from "../../../provider/client/exchange";
import { signerFor } from "../../../provider/client/signerFor";
import { s3Address } from "../../../provider/dialects/s3/s3Dialect";
import { dialectFor } from "../../../provider/dialects/dialectFor";
import type { HttpRequest } from "../../../provider/http/httpTypes";
import { requestUrl } from "../../../provider/http/requestUrl";
import type { Vendor } from "../../../provider/model/inventoryConfig";
import { credentialsOf, sampleConfig, sourceRef } from "../../support/benchVendors";

/** The fake's limits (tests/fake/vendors/inventoryOperations.ts, adminRoutes.ts, index.ts). */
export const DOCUMENT_LIMIT = 64 * 1024;
export const ADMIN_JSON_LIMIT = 1024 * 1024;
export const BODY_LIMIT = 16 * 1024 * 1024;

/** A request ready to send: either signed for a vendor, or an admin call. */
export interface WorstRequest {
  label: string;
  /** What the fake must answer. */
  status: number;
  /** Runs after the reset, before the samples (not timed): e.g. filling the fake with objects. */
  prepare?: (url: string) => Promise<void>;
  /** The request changes the fake (a put): reset and prepare again before every sample. */
  mutates?: boolean;
  build(url: string): Promise<HttpRequest>;
}

/** A document of exactly `bytes` bytes: `head`, then `unit` repeated, padded with spaces, then `tail`. */
function filled(head: string, unit: string, tail: string, bytes: number): string {
  const room = bytes - head.length - tail.length;
  const count = Math.floor(room / unit.length);
  return head + unit.repeat(count) + " ".repeat(room - count * unit.length) + tail;
}

/** The vendor's valid sample document with `inner` inside its OptionalFields, `bytes` long in all. */
function configDocument(vendor: Vendor, url: string, unit: string, bytes: number): string {
  const valid = dialectFor(vendor).buildPutInventory(sourceRef(vendor, url), { ...sampleConfig(vendor, "worst"), optionalFields: ["Size"] }).body ?? "";
  const at = valid.indexOf("<Field>Size</Field>");
  return filled(valid.slice(0, at), unit, valid.slice(at), bytes);
}

async function signedPut(vendor: Vendor, url: string, body: string): Promise<HttpRequest> {
  const ref = sourceRef(vendor, url);
  const dialect = dialectFor(vendor);
  const built = dialect.buildPutInventory(ref, sampleConfig(vendor, "worst"));
  built.body = body;
  if (built.headers["content-md5"]) built.headers["content-md5"] = createHash("md5").update(body).digest("base64");
  return prepareRequest(built, ref, { dialect, credentials: credentialsOf(vendor), signer: signerFor(vendor), now: () => new Date() });
}

async function signedS3(url: string, request: Omit<HttpRequest, "origin" | "headers"> & { headers?: Record<string, string> }): Promise<HttpRequest> {
  const ref = sourceRef("s3", url);
  const address = s3Address(ref);
  const built: HttpRequest = { ...request, origin: address.origin, headers: { host: address.host, ...request.headers } };
  const dialect = dialectFor("s3");
  return prepareRequest(built, ref, { dialect, credentials: credentialsOf("s3"), signer: signerFor("s3"), now: () => new Date() });
}

function admin(url: string, method: HttpRequest["method"], route: string, body?: string): HttpRequest {
  const origin = new URL(url);
  const headers: Record<string, string> = { host: origin.host, ...(body === undefined ? {} : { "content-type": "application/json" }) };
  return { method, origin: url, path: `/__fake/${route}`, query: [], headers, ...(body === undefined ? {} : { body }) };
}

/** A seed of `bytes` bytes: the default seed's S3 accounts plus as many extra accounts, each owning a bucket. */
function bigSeed(defaultSeed: { accounts: object[]; buckets: object[] }, bytes: number): string {
  const accounts = [...defaultSeed.accounts];
  const buckets = [...defaultSeed.buckets];
  let size = JSON.stringify({ accounts, buckets }).length;
  for (let i = 0; ; i++) {
    const account = { vendor: "s3", accountId: String(200_000_000_000 + i), accessKeyId: `BENCHSEEDKEY${i}`, secretAccessKey: "bench" };
    const bucket = { vendor: "s3", name: `seed-bucket-${i}`, region: "us-east-1", accountId: account.accountId };
    const more = JSON.stringify(account).length + JSON.stringify(bucket).length + 2;
    if (size + more > bytes) break;
    accounts.push(account);
    buckets.push(bucket);
    size += more;
  }
  return JSON.stringify({ accounts, buckets });
}

/** Fault rules that never match (a path no request has), `bytes` of them as one JSON array. */
function manyFaults(bytes: number): { body: string; count: number } {
  const rule = JSON.stringify({ match: { path: "^/never-(a|b)+$", operation: "PutObject" }, times: "always", action: { kind: "status", status: 503 } });
  const count = Math.floor((bytes - 2) / (rule.length + 1));
  return { body: `[${Array.from({ length: count }, () => rule).join(",")}]`, count };
}

export const OBJECTS_HELD = 20_000;

export function worstRequests(defaultSeed: { accounts: object[]; buckets: object[] }): WorstRequest[] {
  const faults = manyFaults(ADMIN_JSON_LIMIT);
  const fillObjects = async (url: string) => {
    for (let start = 0; start < OBJECTS_HELD; start += 500) {
      await Promise.all(
        Array.from({ length: 500 }, (_, i) => fetch(`${url}/__fake/objects/s3/photos/held/${String(start + i).padStart(6, "0")}`, { method: "PUT", body: "x" })),
      );
    }
  };
  return [
    ...(["oss", "cos", "obs", "s3"] as const).map((vendor): WorstRequest => ({
      label: `${vendor} PutInventory, ${DOCUMENT_LIMIT / 1024} KiB of <Field> elements`,
      status: 200,
      mutates: true,
      build: (url) => signedPut(vendor, url, configDocument(vendor, url, "<Field>Size</Field>", DOCUMENT_LIMIT)),
    })),
    { label: "s3 PutInventory, 64 KiB of text and empty elements interleaved (refused at the schema)", status: 400, build: (url) => signedPut("s3", url, configDocument("s3", url, "x<b/>", DOCUMENT_LIMIT)) },
    { label: "s3 PutInventory, 64 KiB of character references", status: 200, build: (url) => signedPut("s3", url, configDocument("s3", url, "<Field>&#x53;ize</Field>", DOCUMENT_LIMIT)) },
    { label: "s3 PutInventory, 64 KiB + 1 byte (refused before parsing)", status: 400, build: (url) => signedPut("s3", url, configDocument("s3", url, "<Field>Size</Field>", DOCUMENT_LIMIT + 1)) },
    { label: "s3 PutObject, 16 MiB", status: 200, build: (url) => signedS3(url, { method: "PUT", path: "/photos/worst-object", query: [], body: "x".repeat(BODY_LIMIT) }) },
    { label: "s3 PutObject, 16 MiB + 1 byte (drained, refused)", status: 400, build: (url) => signedS3(url, { method: "PUT", path: "/photos/worst-object", query: [], body: "x".repeat(BODY_LIMIT + 1) }) },
    { label: "admin seed, 1 MiB (thousands of accounts and buckets)", status: 200, mutates: true, build: async (url) => admin(url, "POST", "seed", bigSeed(defaultSeed, ADMIN_JSON_LIMIT)) },
    { label: `admin faults, 1 MiB (${faults.count} rules)`, status: 200, mutates: true, build: async (url) => admin(url, "POST", "faults", faults.body) },
    {
      label: `s3 GetBucketLocation while ${faults.count} fault rules are armed (none matches)`,
      status: 200,
      prepare: async (url) => void (await fetch(`${url}/__fake/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: faults.body })),
      build: (url) => signedS3(url, { method: "GET", path: "/photos/", query: [["location", ""]] }),
    },
    {
      label: `s3 ListObjectsV2 (1000 keys) on a bucket holding ${OBJECTS_HELD} objects`,
      status: 200,
      prepare: fillObjects,
      build: (url) => signedS3(url, { method: "GET", path: "/photos/", query: [["list-type", "2"]] }),
    },
    {
      label: `admin run-inventory over ${OBJECTS_HELD} objects`,
      status: 200,
      prepare: async (url) => {
        await fillObjects(url);
        const put = await signedPut("s3", url, dialectFor("s3").buildPutInventory(sourceRef("s3", url), sampleConfig("s3", "worst")).body ?? "");
        await send(put);
      },
      build: async (url) => admin(url, "POST", "run-inventory", JSON.stringify({ vendor: "s3", bucket: "photos", id: "worst" })),
    },
  ];
}

/** Sends one request on a fresh connection; resolves with the status once the whole answer is read. */
export async function send(r: HttpRequest): Promise<number> {
  const response = await request(requestUrl(r), { method: r.method, headers: r.headers, body: r.body, reset: true });
  await response.body.arrayBuffer();
  return response.statusCode;
}
