import { AdminError, type FakeCloudAdmin } from "./fakeCloudAdmin";
import { safeDecode, type FakeRequest } from "./fakeRequest";
import { jsonResponse, xmlResponse, type FakeResponse } from "./fakeResponse";
import type { FaultRule } from "./faults";
import { parseDuration } from "./clock/fakeClock";
import { ADMIN_PREFIX } from "./router";
import { SeedError, type Vendor } from "./seed";

/**
 * The admin API: unsigned JSON under /__fake/ (documented in tests/fake/README.md). Errors are
 * `{"error": "..."}` with 400 (bad input) or 404 (unknown route, bucket or configuration).
 */
export function handleAdminRequest(req: FakeRequest, admin: FakeCloudAdmin): FakeResponse {
  try {
    return route(req, admin);
  } catch (error) {
    if (error instanceof AdminError) return jsonResponse(error.status, { error: error.message });
    if (error instanceof SeedError) return jsonResponse(400, { error: error.message, problems: error.problems });
    if (error instanceof SyntaxError) return jsonResponse(400, { error: `request body: ${error.message}` });
    return jsonResponse(400, { error: (error as Error).message });
  }
}

function route(req: FakeRequest, admin: FakeCloudAdmin): FakeResponse {
  const parts = req.rawPath.slice(ADMIN_PREFIX.length).split("/").map(safeDecode);
  const [resource, ...rest] = parts;
  const m = req.method;
  const ok = (value: unknown = { ok: true }) => jsonResponse(200, value);
  switch (`${m} ${resource}`) {
    case "GET health":
      return ok();
    case "POST reset":
      admin.reset();
      return ok();
    case "POST seed":
      admin.loadSeed(json(req));
      return ok();
    case "GET requests":
      return ok(admin.requests());
    case "DELETE requests":
      admin.clearRequests();
      return ok();
    case "GET faults":
      return ok(admin.faults());
    case "POST faults": {
      const body = json(req) as FaultRule | FaultRule[];
      return ok((Array.isArray(body) ? body : [body]).map((rule) => admin.injectFault(rule)));
    }
    case "DELETE faults":
      admin.clearFaults();
      return ok();
    case "POST run-inventory": {
      const body = json(req) as { vendor: Vendor; bucket: string; id: string; maxRowsPerFile?: number };
      return ok(admin.runInventory(body.vendor, body.bucket, body.id, { maxRowsPerFile: body.maxRowsPerFile }));
    }
    case "GET state":
      return ok(admin.dump());
    case "GET clock":
      return ok(admin.clock());
    case "POST clock":
      return ok(admin.advanceClock(advanceMs(json(req))));
    case "GET inventory-runs":
      return ok(admin.inventoryRuns());
    case "POST generate-objects": {
      const body = json(req) as { vendor: Vendor; bucket: string; prefix?: string; count?: number; size?: number; storageClass?: string };
      return ok(admin.generateObjects(body.vendor, body.bucket, body));
    }
  }
  if (resource === "grants" && m === "PUT" && rest.length === 2) {
    const grants = json(req) as string[] | null;
    admin.setInventoryGrants(rest[0] as Vendor, rest[1], grants ?? undefined);
    return ok();
  }
  if (resource === "inventories" && rest.length === 3) return inventoryRoute(req, admin, rest as [Vendor, string, string]);
  if (resource === "objects" && m === "PUT" && rest.length >= 3) {
    const [vendor, bucket, ...key] = rest;
    const result = admin.putObject(vendor as Vendor, bucket, key.join("/"), req.body, { contentType: req.headers["content-type"] });
    return ok(result);
  }
  throw new AdminError(404, `no admin route ${m} ${req.rawPath}`);
}

function inventoryRoute(req: FakeRequest, admin: FakeCloudAdmin, [vendor, bucket, id]: [Vendor, string, string]): FakeResponse {
  if (req.method === "GET") {
    const xml = admin.getInventoryXml(vendor, bucket, id);
    if (xml === undefined) throw new AdminError(404, `no ${vendor} inventory "${id}" on bucket "${bucket}"`);
    return xmlResponse(200, xml);
  }
  if (req.method === "PUT") {
    admin.putInventoryXml(vendor, bucket, id, req.body.toString("utf8"));
    return jsonResponse(200, { ok: true });
  }
  if (req.method === "DELETE") return jsonResponse(200, { deleted: admin.deleteInventory(vendor, bucket, id) });
  throw new AdminError(404, `no admin route ${req.method} ${req.rawPath}`);
}

/**
 * The largest JSON document the admin API reads (a seed, faults, a run). A seed of thousands of buckets is a few
 * hundred KiB; checking one this size takes a few milliseconds, so no admin request can hold the server up.
 */
export const MAX_ADMIN_JSON_BYTES = 1024 * 1024;

/** The content types a browser sends cross-site without asking first (a "simple" request): never JSON for us. */
const BROWSER_FORM_TYPES = new Set(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"]);
/** `{"advance": "36h"}` (or a number of seconds) → milliseconds; anything else is a 400 naming the rule. */
function advanceMs(body: unknown): number {
  const advance = (body as { advance?: unknown } | null)?.advance;
  const ms = typeof advance === "string" || typeof advance === "number" ? parseDuration(advance) : undefined;
  if (ms === undefined) {
    throw new AdminError(400, `advance ${JSON.stringify(advance)}: must be a duration such as "90s", "36h", "7d" or a number of seconds`);
  }
  return ms;
}

function json(req: FakeRequest): unknown {
  if (req.body.length > MAX_ADMIN_JSON_BYTES) {
    throw new AdminError(413, `request body: ${req.body.length} bytes of JSON, over the ${MAX_ADMIN_JSON_BYTES} bytes the admin API reads`);
  }
  const type = (req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
  if (BROWSER_FORM_TYPES.has(type)) {
    throw new AdminError(
      415,
      `request body: Content-Type ${type} is refused (a web page's form can send it); send the JSON as application/json (curl: --json)`,
    );
  }
  const text = req.body.toString("utf8");
  if (text.trim() === "") throw new AdminError(400, "request body: a JSON document is required");
  return JSON.parse(text);
}
