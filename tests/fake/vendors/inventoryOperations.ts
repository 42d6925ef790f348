import { messageTooLong } from "../errors";
import { queryValue } from "../fakeRequest";
import { emptyResponse, xmlResponse, type FakeResponse } from "../fakeResponse";
import { parseXmlDocument } from "../xml/parseXmlDocument";
import { renderXml } from "../xml/renderXml";
import { element, type XmlElement } from "../xml/xmlElement";
import { checkContentMd5 } from "./contentMd5";
import { decodeToken, encodeToken } from "./continuationToken";
import { readWithSchema, renderWithSchema, SchemaViolationError, textAt, type ConfigNode } from "./inventorySchema";
import type { BucketContext, VendorDialect } from "./vendorDialect";

const PAGE_SIZE = 100;

/**
 * The largest configuration document read. The largest the vendors' schemas allow is a few KiB (a 192-character id,
 * 1 KiB prefixes, 16 fields, 10 tags); parsing is linear, and this bound keeps the worst document's parse far
 * under a second (docs/reliability.md has the figure) while object bodies may be much larger.
 */
export const MAX_DOCUMENT_BYTES = 64 * 1024;

/**
 * PUT: Content-MD5 (the body is the one sent) → XML → schema → query id vs body Id → id rule → the vendor's own checks (destination, filters) →
 * put-on-existing → per-bucket limit → conflicts with the other configurations → stored. Same order as the
 * services (and LocalStack) report them: the document first, then the id, then the destination.
 */
export function putInventory(ctx: BucketContext, dialect: VendorDialect): FakeResponse {
  const rules = dialect.inventory;
  const id = queryValue(ctx.req, rules.idParam);
  if (id === undefined || id === "") throw rules.missingId();
  checkContentMd5(ctx.req, ctx.vendor, { required: true });
  const config = readConfig(ctx.req.body, dialect);
  const bodyId = textAt(config, "Id");
  if (bodyId !== id) throw rules.idMismatch(id, bodyId);
  const idError = rules.checkId(id);
  if (idError) throw idError;
  const accepted = rules.validate(config, ctx);
  const { vendor, store } = ctx;
  const bucket = ctx.bucket.name;
  if (store.getInventory(vendor, bucket, id) && rules.alreadyExists) throw rules.alreadyExists(id);
  const others = store.inventories(vendor, bucket).filter((c) => c.id !== id);
  if (others.length >= rules.limit) throw rules.tooMany(rules.limit);
  const conflict = rules.checkAgainst?.(accepted, others);
  if (conflict) throw conflict;
  store.putInventory(vendor, bucket, { id, config: accepted, createdAt: ctx.now.toISOString() });
  return emptyResponse(200);
}

/** `outOfBand`: an admin edit standing for another tool's, which may hold characters XML 1.0 cannot carry. */
export function readConfig(body: Buffer, dialect: VendorDialect, options: { outOfBand?: boolean } = {}): ConfigNode {
  if (body.length > MAX_DOCUMENT_BYTES) throw messageTooLong(body.length, MAX_DOCUMENT_BYTES);
  const doc = parseXmlDocument(body, { controlCharacters: options.outOfBand });
  try {
    return readWithSchema(doc, dialect.inventory.schema);
  } catch (error) {
    if (error instanceof SchemaViolationError) throw dialect.inventory.schemaError(error.violation);
    throw error;
  }
}

export function getInventory(ctx: BucketContext, dialect: VendorDialect): FakeResponse {
  const rules = dialect.inventory;
  const id = queryValue(ctx.req, rules.idParam) ?? "";
  const stored = ctx.store.getInventory(ctx.vendor, ctx.bucket.name, id);
  if (!stored) throw rules.notFound(id);
  return xmlResponse(200, renderXml(renderConfig(stored.config, ctx, dialect)));
}

export function deleteInventory(ctx: BucketContext, dialect: VendorDialect): FakeResponse {
  const rules = dialect.inventory;
  const id = queryValue(ctx.req, rules.idParam);
  if (id === undefined || id === "") throw rules.missingId();
  if (!ctx.store.deleteInventory(ctx.vendor, ctx.bucket.name, id)) throw rules.notFound(id);
  return emptyResponse(204);
}

/** 100 per page ordered by id with an opaque continuation token; OBS returns everything on one page. */
export function listInventories(ctx: BucketContext, dialect: VendorDialect): FakeResponse {
  const rules = dialect.inventory;
  const all = ctx.store.inventories(ctx.vendor, ctx.bucket.name);
  const token = queryValue(ctx.req, "continuation-token");
  const after = rules.paginated && token ? decodeToken(token) : undefined;
  const remaining = after === undefined ? all : all.filter((c) => c.id > after);
  const page = rules.paginated ? remaining.slice(0, PAGE_SIZE) : remaining;
  const truncated = page.length < remaining.length;
  const children: XmlElement[] = page.map((c) => renderConfig(c.config, ctx, dialect, false));
  if (rules.listPaging) {
    if (token) children.unshift(element("ContinuationToken", token));
    children.push(element("IsTruncated", String(truncated)));
    if (truncated) children.push(element("NextContinuationToken", encodeToken(page[page.length - 1].id)));
  }
  const ns = dialect.namespace(ctx.scheme);
  return xmlResponse(200, renderXml(element(rules.listRoot, children, ns ? { xmlns: ns } : undefined)));
}

function renderConfig(config: ConfigNode, ctx: BucketContext, dialect: VendorDialect, root = true): XmlElement {
  const ns = root ? dialect.namespace(ctx.scheme) : undefined;
  return renderWithSchema(config, dialect.inventory.schema, ns ? { xmlns: ns } : undefined);
}
