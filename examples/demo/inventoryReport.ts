/**
 * Shows an inventory doing its job: a few objects go into the OSS source bucket, the fake cloud runs the inventory
 * now (admin API), and the report it wrote is read back from the destination bucket with ordinary signed OSS GETs
 * (manifest.json, then the first rows of the gzipped CSV), as a user's tooling would read it.
 */
import * as http from "node:http";
import { gunzipSync } from "node:zlib";
import type { Credentials } from "../../provider/signing/signingTypes";
import { signOssV1 } from "../../provider/signing/ossV1";
import { FakeCloudAdminApi } from "./fakeCloudAdmin";

const SAMPLE_OBJECTS: [key: string, body: string][] = [
  ["logs/2024/app-01.log", "GET /index.html 200\n"],
  ["logs/2024/app-02.log", "GET /photos/cat.jpg 200\nGET /photos/dog.jpg 404\n"],
  ["logs/2025/app-01.log", "POST /upload 201\n"],
  ["images/cat.jpg", "not really a jpeg"],
];

interface Target {
  url: string;
  credentials: Credentials;
  region: string;
  source: string;
  inventoryId: string;
}

/** Returns the lines to print. */
export async function showInventoryReport(target: Target): Promise<string[]> {
  const admin = new FakeCloudAdminApi(target.url);
  for (const [key, body] of SAMPLE_OBJECTS) await admin.putObject("oss", target.source, key, body);
  const run = await admin.runInventory("oss", target.source, target.inventoryId);
  const lines = [
    `Put ${SAMPLE_OBJECTS.length} objects into oss bucket "${target.source}" (${SAMPLE_OBJECTS.map(([k]) => k).join(", ")}),`,
    `then ran inventory "${target.inventoryId}" now (POST /__fake/run-inventory): ${run.rowCount} rows, written to bucket "${run.destinationBucket}":`,
    ...run.keys.map((key) => `    ${key}`),
  ];
  if (!run.manifestKey) return [...lines, `  no report: ${run.skippedReason ?? "nothing matched"}`];
  const manifestText = (await getObject(target, run.destinationBucket, run.manifestKey)).toString("utf8");
  const manifest = JSON.parse(manifestText) as { fileSchema: string; files: { key: string }[] };
  lines.push("", `manifest.json:`, ...JSON.stringify(manifest, null, 2).split("\n").map((l) => `    ${l}`));
  const first = manifest.files[0];
  if (first) {
    const csv = gunzipSync(await getObject(target, run.destinationBucket, first.key)).toString("utf8");
    lines.push("", `${first.key} (gunzipped; columns: ${manifest.fileSchema}):`, ...csv.trimEnd().split("\n").map((l) => `    ${l}`));
  }
  return lines;
}

/** One GET Object, path-style, signed with OSS V1 by the provider's own signer. */
async function getObject(target: Target, bucket: string, key: string): Promise<Buffer> {
  const origin = new URL(target.url);
  const path = `/${bucket}/${key.split("/").map(encodeURIComponent).join("/")}`;
  const signed = signOssV1(
    { method: "GET", origin: target.url, path, query: [], headers: { host: origin.host } },
    { credentials: target.credentials, now: new Date(), region: target.region, bucket },
  );
  return new Promise<Buffer>((resolve, reject) => {
    const req = http.request({ host: origin.hostname, port: origin.port, method: "GET", path, headers: signed.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const body = Buffer.concat(chunks);
        if (res.statusCode === 200) resolve(body);
        else reject(new Error(`GET ${bucket}/${key}: ${res.statusCode} ${body.toString("utf8").slice(0, 300)}`));
      });
    });
    req.on("error", reject);
    req.end();
  });
}
